// params: keys, separator, limit
// The entities named by each key {kind, name, phrase} (entity resolution's
// exact lookup): the full-text index finds the entities whose folded search
// keys hold the phrase, and only those with a key equal to the name are
// kept, the ones whose name it is (the first search key) first, then by
// id. newsgraph.KeepNamed then drops those whose equal key is an
// initialism rather than a name or alias.
UNWIND $keys AS key
CALL (key) {
  CALL db.index.fulltext.queryNodes('entity_search', key.phrase) YIELD node
  WHERE node:Entity AND node.kind = key.kind
    AND key.name IN split(node.searchKeys, $separator)
  RETURN node
  ORDER BY split(node.searchKeys, $separator)[0] = key.name DESC, node.id
  LIMIT $limit
}
RETURN key.kind AS kind, key.name AS name, node AS e
