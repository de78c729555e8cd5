// params: entities
// Creates or replaces entities ($entities: maps {id, label, properties}).
// Every entity has the label Entity and the label of its kind, such as
// Person; the kind is part of the id, so it never changes and the kind label
// never needs removing. The label is a dynamic label set from a parameter
// (Cypher 5.26), checked by Go against the fixed list of kind labels.
// Returns the ids of the entities that did not exist: MERGE marks the ones
// it creates, and SET e = row.properties removes the mark again.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.created = true
WITH e, row, e.created IS NOT NULL AS created
SET e = row.properties, e:$(row.label)
RETURN count(e) AS written, collect(CASE WHEN created THEN row.id END) AS created
