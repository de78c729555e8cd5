// params: from, to, types, asOf
// A shortest path from $from to $to following relations in their direction,
// of at most 8 relations (newsgraph.MaxPathDepth); Go drops it when it is
// longer than the query's maxDepth. Every node on the path is an entity, so
// MENTIONS links are never followed.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)((:Entity)-[r WHERE (size($types) = 0 OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
        AND (r.validTo IS NULL OR r.validTo >= $asOf)))]->(:Entity)){1,8}(b)
RETURN nodes(p) AS nodes, relationships(p) AS relations
