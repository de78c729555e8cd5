// params: after, limit
// One page of documents in ascending id order and the number of documents.
CALL () {
  MATCH (d:Document)
  RETURN count(d) AS total
}
CALL () {
  MATCH (d:Document)
  WHERE d.id > $after
  WITH d
  ORDER BY d.id
  LIMIT $limit
  RETURN collect(d) AS page
}
RETURN total, page
