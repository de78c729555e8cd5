// params: (none)
// Tests and benchmarks only (DeleteAll): empties the database, in
// transactions of 10,000 nodes so that a large graph fits the server's
// transaction memory. It runs in an auto-commit transaction, as CALL { }
// IN TRANSACTIONS requires.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
