// params: queries
// The relations among the nodes of the induced neighbourhoods of a batch:
// $queries holds maps {query, ids, types, asOf}; for each, every relation
// from one of ids to one of ids (so each relation once, whatever its
// direction) that matches types (all when empty) and asOf (a date the
// relation must be valid on; any when null). The walk's own edges are among
// them: Go drops those and orders the rest by id. Bounded: ids holds at
// most 500 nodes, each found by the id index and expanded outwards once,
// and only ids and element ids come back; subgraph_elements.cypher then
// reads the kept relations whole.
UNWIND $queries AS q
UNWIND q.ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN q.ids
  AND (size(q.types) = 0 OR type(r) IN q.types)
  AND (q.asOf IS NULL
    OR ((r.validFrom IS NULL OR r.validFrom <= q.asOf)
      AND (r.validTo IS NULL OR r.validTo >= q.asOf)))
RETURN q.query AS query, r.id AS relationId, elementId(r) AS relationElement
