// params: (none)
// Every entity has a unique id; the constraint's index backs every lookup by id.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (e:Entity) REQUIRE e.id IS UNIQUE
