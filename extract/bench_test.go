package extract_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/gen"
)

// benchEntities is the size of the graph the benchmarks match against.
const benchEntities = 100_000

// benchGraph generates the entities of a 100,000-entity news graph.
func benchGraph(b *testing.B) []*newsgraph.Entity {
	b.Helper()
	g, err := gen.Graph(gen.Config{Entities: benchEntities, Relations: benchEntities, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return g.Entities
}

// benchArticle returns the seed article cut to 1,000 words.
func benchArticle(b *testing.B) string {
	b.Helper()
	raw, err := os.ReadFile("../seed/data/000_9e9124713ed057f1.txt")
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(string(raw))
	for len(words) < 1000 {
		words = append(words, words...)
	}
	return strings.Join(words[:1000], " ")
}

// BenchmarkExtract drafts a 1,000-word article against a gazetteer of a
// 100,000-entity graph, built once outside the timed loop (its build time
// is reported as build-ms). The target is at most 50 ms an extraction.
//
//	go test ./extract -run '^$' -bench Extract -benchtime 20x
func BenchmarkExtract(b *testing.B) {
	entities := benchGraph(b)
	start := time.Now()
	gaz := extract.NewGazetteer()
	for _, e := range entities {
		gaz.Add(e)
	}
	build := time.Since(start)
	text := benchArticle(b)
	x := extract.NewOffline(gaz)
	in := extract.Input{Text: text, Published: newsgraph.MustParseDate("2025-11-18")}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := x.Extract(b.Context(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(build.Milliseconds()), "build-ms")
}
