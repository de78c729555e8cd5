// params: mentions
// Records the mentions of a batch or a merge ($mentions: maps {documentId,
// entityId, spans}, spans a flat list [start, end, start, end, ...] of
// offsets (newsgraph.Span), already joined with the stored ones). A recorded
// mention is a MENTIONS link with listed = true and its spans; a link that
// only evidence made gains them. Pruning never removes a listed link.
UNWIND $mentions AS row
MATCH (d:Document {id: row.documentId})
MATCH (e:Entity {id: row.entityId})
MERGE (d)-[m:MENTIONS]->(e)
SET m.listed = true, m.spans = row.spans
RETURN count(*) AS written
