package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testConcurrency runs readers while a writer adds entities and relations:
// every call must succeed, and afterwards the store holds every write. Then
// writers race to create one new relation, each with evidence of its own:
// the relation is created once and keeps every writer's evidence.
func testConcurrency(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	t.Run("ReadersAndAWriter", func(t *testing.T) { readersAndAWriter(t, s) })
	t.Run("WritersOfOneNewRelation", func(t *testing.T) { writersOfOneNewRelation(t, s) })
}

func readersAndAWriter(t *testing.T, s newsgraph.Store) {
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
		if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{visitor}, Relations: []*newsgraph.Relation{visit}}); err != nil {
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

func writersOfOneNewRelation(t *testing.T, s newsgraph.Store) {
	ctx := t.Context()
	// Each writer quotes a different word of the designation document.
	quotes := []string{"designated", "cartels", "foreign", "Terrorist", "Washington", "across Mexico"}
	var (
		wg                    sync.WaitGroup
		mu                    sync.Mutex
		created, corroborated int
	)
	for _, quote := range quotes {
		wg.Go(func() {
			r := &newsgraph.Relation{From: OrgSinaloaCartel, Type: "ACTIVE_IN", To: PlaceMexico,
				Evidence: []newsgraph.Evidence{{Quote: quote, DocumentID: DocDesignation}}}
			report, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{r}})
			if err != nil {
				t.Errorf("Upsert quoting %q: %v", quote, err)
			}
			mu.Lock()
			defer mu.Unlock()
			created += len(report.CreatedRelations)
			corroborated += len(report.CorroboratedRelations)
		})
	}
	wg.Wait()
	// Exactly one writer created the relation; each other one added its
	// quote to it.
	if created != 1 || corroborated != len(quotes)-1 {
		t.Errorf("the writers report %d creations and %d corroborations, want 1 and %d", created, corroborated, len(quotes)-1)
	}
	id := newsgraph.RelationID(OrgSinaloaCartel, "ACTIVE_IN", PlaceMexico)
	pages, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{From: OrgSinaloaCartel, To: PlaceMexico, Types: []string{"ACTIVE_IN"}}, First: 10}})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	if got := relationIDs(pages[0].Items); len(got) != 1 || got[0] != id {
		t.Fatalf("relations ACTIVE_IN from %s to %s = %v, want just %s", OrgSinaloaCartel, PlaceMexico, got, id)
	}
	var got []string
	for _, ev := range pages[0].Items[0].Evidence {
		got = append(got, ev.Quote)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(quotes))
	equalStrings(t, "evidence quotes", got, want)
}
