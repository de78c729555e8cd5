// params: nodes, relations, sketches
// The entities and relations a neighbourhood walk kept, by the element ids
// neighbors_of_frontier.cypher returned in the same transaction: $nodes
// and $relations are lists of element ids read whole; $sketches lists
// relations only Sketch queries kept, read without their evidence quotes
// and offsets, which are most of a relation's bytes and which a sketch
// leaves out: only the document ids, which count its corroboration.
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
CALL () {
  UNWIND $sketches AS element
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE elementId(r) = element
  RETURN collect({properties: r {.id, .validFrom, .validTo, .confidence, .evidenceDocumentIds}, type: type(r), from: a.id, to: b.id}) AS sketches
}
RETURN nodes, relations, sketches
