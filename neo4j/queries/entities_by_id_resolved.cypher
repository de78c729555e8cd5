// params: ids
// The entities with the ids in $ids, each keyed by the requested id; an id
// merged away answers with its survivor.
UNWIND $ids AS requested
OPTIONAL MATCH (x:Redirect {id: requested})
WITH requested, coalesce(x.into, requested) AS id
MATCH (e:Entity {id: id})
RETURN requested, e
