// params: entities
// Creates or replaces entities ($entities: maps {id, label, properties}).
// Every entity has the label Entity and the label of its kind, such as
// Person; the kind is part of the id, so it never changes and the kind label
// never needs removing. The label is a dynamic label set from a parameter
// (Cypher 5.26), checked by Go against the fixed list of kind labels.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e = row.properties, e:$(row.label)
RETURN count(e) AS written
