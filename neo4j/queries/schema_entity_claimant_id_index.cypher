// params: (none)
// Range index for the claims whose claimantId names an entity, which
// deleting or merging that entity clears or re-points.
CREATE INDEX entity_claimant_id IF NOT EXISTS
FOR (e:Entity) ON (e.claimantId)
