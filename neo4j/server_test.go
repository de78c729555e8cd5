package neo4j_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// serverConfig returns the configuration of the Neo4j server named by
// NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and optionally
// NEO4J_DATABASE), or skips tb, saying what is skipped, when it is unset.
func serverConfig(tb testing.TB, skipped string) neo4j.Config {
	tb.Helper()
	cfg, ok := teststore.Neo4jConfig()
	if !ok {
		tb.Skipf("NEO4J_URI not set: skipping %s; see README 'Using Neo4j'", skipped)
	}
	return cfg
}

// openEmpty opens a store on the server cfg names, whose statements the
// package's statement record notes, and deletes everything in its database.
func openEmpty(tb testing.TB, cfg neo4j.Config) newsgraph.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := neo4j.OpenObserved(ctx, cfg, statementsRun.note)
	if err != nil {
		tb.Fatalf("Open(%s): %v", cfg.URI, err)
	}
	if err := neo4j.DeleteAll(ctx, s); err != nil {
		_ = s.Close()
		tb.Fatalf("emptying the database: %v", err)
	}
	return s
}
