// params: relations
// Creates or updates relations ($relations: maps {id, type, from, to,
// properties, evidence}) as relationships whose type is the relation type,
// a dynamic type set from a parameter (Cypher 5.26) after Go checked it with
// newsgraph.ValidRelationType. An existing relation takes the batch's
// properties and keeps the union of its stored and new evidence (maps
// {quote, documentId}), stored first, without duplicate pairs; the evidence
// is stored as the parallel lists evidenceQuotes and evidenceDocumentIds.
UNWIND $relations AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
// Writing takes the relationship's write lock before its evidence is read,
// so concurrent upserts of one relation take turns and no evidence is lost.
// SET r = row.properties below removes the marker again.
SET r.locked = true
WITH r, row,
     coalesce(r.evidenceQuotes, []) AS quotes,
     coalesce(r.evidenceDocumentIds, []) AS documentIds
WITH r, row,
     [i IN range(0, size(quotes) - 1) | {quote: quotes[i], documentId: documentIds[i]}] AS stored
WITH r, row, stored + [ev IN row.evidence WHERE NOT ev IN stored] AS evidence
SET r = row.properties,
    r.evidenceQuotes = [ev IN evidence | ev.quote],
    r.evidenceDocumentIds = [ev IN evidence | ev.documentId]
RETURN count(r) AS written
