// params: (none)
// Range index for the events whose placeId names an entity, which deleting
// or merging that entity clears or re-points.
CREATE INDEX entity_place_id IF NOT EXISTS
FOR (e:Entity) ON (e.placeId)
