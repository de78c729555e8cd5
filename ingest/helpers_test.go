package ingest_test

import (
	"os"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// openStore opens an empty store under test (see package teststore) that
// the test closes.
func openStore(tb testing.TB) newsgraph.Store {
	tb.Helper()
	return teststore.Open(tb)
}

// openSeeded opens a store under test holding the seed graph.
func openSeeded(tb testing.TB) newsgraph.Store {
	tb.Helper()
	return seeded(tb, openStore(tb))
}

// openSeededReference opens a second store holding the seed graph,
// independent of openSeeded's (see teststore.OpenReference).
func openSeededReference(tb testing.TB) newsgraph.Store {
	tb.Helper()
	return seeded(tb, teststore.OpenReference(tb))
}

// seeded loads the seed graph into s and returns s.
func seeded(tb testing.TB, s newsgraph.Store) newsgraph.Store {
	tb.Helper()
	if err := seed.Load(tb.Context(), s); err != nil {
		tb.Fatalf("load seed: %v", err)
	}
	return s
}

// secondArticle reads the hand-written test article and its entities and
// relations.
func secondArticle(tb testing.TB) ingest.Input {
	tb.Helper()
	raw, err := os.ReadFile("testdata/second-article.json")
	if err != nil {
		tb.Fatal(err)
	}
	in, err := ingest.DecodeInput(raw)
	if err != nil {
		tb.Fatalf("decode second article: %v", err)
	}
	return in
}

func mustIngest(tb testing.TB, svc *ingest.Service, in ingest.Input) ingest.Result {
	tb.Helper()
	res, err := svc.Ingest(tb.Context(), in)
	if err != nil {
		tb.Fatalf("Ingest: %v", err)
	}
	return res
}

func mustStats(tb testing.TB, s newsgraph.Store) newsgraph.Stats {
	tb.Helper()
	st, err := s.Stats(tb.Context())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

func mustEntity(tb testing.TB, s newsgraph.Store, id string) *newsgraph.Entity {
	tb.Helper()
	got, err := s.EntitiesByID(tb.Context(), []string{id})
	if err != nil {
		tb.Fatalf("EntitiesByID: %v", err)
	}
	if got[id] == nil {
		tb.Fatalf("entity %s is missing", id)
	}
	return got[id]
}

func mustRelation(tb testing.TB, s newsgraph.Store, id string) *newsgraph.Relation {
	tb.Helper()
	got, err := s.RelationsByID(tb.Context(), []string{id})
	if err != nil {
		tb.Fatalf("RelationsByID: %v", err)
	}
	if got[id] == nil {
		tb.Fatalf("relation %s is missing", id)
	}
	return got[id]
}

// snapshot returns the whole graph as export lines, to compare graphs.
func snapshot(tb testing.TB, s newsgraph.Store) []ingest.Input {
	tb.Helper()
	var out []ingest.Input
	if err := ingest.Export(tb.Context(), s, func(in ingest.Input) error {
		out = append(out, in)
		return nil
	}); err != nil {
		tb.Fatalf("Export: %v", err)
	}
	return out
}

func entityIDs(es []*newsgraph.Entity) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	slices.Sort(ids)
	return ids
}

func relationIDs(rs []*newsgraph.Relation) []string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}
