// params: ids
// For each requested entity id that exists (an id merged away answers for
// its survivor), the number of relations at either end of it, a self-loop
// once. Every relation starts at an entity (MENTIONS links start at
// documents), so the outgoing ones are all relations and Neo4j counts them
// from the node's degree without expanding; the incoming ones are counted
// from entities only, and the self-loops, on both lists, once less.
// contradictions is the number of CONTRADICTS relations ending at a Claim
// (0 for other kinds), which a sketch reports beside the degree.
UNWIND $ids AS requested
OPTIONAL MATCH (x:Redirect {id: requested})
WITH requested, coalesce(x.into, requested) AS id
MATCH (e:Entity {id: id})
RETURN requested,
       COUNT { (e)-->() } + COUNT { (e)<--(:Entity) } - COUNT { (e)-->(e) } AS degree,
       CASE WHEN e:Claim THEN COUNT { (e)<-[:CONTRADICTS]-(:Entity) } ELSE 0 END AS contradictions
