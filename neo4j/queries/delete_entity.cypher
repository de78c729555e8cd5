// params: id
// Deletes the entity $id with every relationship at it (DETACH): its
// relations and its MENTIONS links; documents stay. Events and claims whose
// placeId or claimantId named it lose that property, and the redirects of
// ids merged into it are removed, so those ids are free again. Returns the
// entity and its relations as they were (MENTIONS links are not relations),
// and the entities at their other ends, whose MENTIONS links are pruned
// next. No row means there is no such entity.
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r]-(o:Entity)
  WITH DISTINCT r, o
  RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, properties: properties(r)}) AS relations,
         collect(DISTINCT o.id) AS others
}
CALL (e) {
  MATCH (x:Entity {placeId: e.id})
  REMOVE x.placeId
}
CALL (e) {
  MATCH (x:Entity {claimantId: e.id})
  REMOVE x.claimantId
}
CALL (e) {
  MATCH (x:Redirect {into: e.id})
  DELETE x
}
WITH e, properties(e) AS entity, relations, others
DETACH DELETE e
RETURN entity, relations, [id IN others WHERE id <> $id] AS others
