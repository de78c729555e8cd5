// params: ids
// Removes the entities a merge folded into its survivor, with every
// relationship at them (DETACH): their relations were re-pointed to the
// survivor before, and their MENTIONS links, evidence and recorded ones, are re-created there.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
DETACH DELETE e
RETURN count(*) AS deleted
