// params: mentions
// Links every evidence document to the entities its quotes support
// ($mentions: maps {documentId, entityId}), so that Neo4j Browser shows
// where each relation comes from. MENTIONS links start at documents and are
// never followed by traversals, which only walk between entities.
UNWIND $mentions AS row
MATCH (d:Document {id: row.documentId})
MATCH (e:Entity {id: row.entityId})
MERGE (d)-[:MENTIONS]->(e)
RETURN count(*) AS written
