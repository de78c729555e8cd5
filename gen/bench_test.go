package gen_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// benchSizes are the relation counts NEWSGRAPH_BENCH_SIZES selects
// ("10k,100k" when unset), with one entity for every five relations as in
// package storebench.
func benchSizes(b *testing.B) map[string]int {
	b.Helper()
	known := map[string]int{"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
	spec := os.Getenv("NEWSGRAPH_BENCH_SIZES")
	if spec == "" {
		spec = "10k,100k"
	}
	sizes := map[string]int{}
	for _, name := range strings.Split(spec, ",") {
		n, ok := known[strings.TrimSpace(name)]
		if !ok {
			b.Fatalf("NEWSGRAPH_BENCH_SIZES: unknown size %q: want 10k, 100k or 1m", name)
		}
		sizes[strings.TrimSpace(name)] = n
	}
	return sizes
}

// sortedNames returns the size names, smallest first.
func sortedNames(sizes map[string]int) []string {
	names := make([]string, 0, len(sizes))
	for name := range sizes {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { return sizes[a] - sizes[b] })
	return names
}

// BenchmarkGraph measures Graph and reports the degree distribution of
// the graph: the maximum, the median and the 99th percentile.
func BenchmarkGraph(b *testing.B) {
	sizes := benchSizes(b)
	for _, name := range sortedNames(sizes) {
		n := sizes[name]
		cfg := gen.Config{Entities: n / 5, Relations: n, Seed: 1}
		b.Run(name, func(b *testing.B) {
			var g *newsgraph.Batch
			for b.Loop() {
				g = graph(b, cfg)
			}
			deg := degrees(g)
			values := make([]int, 0, len(deg))
			for _, d := range deg {
				values = append(values, d)
			}
			slices.Sort(values)
			b.ReportMetric(float64(values[len(values)-1]), "max-degree")
			b.ReportMetric(float64(values[len(values)*99/100]), "p99-degree")
			b.ReportMetric(float64(values[len(values)/2]), "p50-degree")
		})
	}
}

// BenchmarkDocuments measures Documents without encoding the lines.
func BenchmarkDocuments(b *testing.B) {
	sizes := benchSizes(b)
	for _, name := range sortedNames(sizes) {
		n := sizes[name]
		cfg := gen.Config{Entities: n / 5, Relations: n, Seed: 1}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := gen.Documents(cfg, func(ingest.Input) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHubs measures Hubs, which generates the structure of the graph
// without its texts.
func BenchmarkHubs(b *testing.B) {
	sizes := benchSizes(b)
	for _, name := range sortedNames(sizes) {
		n := sizes[name]
		cfg := gen.Config{Entities: n / 5, Relations: n, Seed: 1}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if got := gen.Hubs(cfg, 8); len(got) != 8 {
					b.Fatalf("%d hubs, want 8", len(got))
				}
			}
		})
	}
}
