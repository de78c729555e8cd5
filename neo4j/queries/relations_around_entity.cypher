// params: anchor, from, to, involving, documentId, types, asOf, after, limit
// One page of relations, in ascending id order, with an end at the entity
// $anchor (one of $from, $to or $involving, chosen by the caller so that
// the walk starts from an index lookup). Empty strings and lists are unset
// filters, and so is a null $asOf (a date: otherwise only relations valid
// on it match). Both ends must be entities, so MENTIONS links never match.
MATCH (:Entity {id: $anchor})-[r]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
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
