// params: ids
// The recorded mentions of the entities $ids, with their spans, so that a
// merge moves them to its survivor.
UNWIND $ids AS id
MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: id})
WHERE m.listed
RETURN d.id AS documentId, id AS entityId, m.spans AS spans
