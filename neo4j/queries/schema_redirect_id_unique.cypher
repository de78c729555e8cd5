// params: (none)
// Every id merged away has one redirect; the constraint's index backs the
// resolution of ids by every read and write that resolves merged ids.
CREATE CONSTRAINT redirect_id_unique IF NOT EXISTS
FOR (x:Redirect) REQUIRE x.id IS UNIQUE
