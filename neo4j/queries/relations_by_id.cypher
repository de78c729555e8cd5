// params: ids
// A relation id is "from|TYPE|to": its start entity is found through the
// unique index on Entity.id, then the relation among its outgoing ones.
UNWIND $ids AS id
MATCH (a:Entity {id: split(id, '|')[0]})-[r]->(b:Entity)
WHERE r.id = id
RETURN r, a.id AS from, b.id AS to
