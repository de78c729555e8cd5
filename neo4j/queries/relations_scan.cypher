// params: from, to, involving, documentId, types, asOf, after, limit
// One page of relations, in ascending id order, when no filter names an
// entity or a document: every relation between two entities is scanned.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($from = '' OR a.id = $from)
  AND ($to = '' OR b.id = $to)
  AND ($involving = '' OR a.id = $involving OR b.id = $involving)
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($documentId = '' OR $documentId IN r.evidenceDocumentIds)
  AND ($asOf IS NULL
    OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
      AND (r.validTo IS NULL OR r.validTo >= $asOf)))
WITH r, a, b
ORDER BY r.id
WITH collect({relation: r, from: a.id, to: b.id}) AS matched
RETURN size(matched) AS total,
       [m IN matched WHERE m.relation.id > $after][..$limit] AS page
