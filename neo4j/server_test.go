package neo4j_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

// serverConfig returns the configuration of the Neo4j server named by
// NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and optionally
// NEO4J_DATABASE), or skips tb, saying what is skipped, when it is unset.
func serverConfig(tb testing.TB, skipped string) neo4j.Config {
	tb.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		tb.Skipf("NEO4J_URI not set: skipping %s; see README 'Using Neo4j'", skipped)
	}
	return neo4j.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// openEmpty opens a store on the server cfg names and deletes everything
// in its database.
func openEmpty(tb testing.TB, cfg neo4j.Config) newsgraph.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		tb.Fatalf("Open(%s): %v", cfg.URI, err)
	}
	if err := neo4j.DeleteAll(ctx, s); err != nil {
		_ = s.Close()
		tb.Fatalf("emptying the database: %v", err)
	}
	return s
}
