// params: ids
// Every relation at either end of the entities in $ids, once each, with
// its ends. Both ends are entities, so MENTIONS and MERGED_INTO links never
// match.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WITH DISTINCT r
RETURN r, startNode(r).id AS from, endNode(r).id AS to
