// params: kinds, after, limit
// One page of entities in ascending id order (keyset pagination: the page
// starts after the id $after) and the number of entities on all pages.
CALL () {
  MATCH (e:Entity)
  WHERE size($kinds) = 0 OR e.kind IN $kinds
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:Entity)
  WHERE (size($kinds) = 0 OR e.kind IN $kinds) AND e.id > $after
  WITH e
  ORDER BY e.id
  LIMIT $limit
  RETURN collect(e) AS page
}
RETURN total, page
