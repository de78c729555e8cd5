package embedded_test

import (
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestConcurrentReadsAndWrites runs readers against a store while a writer
// adds relations; under -race it checks the locking.
func TestConcurrentReadsAndWrites(t *testing.T) {
	ctx := t.Context()
	es := syntheticEntities(200)
	s := openStore(t)
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Upsert(ctx, newsgraph.Batch{Documents: []*newsgraph.Document{syntheticDoc}, Entities: es}); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				if _, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: es[0].ID, Depth: 2, Limit: 100}}); err != nil {
					t.Errorf("Neighborhoods: %v", err)
				}
				if _, err := s.Search(ctx, newsgraph.SearchQuery{Text: "person 150", Limit: 5}); err != nil {
					t.Errorf("Search: %v", err)
				}
				if _, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{Involving: es[0].ID}, First: 10}}); err != nil {
					t.Errorf("Relations: %v", err)
				}
			}
		})
	}
	for i := range 10 {
		if _, err := s.Upsert(ctx, newsgraph.Batch{Relations: syntheticRelations(es, 50, 10, uint64(i))}); err != nil {
			t.Errorf("Upsert: %v", err)
		}
	}
	wg.Wait()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Relations == 0 || st.Entities != len(es) {
		t.Errorf("Stats = %+v, want %d entities and some relations", st, len(es))
	}
}
