// params: ids, into
// Makes the ids in $ids, which a merge removes, resolve to the survivor
// $into: the redirects of ids merged into them before are re-pointed (so
// every redirect stays one hop), and each gets a redirect of its own.
UNWIND $ids AS id
CALL (id) {
  MATCH (older:Redirect {into: id})
  SET older.into = $into
}
MERGE (x:Redirect {id: id})
SET x.into = $into
RETURN count(x) AS written
