// params: id
// Deletes the relation $id ("from|TYPE|to"), found among the relations of
// its start entity, and returns its ends so that their MENTIONS links can
// be pruned. No row means there is no such relation.
MATCH (a:Entity {id: split($id, '|')[0]})-[r]->(b:Entity)
WHERE r.id = $id
WITH r, a.id AS from, b.id AS to
DELETE r
RETURN from, to
