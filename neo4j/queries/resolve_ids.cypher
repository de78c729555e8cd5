// params: ids
// The survivors of the ids in $ids that were merged away. Redirects are
// kept compressed (a merge re-points the redirects into the entities it
// removes), so one lookup resolves an id however often it was merged.
UNWIND $ids AS id
MATCH (x:Redirect {id: id})
RETURN x.id AS id, x.into AS into
