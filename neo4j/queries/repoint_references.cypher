// params: ids, into
// Re-points to the survivor $into every placeId and claimantId that names
// one of the entities in $ids, which a merge removes.
UNWIND $ids AS id
CALL (id) {
  MATCH (event:Entity {placeId: id})
  SET event.placeId = $into
}
CALL (id) {
  MATCH (claim:Entity {claimantId: id})
  SET claim.claimantId = $into
}
RETURN count(*) AS repointed
