// params: (none)
// Every document has a unique id; the constraint's index backs every lookup by id.
CREATE CONSTRAINT document_id_unique IF NOT EXISTS
FOR (d:Document) REQUIRE d.id IS UNIQUE
