package neo4j_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest"
)

// TestConformance runs the shared store conformance suite against a real
// Neo4j server named by NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and
// optionally NEO4J_DATABASE). It empties that database: never point it at
// data you want to keep.
func TestConformance(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("NEO4J_URI not set: skipping the Neo4j conformance run; see README 'Using Neo4j'")
	}
	cfg := neo4j.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	storetest.Run(t, func(t *testing.T) newsgraph.Store {
		t.Helper()
		ctx := context.Background()
		s, err := neo4j.Open(ctx, cfg)
		if err != nil {
			t.Fatalf("Open(%s): %v", uri, err)
		}
		if err := neo4j.DeleteAll(ctx, s); err != nil {
			_ = s.Close()
			t.Fatalf("emptying the database: %v", err)
		}
		return s
	})
}

func TestOpenUnreachable(t *testing.T) {
	// Port 1 on the loopback interface refuses connections at once.
	_, err := neo4j.Open(context.Background(), neo4j.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x"})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
		t.Fatalf("Open(unreachable) code = %q, want %q (err: %v)", got, want, err)
	}
}
