// params: ids
// For each document of $ids that exists, its recorded mentions in
// ascending entity id order: maps {entityId, spans}, an empty list for
// none. Links only evidence made are not recorded mentions.
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(e:Entity)
  WHERE m.listed
  WITH m, e
  ORDER BY e.id
  RETURN collect(CASE WHEN m IS NULL THEN NULL ELSE {entityId: e.id, spans: m.spans} END) AS mentions
}
RETURN id AS documentId, mentions
