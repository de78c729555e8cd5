// params: (none)
// Range index for the kind filter of entity pages and statistics.
CREATE INDEX entity_kind IF NOT EXISTS
FOR (e:Entity) ON (e.kind)
