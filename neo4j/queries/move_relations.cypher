// params: relations
// Writes the relations a merge re-points ($relations: maps {id, type, from,
// to, properties, evidence}) under their new ids. A relation that does not
// exist yet is created with the moved relation's properties; one that
// exists keeps its own properties. Either way it gains the moved evidence
// (maps {quote, documentId, start, end}) after its stored evidence, without
// duplicate (quote, documentId) pairs whatever their offsets. The type is a dynamic type set from a parameter (Cypher 5.26)
// after Go checked it with newsgraph.ValidRelationType.
UNWIND $relations AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
ON CREATE SET r = row.properties
// The write lock is taken before the stored evidence is read, as in
// upsert_relations.cypher; the marker is removed below.
SET r.locked = true
WITH r, row,
     coalesce(r.evidenceQuotes, []) AS quotes,
     coalesce(r.evidenceDocumentIds, []) AS documentIds,
     r.evidenceStarts AS starts, r.evidenceEnds AS ends
WITH r, row,
     [i IN range(0, size(quotes) - 1) | {quote: quotes[i], documentId: documentIds[i], start: coalesce(starts[i], 0), end: coalesce(ends[i], 0)}] AS stored
WITH r, stored + [ev IN row.evidence WHERE NOT {quote: ev.quote, documentId: ev.documentId} IN [s IN stored | {quote: s.quote, documentId: s.documentId}]] AS evidence
SET r.evidenceQuotes = [ev IN evidence | ev.quote],
    r.evidenceDocumentIds = [ev IN evidence | ev.documentId],
    r.evidenceStarts = [ev IN evidence | ev.start],
    r.evidenceEnds = [ev IN evidence | ev.end]
REMOVE r.locked
RETURN count(r) AS written
