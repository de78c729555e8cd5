package embedded_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storebench"
)

// BenchmarkStore runs the store benchmark suite on the embedded store, at
// the sizes NEWSGRAPH_BENCH_SIZES selects (10k by default).
func BenchmarkStore(b *testing.B) {
	storebench.Run(b, func(b *testing.B) newsgraph.Store {
		b.Helper()
		s, err := embedded.Open(b.Context(), b.TempDir())
		if err != nil {
			b.Fatalf("Open: %v", err)
		}
		return s
	})
}
