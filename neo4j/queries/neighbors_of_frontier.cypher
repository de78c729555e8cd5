// params: frontier, within
// One level of the neighbourhood walks of a batch of queries. $frontier holds
// maps {query, id, direction, types, asOf}: for each, every relation between
// entities that touches the entity id and matches direction ('OUT': the
// entity is its start; 'IN': its end; 'BOTH': either), types (all when
// empty) and asOf (a date the relation must be valid on; any when null),
// with the entity at its other end. Go orders the rows and applies the
// walk's rules (newsgraph.Traverser), so every store returns the same
// subgraph; one round trip serves every query of the batch. Only what the
// walk decides by is returned, with element ids: a hub's level holds
// thousands of rows, of which the walk keeps up to its limit, and
// subgraph_elements.cypher then reads those whole. $within[q], when not
// null, lists the entities of query q's walk, which is truncated: only
// relations to those can still join it, so no other row is returned for
// it (a hub's second level then holds the relations among its nodes).
UNWIND $frontier AS row
MATCH (n:Entity {id: row.id})-[r]-(m:Entity)
WHERE (size(row.types) = 0 OR type(r) IN row.types)
  AND (row.direction = 'BOTH'
    OR (row.direction = 'OUT' AND startNode(r) = n)
    OR (row.direction = 'IN' AND endNode(r) = n))
  AND (row.asOf IS NULL
    OR ((r.validFrom IS NULL OR r.validFrom <= row.asOf)
      AND (r.validTo IS NULL OR r.validTo >= row.asOf)))
  AND ($within[row.query] IS NULL OR m.id IN $within[row.query])
RETURN row.query AS query, row.id AS frontierId,
       r.id AS relationId, elementId(r) AS relationElement,
       m.id AS otherId, m.kind AS otherKind, elementId(m) AS otherElement
