// params: into
// The merge records whose survivor is $into, oldest first.
// seq breaks ties between records made at the same instant.
MATCH (m:Merge {into: $into})
WITH m
ORDER BY m.at, m.seq
RETURN m.into AS into, m.from AS from, m.actor AS actor, m.at AS at
