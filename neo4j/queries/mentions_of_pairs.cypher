// params: pairs
// The stored spans of the recorded mentions of the (document, entity)
// pairs in $pairs (maps {documentId, entityId}), so that a write can join
// its spans with them. Pairs without a recorded mention give no row.
UNWIND $pairs AS row
MATCH (:Document {id: row.documentId})-[m:MENTIONS]->(:Entity {id: row.entityId})
WHERE m.listed
RETURN row.documentId AS documentId, row.entityId AS entityId, m.spans AS spans
