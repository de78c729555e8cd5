// params: ids
// For each requested entity id (an id merged away answers for its
// survivor), the ids of the documents holding evidence of a relation at
// either end of it, in ascending order. The evidence lists are the source
// of truth, so the answer never depends on MENTIONS links.
UNWIND $ids AS requested
OPTIONAL MATCH (x:Redirect {id: requested})
WITH requested, coalesce(x.into, requested) AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r]-(:Entity)
  UNWIND r.evidenceDocumentIds AS documentId
  WITH DISTINCT documentId
  ORDER BY documentId
  RETURN collect(documentId) AS documentIds
}
RETURN requested, documentIds
