// params: (none)
// Every relation type in use with its number of relations, by count
// descending, then type ascending. Relations are taken from their start
// entity: MENTIONS links start at documents, so they are not counted.
MATCH (:Entity)-[r]->()
WITH type(r) AS type, count(r) AS count
RETURN type, count
ORDER BY count DESC, type ASC
