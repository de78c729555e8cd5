package neo4j_test

import (
	"context"
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
	cfg := serverConfig(t, "the Neo4j conformance run")
	storetest.Run(t, func(t *testing.T) newsgraph.Store { return openEmpty(t, cfg) })
}

func TestOpenUnreachable(t *testing.T) {
	// Port 1 on the loopback interface refuses connections at once.
	_, err := neo4j.Open(context.Background(), neo4j.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x"})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
		t.Fatalf("Open(unreachable) code = %q, want %q (err: %v)", got, want, err)
	}
}
