// params: (none)
// Counts entities by kind, relations between entities and documents.
// Relations are counted from their start entity: MENTIONS links start at
// documents, so they are not counted.
CALL () {
  MATCH (e:Entity)
  WITH e.kind AS kind, count(e) AS entities
  RETURN collect({kind: kind, count: entities}) AS byKind
}
CALL () {
  MATCH (:Entity)-[r]->()
  RETURN count(r) AS relations
}
CALL () {
  MATCH (d:Document)
  RETURN count(d) AS documents
}
RETURN byKind, relations, documents
