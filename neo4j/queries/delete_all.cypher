// params: (none)
// Test only: empties the database before a conformance run. It is embedded
// by export_test.go and never by the store itself.
MATCH (n)
DETACH DELETE n
