// params: ids
// Removes the MENTIONS links to the entities in $ids from documents that no
// longer hold evidence of any relation at them, after relations were
// deleted; recorded mentions (listed links) stay. The documents still
// supporting an entity are collected once per entity, so the cost is its
// relations plus its links.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r]-(:Entity)
  UNWIND r.evidenceDocumentIds AS documentId
  RETURN collect(DISTINCT documentId) AS supporting
}
MATCH (d:Document)-[m:MENTIONS]->(e)
WHERE NOT d.id IN supporting AND m.listed IS NULL
DELETE m
RETURN count(*) AS pruned
