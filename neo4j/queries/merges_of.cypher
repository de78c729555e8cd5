// params: ids
// The merge history of each survivor of $ids: every record attached to it
// by MERGED_INTO, that is its own merges and those into the entities merged
// into it (record_merge.cypher moves their records to it), in the order they
// were made. seq breaks ties between records of one survivor made at the
// same instant.
UNWIND $ids AS id
MATCH (m:Merge)-[:MERGED_INTO]->(:Entity {id: id})
WITH id, m
ORDER BY id, m.at, m.into, m.seq
RETURN id, m.into AS into, m.from AS from, m.actor AS actor, m.at AS at
