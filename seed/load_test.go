package seed_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// openStore opens an empty store under test (see package teststore).
func openStore(tb testing.TB) newsgraph.Store {
	tb.Helper()
	return teststore.Open(tb)
}

func stats(tb testing.TB, s newsgraph.Store) newsgraph.Stats {
	tb.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

func evidenceCounts(tb testing.TB, s newsgraph.Store, ids []string) map[string]int {
	tb.Helper()
	rels, err := s.RelationsByID(context.Background(), ids)
	if err != nil {
		tb.Fatalf("RelationsByID: %v", err)
	}
	counts := make(map[string]int, len(rels))
	for id, r := range rels {
		counts[id] = len(r.Evidence)
	}
	return counts
}

func TestLoadIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	b := mustBatch(t)
	ids := make([]string, len(b.Relations))
	want := make(map[string]int, len(b.Relations))
	for i, r := range b.Relations {
		ids[i] = r.ID
		want[r.ID] = len(r.Evidence)
	}

	if err := seed.Load(ctx, s); err != nil {
		t.Fatalf("first Load: %v", err)
	}
	first := stats(t, s)
	if got, want := first.Entities, len(b.Entities); got != want {
		t.Errorf("entities after Load: got %d, want %d", got, want)
	}
	if got, want := first.Relations, len(b.Relations); got != want {
		t.Errorf("relations after Load: got %d, want %d", got, want)
	}
	if got, want := first.Documents, 1; got != want {
		t.Errorf("documents after Load: got %d, want %d", got, want)
	}

	if err := seed.Load(ctx, s); err != nil {
		t.Fatalf("second Load: %v", err)
	}
	if got := stats(t, s); !statsEqual(got, first) {
		t.Errorf("stats changed on second Load: got %+v, want %+v", got, first)
	}
	got := evidenceCounts(t, s, ids)
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: %d evidence items after loading twice, want %d", id, got[id], n)
		}
	}
}

func TestLoadedDocumentAndFacts(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if err := seed.Load(ctx, s); err != nil {
		t.Fatalf("Load: %v", err)
	}
	docs, err := s.DocumentsByID(ctx, []string{seed.DocumentID})
	if err != nil {
		t.Fatalf("DocumentsByID: %v", err)
	}
	d := docs[seed.DocumentID]
	if d == nil {
		t.Fatalf("document %s not stored", seed.DocumentID)
	}
	if got, want := d.Text, readArticle(t); got != want {
		t.Errorf("stored text differs from %s", articleFile)
	}
	id := newsgraph.RelationID("person:claudia-sheinbaum", "REJECTS", "legal-concept:foreign-military-intervention")
	rels, err := s.RelationsByID(ctx, []string{id})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if r := rels[id]; r == nil || len(r.Evidence) == 0 {
		t.Errorf("relation %s missing or without evidence: %+v", id, r)
	}
	searches := []struct{ query, want string }{
		{"AMLO", "person:andres-manuel-lopez-obrador"},
		{"Lopez Obrador", "person:andres-manuel-lopez-obrador"},
		{"FTO", "legal-concept:foreign-terrorist-organization-designation"},
		{"foreign terrorist organisation", "legal-concept:foreign-terrorist-organization-designation"},
		{"CDC", "organization:centers-for-disease-control-and-prevention"},
		{"Sheinbaum", "person:claudia-sheinbaum"},
		{"State Department", "organization:us-state-department"},
	}
	for _, tt := range searches {
		hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: tt.query, Limit: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.query, err)
		}
		if len(hits) == 0 || hits[0].Entity.ID != tt.want {
			var got []string
			for _, h := range hits {
				got = append(got, h.Entity.ID)
			}
			t.Errorf("Search(%q): got %q, want %s first", tt.query, got, tt.want)
		}
	}
}

func TestTamperedBatchIsRejected(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	b := mustBatch(t)
	r := b.Relations[len(b.Relations)/2]
	r.Evidence[0].Quote += " (not in the article)"

	_, err := s.Upsert(ctx, *b)
	if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
		t.Fatalf("Upsert of a tampered batch: code %q (%v), want %q", got, err, want)
	}
	if msg := newsgraph.ErrorMessage(err); !strings.Contains(msg, r.ID) {
		t.Errorf("error %q does not name relation %s", msg, r.ID)
	}
	if got := stats(t, s); got.Entities != 0 || got.Relations != 0 || got.Documents != 0 {
		t.Errorf("a rejected batch wrote data: %+v", got)
	}
}

func statsEqual(a, b newsgraph.Stats) bool {
	if a.Entities != b.Entities || a.Relations != b.Relations || a.Documents != b.Documents || len(a.ByKind) != len(b.ByKind) {
		return false
	}
	for i := range a.ByKind {
		if a.ByKind[i] != b.ByKind[i] {
			return false
		}
	}
	return true
}
