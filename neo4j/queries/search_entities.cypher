// params: query, kinds, candidates
// Candidates for a search: entities whose folded keys or description hold a
// word starting with every query word. They are ranked in Go by
// newsgraph.SearchScore, so the full-text score is not returned.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
WHERE node:Entity AND (size($kinds) = 0 OR node.kind IN $kinds)
RETURN node AS e
LIMIT $candidates
