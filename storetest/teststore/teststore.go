// Package teststore opens the store a test runs against, so that every test
// that touches a store runs on both stores: on the Neo4j server named by
// NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE)
// when that variable is set, and otherwise on a new embedded store in a
// temporary directory.
//
// Neo4j Community has one database, which Open empties, so tests that use
// it must not run in parallel, within a package or across packages: run
// them with "go test -p 1" (as .ci/run does). Never point NEO4J_URI at data
// you want to keep.
package teststore

import (
	"context"
	"log/slog"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/neo4j"
)

// Neo4jConfig returns the configuration of the Neo4j server named by the
// environment, and whether NEO4J_URI names one.
func Neo4jConfig() (neo4j.Config, bool) {
	uri := os.Getenv("NEO4J_URI")
	return neo4j.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
		Logger:   slog.New(slog.DiscardHandler), // tests open it hundreds of times
	}, uri != ""
}

// Name is the store tests run against: "neo4j" or "embedded".
func Name() string {
	if _, ok := Neo4jConfig(); ok {
		return "neo4j"
	}
	return "embedded"
}

// Open returns an empty store that tb closes when it ends: the Neo4j
// database named by the environment, emptied first, or a new embedded
// store.
func Open(tb testing.TB) newsgraph.Store {
	tb.Helper()
	var s newsgraph.Store
	if cfg, ok := Neo4jConfig(); ok {
		s = OpenNeo4j(tb, cfg)
	} else {
		s = OpenEmbedded(tb, tb.TempDir())
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("closing the %s store: %v", Name(), err)
		}
	})
	return s
}

// OpenReference returns a second empty store, independent of the one Open
// returns, for tests that compare two stores: always a new embedded store,
// which tb closes when it ends. On Neo4j such a test then compares the
// store under test with the embedded one.
func OpenReference(tb testing.TB) newsgraph.Store {
	tb.Helper()
	s := OpenEmbedded(tb, tb.TempDir())
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("closing the reference store: %v", err)
		}
	})
	return s
}

// OpenEmbedded opens the embedded store in dir; the caller closes it.
func OpenEmbedded(tb testing.TB, dir string) *embedded.Store {
	tb.Helper()
	s, err := embedded.Open(context.Background(), dir)
	if err != nil {
		tb.Fatalf("embedded.Open(%s): %v", dir, err)
	}
	return s
}

// OpenNeo4j opens a store on the server cfg names and deletes everything in
// its database; the caller closes it.
func OpenNeo4j(tb testing.TB, cfg neo4j.Config) *neo4j.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		tb.Fatalf("neo4j.Open(%s): %v", cfg.URI, err)
	}
	if err := neo4j.DeleteAll(ctx, s); err != nil {
		_ = s.Close()
		tb.Fatalf("emptying the Neo4j database: %v", err)
	}
	return s
}
