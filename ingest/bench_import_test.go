package ingest_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storebench"
)

// importBatchRelations is the relations per group, the default of
// "newsgraph import --batch-size".
const importBatchRelations = 20_000

// BenchmarkImport imports the documents of a generated graph (package gen,
// at the sizes NEWSGRAPH_BENCH_SIZES selects, 10k by default) into an
// empty embedded store the way "newsgraph import" does: groups of
// documents of up to importBatchRelations relations, one IngestGroup (one
// durable transaction) each. It reports relations/s; parsing the JSON
// lines, which import does on another core, is not included.
func BenchmarkImport(b *testing.B) {
	sizes, err := storebench.Sizes()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range sizes {
		b.Run(size.Name, func(b *testing.B) {
			var inputs []ingest.Input
			if err := gen.Documents(size.Config, func(in ingest.Input) error {
				inputs = append(inputs, in)
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			groups := groupInputsBy(inputs, importBatchRelations)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s, err := embedded.Open(b.Context(), b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				svc := ingest.New(s)
				b.StartTimer()
				for _, g := range groups {
					if _, err := svc.IngestGroup(b.Context(), g); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(size.Config.Relations)*float64(b.N)/b.Elapsed().Seconds(), "relations/s")
		})
	}
}

// groupInputsBy splits inputs into groups of up to maxRelations relations.
func groupInputsBy(inputs []ingest.Input, maxRelations int) [][]ingest.Input {
	var groups [][]ingest.Input
	var group []ingest.Input
	n := 0
	for _, in := range inputs {
		if len(group) > 0 && n+len(in.Relations) > maxRelations {
			groups = append(groups, group)
			group, n = nil, 0
		}
		group = append(group, in)
		n += len(in.Relations)
	}
	if len(group) > 0 {
		groups = append(groups, group)
	}
	return groups
}
