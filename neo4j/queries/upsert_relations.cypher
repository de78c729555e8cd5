// params: relations
// Creates or updates relations ($relations: maps {id, type, from, to,
// properties, evidence}) as relationships whose type is the relation type,
// a dynamic type set from a parameter (Cypher 5.26) after Go checked it with
// newsgraph.ValidRelationType. An existing relation takes the batch's
// properties and keeps the union of its stored and new evidence (maps
// {quote, documentId, start, end}), stored first, without duplicate
// (quote, documentId) pairs whatever their offsets; the evidence
// is stored as the parallel lists evidenceQuotes, evidenceDocumentIds,
// evidenceStarts and evidenceEnds (the last two absent on relations written
// before offsets were recorded, which read as 0).
// Returns the relations it created and those that gained evidence, as
// stored after the write.
UNWIND $relations AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
// Both ends are write-locked before the relation is looked for, as MERGE
// would lock them: writers of one relation take turns, so that it is
// created once and no evidence is lost. The marker is removed at once.
SET a.locked = true, b.locked = true
REMOVE a.locked, b.locked
WITH a, b, row
// The stored relation is found by expanding its start entity. Not MERGE:
// with both ends bound, the planner of a graph whose statistics count no
// relationships (a fresh database) scans every relationship for every
// row, which made the first import into an empty database quadratic.
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[stored]->(other)
  WHERE other = b AND stored.id = row.id
  RETURN stored
}
CALL (a, b, row, stored) {
  WITH a, b, row, stored
  WHERE stored IS NULL
  CREATE (a)-[created:$(row.type)]->(b)
  RETURN created AS r, true AS isNew
  UNION ALL
  WITH stored
  WHERE stored IS NOT NULL
  RETURN stored AS r, false AS isNew
}
WITH a, b, r, row, isNew,
     coalesce(r.evidenceQuotes, []) AS quotes,
     coalesce(r.evidenceDocumentIds, []) AS documentIds,
     r.evidenceStarts AS starts, r.evidenceEnds AS ends
WITH a, b, r, row, isNew,
     [i IN range(0, size(quotes) - 1) | {quote: quotes[i], documentId: documentIds[i], start: coalesce(starts[i], 0), end: coalesce(ends[i], 0)}] AS stored
WITH a, b, r, row, isNew, size(stored) AS before, stored + [ev IN row.evidence WHERE NOT {quote: ev.quote, documentId: ev.documentId} IN [s IN stored | {quote: s.quote, documentId: s.documentId}]] AS evidence
SET r = row.properties,
    r.evidenceQuotes = [ev IN evidence | ev.quote],
    r.evidenceDocumentIds = [ev IN evidence | ev.documentId],
    r.evidenceStarts = [ev IN evidence | ev.start],
    r.evidenceEnds = [ev IN evidence | ev.end]
WITH r, {relation: r, from: a.id, to: b.id} AS item, isNew, NOT isNew AND size(evidence) > before AS gained
RETURN count(r) AS written,
       collect(CASE WHEN isNew THEN item END) AS created,
       collect(CASE WHEN gained THEN item END) AS corroborated
