// params: documents
// Creates or replaces documents: a stored document's properties are all
// replaced by the batch's ($documents: maps {id, properties}).
UNWIND $documents AS row
MERGE (d:Document {id: row.id})
SET d = row.properties
RETURN count(d) AS written
