// params: from, to, types, asOf, maxDepth, limit
// Up to $limit shortest simple paths (no node repeated) from $from to $to
// following relations in their direction, of at most $maxDepth relations.
// The predicates sit inside the selective path pattern, so they filter paths
// before SHORTEST picks them (a pre-filter): the paths returned are the
// shortest simple ones. 50 is newsgraph.MaxPathCount; 8 is MaxPathDepth.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = SHORTEST 50 (
  (a)((x:Entity)-[r WHERE (size($types) = 0 OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
        AND (r.validTo IS NULL OR r.validTo >= $asOf)))]->(:Entity)){1,8}(b)
  WHERE size(r) <= $maxDepth
    AND NOT b IN x
    AND all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..])
)
RETURN nodes(p) AS nodes, relationships(p) AS relations
ORDER BY size(relations)
LIMIT $limit
