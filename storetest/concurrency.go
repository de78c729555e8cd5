package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testConcurrency runs readers while a writer adds entities and relations:
// every call must succeed, and afterwards the store holds every write.
func testConcurrency(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	const writes = 5
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 10 {
				if _, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: PlaceMexico, Depth: 2, Limit: 50}}); err != nil {
					t.Errorf("Neighborhoods: %v", err)
				}
				if _, err := s.Search(ctx, newsgraph.SearchQuery{Text: "visitor", Limit: 10}); err != nil {
					t.Errorf("Search: %v", err)
				}
				if _, err := s.Entities(ctx, newsgraph.EntityQuery{First: 10}); err != nil {
					t.Errorf("Entities: %v", err)
				}
			}
		})
	}
	for i := range writes {
		visitor := &newsgraph.Entity{ID: fmt.Sprintf("person:visitor-%d", i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("Visitor %d", i)}
		visit := &newsgraph.Relation{From: visitor.ID, Type: "VISITS", To: PlaceMexico,
			Evidence: []newsgraph.Evidence{{Quote: "across Mexico", DocumentID: DocDesignation}}}
		if err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{visitor}, Relations: []*newsgraph.Relation{visit}}); err != nil {
			t.Errorf("Upsert: %v", err)
		}
	}
	wg.Wait()
	st := mustStats(t, s)
	if got, want := st.Entities, len(Fixture().Entities)+writes; got != want {
		t.Errorf("Stats.Entities = %d, want %d", got, want)
	}
	if got, want := st.Relations, len(Fixture().Relations)+writes; got != want {
		t.Errorf("Stats.Relations = %d, want %d", got, want)
	}
}
