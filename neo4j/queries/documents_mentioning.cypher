// params: ids
// For each requested entity id (an id merged away answers for its
// survivor), the ids of the documents that record a mention of it (listed
// MENTIONS links) or hold evidence of a relation at either end of it, in
// ascending order. Evidence is read from the relations' evidence lists, so
// that part never depends on MENTIONS links.
UNWIND $ids AS requested
OPTIONAL MATCH (x:Redirect {id: requested})
WITH requested, coalesce(x.into, requested) AS id
MATCH (e:Entity {id: id})
CALL (e) {
  CALL (e) {
    MATCH (e)-[r]-(:Entity)
    UNWIND r.evidenceDocumentIds AS documentId
    RETURN documentId
    UNION
    MATCH (d:Document)-[m:MENTIONS]->(e)
    WHERE m.listed
    RETURN d.id AS documentId
  }
  WITH DISTINCT documentId
  ORDER BY documentId
  RETURN collect(documentId) AS documentIds
}
RETURN requested, documentIds
