// params: nodes, relations
// The entities and relations a neighbourhood walk kept, whole, by the
// element ids neighbors_of_frontier.cypher returned in the same
// transaction: $nodes and $relations are lists of element ids.
CALL () {
  UNWIND $nodes AS element
  MATCH (n:Entity)
  WHERE elementId(n) = element
  RETURN collect(n) AS nodes
}
CALL () {
  UNWIND $relations AS element
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE elementId(r) = element
  RETURN collect({relation: r, from: a.id, to: b.id}) AS relations
}
RETURN nodes, relations
