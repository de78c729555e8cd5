// params: timeoutSeconds
// Waits until every index is online, so that the first search after start
// does not hit a populating full-text index.
CALL db.awaitIndexes($timeoutSeconds)
