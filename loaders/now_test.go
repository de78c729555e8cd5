package loaders_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

// TestLoadNowFillsTheCache checks that each Load*Now method calls the store
// once for the keys not cached yet, and that later loads of those keys,
// present or absent, are answered from the cache without a store call, even
// with a wait long enough that a call through the batch would show.
func TestLoadNowFillsTheCache(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(time.Hour))

	if err := l.LoadEntitiesNow(ctx, person(0), person(1), person(1), "person:absent"); err != nil {
		t.Fatalf("LoadEntitiesNow: %v", err)
	}
	if err := l.LoadEntitiesNow(ctx, person(0), person(1)); err != nil {
		t.Fatalf("LoadEntitiesNow again: %v", err)
	}
	if got, want := s.callsTo("EntitiesByID"), 1; got != want {
		t.Errorf("EntitiesByID calls = %d, want %d (cached keys are not loaded again)", got, want)
	}
	for _, tt := range []struct {
		id      string
		present bool
	}{{person(0), true}, {person(1), true}, {"person:absent", false}} {
		e, err := l.Entity(ctx, tt.id)
		if err != nil {
			t.Fatalf("Entity(%s): %v", tt.id, err)
		}
		if got := e != nil; got != tt.present {
			t.Errorf("Entity(%s) present = %v, want %v", tt.id, got, tt.present)
		}
	}

	e, err := l.LoadEntityNow(ctx, person(2))
	if err != nil || e == nil || e.ID != person(2) {
		t.Fatalf("LoadEntityNow = %v, %v; want %s", e, err, person(2))
	}

	if err := l.LoadDocumentsNow(ctx, "doc:chain"); err != nil {
		t.Fatalf("LoadDocumentsNow: %v", err)
	}
	if d, err := l.Document(ctx, "doc:chain"); err != nil || d == nil {
		t.Fatalf("Document = %v, %v; want the chain document", d, err)
	}

	q := newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: person(1)}, First: 10}
	if err := l.LoadRelationsNow(ctx, q); err != nil {
		t.Fatalf("LoadRelationsNow: %v", err)
	}
	if page, err := l.Relations(ctx, q); err != nil || page.TotalCount != 2 {
		t.Fatalf("Relations = %d relations, %v; want 2", page.TotalCount, err)
	}

	nq := newsgraph.NeighborhoodQuery{ID: person(5), Depth: 1, Direction: newsgraph.Both, Limit: 10}
	if err := l.LoadNeighborhoodsNow(ctx, nq); err != nil {
		t.Fatalf("LoadNeighborhoodsNow: %v", err)
	}
	if sg, err := l.Neighborhood(ctx, nq); err != nil || len(sg.Nodes) != 3 {
		t.Fatalf("Neighborhood = %d nodes, %v; want 3", len(sg.Nodes), err)
	}
	// The subgraph's nodes are cached: loading them costs no call.
	if err := l.LoadEntitiesNow(ctx, person(4), person(6)); err != nil {
		t.Fatalf("LoadEntitiesNow: %v", err)
	}

	if err := l.LoadDocumentsMentioningNow(ctx, person(3), "person:absent"); err != nil {
		t.Fatalf("LoadDocumentsMentioningNow: %v", err)
	}
	for _, tt := range []struct {
		id   string
		docs int
	}{{person(3), 1}, {"person:absent", 0}} {
		docs, err := l.DocumentsMentioning(ctx, tt.id)
		if err != nil || docs == nil || len(docs) != tt.docs {
			t.Errorf("DocumentsMentioning(%s) = %v, %v; want %d documents", tt.id, docs, err, tt.docs)
		}
	}

	for method, want := range map[string]int{"EntitiesByID": 2, "DocumentsByID": 2, "Relations": 1, "Neighborhoods": 1} {
		if got := s.callsTo(method); got != want {
			t.Errorf("%s calls = %d, want %d", method, got, want)
		}
	}
}
