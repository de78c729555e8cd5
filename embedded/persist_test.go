package embedded_test

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storetest"
)

func TestDataSurvivesReopen(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	want := storetest.Fixture()
	if _, err := s.Upsert(ctx, want); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	// A second report of a relation adds evidence; a replaced entity keeps
	// only its new fields.
	more := newsgraph.Evidence{Quote: "Washington", DocumentID: storetest.DocResponse}
	again := *want.Relations[1]
	again.Evidence = []newsgraph.Evidence{more}
	renamed := *want.Entities[5]
	renamed.Aliases = []string{"OMS"}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{&renamed}, Relations: []*newsgraph.Relation{&again}}); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	want.Relations[1].Evidence = append(want.Relations[1].Evidence, more)
	want.Entities[5] = &renamed
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	reopened, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open again: %v", err)
	}
	t.Cleanup(func() { _ = reopened.Close() })
	storetest.CheckHolds(t, reopened, want)
	after, err := reopened.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("Stats after reopening = %+v, want %+v", after, before)
	}
	hits, err := reopened.Search(ctx, newsgraph.SearchQuery{Text: "oms", Limit: 1})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) != 1 || hits[0].Entity.ID != storetest.OrgWHO {
		t.Errorf("Search after reopening found %v, want %s", hits, storetest.OrgWHO)
	}
	g, err := reopened.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: storetest.PlaceMexico, Depth: 1, Limit: 10}})
	if err != nil {
		t.Fatalf("Neighborhoods: %v", err)
	}
	if got, want := len(g[0].Edges), 4; got != want {
		t.Errorf("Mexico has %d relations after reopening, want %d", got, want)
	}
}

func TestSecondOpenIsUnavailable(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	second, err := embedded.Open(ctx, dir)
	if err == nil {
		_ = second.Close()
		t.Fatalf("a second Open of %s succeeded, want an error", dir)
	}
	if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
		t.Errorf("second Open: code %q (%v), want %q", got, err, want)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping of the first store: %v", err)
	}
}

func TestClosedStore(t *testing.T) {
	ctx := t.Context()
	s, err := embedded.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for name, err := range map[string]error{
		"Ping": s.Ping(ctx),
		"Upsert": func() error {
			_, err := s.Upsert(ctx, storetest.Fixture())
			return err
		}(),
		"Stats": func() error {
			_, err := s.Stats(ctx)
			return err
		}(),
	} {
		if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
			t.Errorf("%s after Close: code %q (%v), want %q", name, got, err, want)
		}
	}
}
