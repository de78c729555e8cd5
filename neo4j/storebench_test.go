package neo4j_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/storebench"
)

// BenchmarkStore runs the store benchmark suite against the Neo4j server
// named by NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and optionally
// NEO4J_DATABASE), at the sizes NEWSGRAPH_BENCH_SIZES selects. It empties
// that database before every import: never point it at data you want to
// keep.
func BenchmarkStore(b *testing.B) {
	cfg := serverConfig(b, "the Neo4j benchmarks")
	storebench.Run(b, func(b *testing.B) newsgraph.Store { return openEmpty(b, cfg) })
}
