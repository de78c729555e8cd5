package neo4j_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storebench"
)

// BenchmarkStore runs the store benchmark suite against the Neo4j server
// named by NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and optionally
// NEO4J_DATABASE), at the sizes NEWSGRAPH_BENCH_SIZES selects. It empties
// that database before every import: never point it at data you want to
// keep.
func BenchmarkStore(b *testing.B) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		b.Skip("NEO4J_URI not set: skipping the Neo4j benchmarks; see README 'Using Neo4j'")
	}
	cfg := neo4j.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	storebench.Run(b, func(b *testing.B) newsgraph.Store {
		b.Helper()
		ctx := context.Background()
		s, err := neo4j.Open(ctx, cfg)
		if err != nil {
			b.Fatalf("Open(%s): %v", uri, err)
		}
		if err := neo4j.DeleteAll(ctx, s); err != nil {
			_ = s.Close()
			b.Fatalf("emptying the database: %v", err)
		}
		return s
	})
}
