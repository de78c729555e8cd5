// params: ids
// Takes the write locks of the entities with the ids in $ids and returns
// them, so that a read-modify-write of their properties (the aliases a
// merge adds) cannot lose a concurrent change: writers of these nodes wait
// until the transaction ends. The marker property is removed at once.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.locked = true
REMOVE e.locked
RETURN e
