package embedded_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/storebench"
)

// syntheticDoc is the one document every synthetic relation quotes.
var syntheticDoc = &newsgraph.Document{ID: "doc:synthetic", Title: "Synthetic", Text: "synthetic evidence"}

// syntheticEntities returns n people named "Person <i>", with ids that
// sort by i.
func syntheticEntities(n int) []*newsgraph.Entity {
	es := make([]*newsgraph.Entity, n)
	for i := range es {
		es[i] = &newsgraph.Entity{ID: fmt.Sprintf("person:p%07d", i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("Person %d", i)}
	}
	return es
}

// syntheticRelations returns m relations between random entities of es,
// the first hubEdges of them from es[0], a hub; seed makes them repeatable.
func syntheticRelations(es []*newsgraph.Entity, m, hubEdges int, seed uint64) []*newsgraph.Relation {
	rng := rand.New(rand.NewPCG(seed, 1))
	types := []string{"KNOWS", "MEETS", "FUNDS", "CRITICISES", "SUPPORTS"}
	rels := make([]*newsgraph.Relation, 0, m)
	seen := map[string]bool{}
	for len(rels) < m {
		from := es[rng.IntN(len(es))]
		if len(rels) < hubEdges {
			from = es[0]
		}
		to := es[rng.IntN(len(es))]
		r := &newsgraph.Relation{From: from.ID, To: to.ID, Type: types[rng.IntN(len(types))],
			Evidence: []newsgraph.Evidence{{Quote: "synthetic", DocumentID: syntheticDoc.ID}}}
		r.ID = newsgraph.RelationID(r.From, r.Type, r.To)
		if !seen[r.ID] {
			seen[r.ID] = true
			rels = append(rels, r)
		}
	}
	return rels
}

func BenchmarkUpsert(b *testing.B) {
	const batchSize = 10_000
	es := syntheticEntities(20_000)
	s, err := embedded.Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	b.Cleanup(func() { _ = s.Close() })
	if _, err := s.Upsert(b.Context(), newsgraph.Batch{Documents: []*newsgraph.Document{syntheticDoc}, Entities: es}); err != nil {
		b.Fatalf("Upsert: %v", err)
	}
	var seed uint64
	for b.Loop() {
		b.StopTimer()
		seed++
		rels := syntheticRelations(es, batchSize, 0, seed)
		b.StartTimer()
		if _, err := s.Upsert(b.Context(), newsgraph.Batch{Relations: rels}); err != nil {
			b.Fatalf("Upsert: %v", err)
		}
	}
	b.ReportMetric(float64(b.N*batchSize)/b.Elapsed().Seconds(), "relations/s")
}

func BenchmarkNeighborhood(b *testing.B) {
	es := syntheticEntities(20_000)
	s, err := embedded.Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	b.Cleanup(func() { _ = s.Close() })
	batch := newsgraph.Batch{Documents: []*newsgraph.Document{syntheticDoc}, Entities: es,
		Relations: syntheticRelations(es, 100_000, 2_000, 1)}
	if _, err := s.Upsert(b.Context(), batch); err != nil {
		b.Fatalf("Upsert: %v", err)
	}
	q := newsgraph.NeighborhoodQuery{ID: es[0].ID, Depth: 2, Limit: newsgraph.MaxPageSize}
	for b.Loop() {
		if _, err := s.Neighborhoods(b.Context(), []newsgraph.NeighborhoodQuery{q}); err != nil {
			b.Fatalf("Neighborhoods: %v", err)
		}
	}
}

// BenchmarkOpen opens a store holding a generated graph (package gen, at
// the sizes NEWSGRAPH_BENCH_SIZES selects, 10k by default) until it is
// ready to serve, and reports relations loaded per second.
func BenchmarkOpen(b *testing.B) {
	sizes, err := storebench.Sizes()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range sizes {
		b.Run(size.Name, func(b *testing.B) {
			dir := b.TempDir()
			g, err := gen.Graph(size.Config)
			if err != nil {
				b.Fatal(err)
			}
			s, err := embedded.Open(b.Context(), dir)
			if err != nil {
				b.Fatalf("Open: %v", err)
			}
			if _, err := s.Upsert(b.Context(), *g); err != nil {
				b.Fatalf("Upsert: %v", err)
			}
			if err := s.Close(); err != nil {
				b.Fatalf("Close: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				s, err := embedded.Open(b.Context(), dir)
				if err != nil {
					b.Fatalf("Open: %v", err)
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatalf("Close: %v", err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(size.Config.Relations)*float64(b.N)/b.Elapsed().Seconds(), "relations/s")
		})
	}
}

// openSynthetic opens a store holding 20,000 entities and 100,000
// relations.
func openSynthetic(b *testing.B) (*embedded.Store, []*newsgraph.Entity) {
	b.Helper()
	es := syntheticEntities(20_000)
	s, err := embedded.Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	b.Cleanup(func() { _ = s.Close() })
	batch := newsgraph.Batch{Documents: []*newsgraph.Document{syntheticDoc}, Entities: es,
		Relations: syntheticRelations(es, 100_000, 2_000, 1)}
	if _, err := s.Upsert(b.Context(), batch); err != nil {
		b.Fatalf("Upsert: %v", err)
	}
	return s, es
}

// BenchmarkMergeEntities merges pairs of entities with about ten relations
// each; every merge is one durable transaction.
func BenchmarkMergeEntities(b *testing.B) {
	s, es := openSynthetic(b)
	i := 0
	for b.Loop() {
		from, into := es[1+2*i%(len(es)-2)], es[2+2*i%(len(es)-2)]
		i++
		if _, err := s.MergeEntities(b.Context(), newsgraph.Merge{Into: into.ID, From: []string{from.ID}}); err != nil {
			b.Fatalf("MergeEntities: %v", err)
		}
	}
}

// BenchmarkDeleteEntity deletes entities with about ten relations each;
// every delete is one durable transaction.
func BenchmarkDeleteEntity(b *testing.B) {
	s, es := openSynthetic(b)
	i := 0
	for b.Loop() {
		id := es[1+i%(len(es)-1)].ID
		i++
		if _, err := s.DeleteEntity(b.Context(), id); err != nil && newsgraph.ErrorCode(err) != newsgraph.NotFound {
			b.Fatalf("DeleteEntity: %v", err)
		}
	}
}
