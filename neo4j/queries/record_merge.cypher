// params: into, from, actor, at
// Keeps the audit record of a merge, (:Merge {into, from, actor, at,
// seq})-[:MERGED_INTO]->(survivor); seq numbers the survivor's records in
// the order they were made (the survivor is locked, so merges into it take
// turns). Older records attached to the entities merged away are attached
// to the survivor, which now holds their ids; their into is unchanged.
MATCH (e:Entity {id: $into})
CALL (e) {
  UNWIND $from AS id
  MATCH (old:Merge)-[l:MERGED_INTO]->(:Entity {id: id})
  DELETE l
  CREATE (old)-[:MERGED_INTO]->(e)
}
WITH e, COUNT { (:Merge {into: $into}) } AS seq
CREATE (m:Merge {into: $into, from: $from, at: $at, seq: seq})-[:MERGED_INTO]->(e)
// A null $actor (none given) sets nothing.
SET m.actor = $actor
RETURN m.seq AS seq
