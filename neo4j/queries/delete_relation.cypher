// params: id
// Deletes the relation $id ("from|TYPE|to"), found among the relations of
// its start entity, and returns it as it was, whose ends' MENTIONS links
// are pruned next. No row means there is no such relation.
MATCH (a:Entity {id: split($id, '|')[0]})-[r]->(b:Entity)
WHERE r.id = $id
WITH r, {type: type(r), properties: properties(r)} AS deleted, a.id AS from, b.id AS to
DELETE r
RETURN deleted, from, to
