// Package storetest is the conformance suite of newsgraph.Store: every rule
// that the Store interface's doc comments state is checked here, through
// the interface only, so that every backend (the embedded store, the Neo4j
// store) behaves alike.
//
// A backend's test calls Run with a function that opens a fresh, empty
// store. The suite builds its own small graph (see Fixture) and closes each
// store it opens when the subtest ends.
package storetest

import (
	"cmp"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// Run runs the conformance suite. open must return a new, empty store each
// time it is called; the suite calls it once per group of subtests, so
// groups are independent, and closes the store with t.Cleanup of the test
// it passed to open, so open must not close it. Subtests that only read
// share their group's store. The suite never has two stores open at once
// and runs nothing in parallel, so a backend may implement open by
// emptying one database.
func Run(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	suites := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) newsgraph.Store)
	}{
		{"Ping", testPing},
		{"Upsert", testUpsert},
		{"UpsertValidation", testUpsertValidation},
		{"WriteReports", testWriteReports},
		{"EvidenceOffsets", testEvidenceOffsets},
		{"Search", testSearch},
		{"EntitiesNamed", testEntitiesNamed},
		{"Entities", testEntities},
		{"Documents", testDocuments},
		{"Relations", testRelations},
		{"RelationTypesAndStats", testRelationTypesAndStats},
		{"Neighborhoods", testNeighborhoods},
		{"Degrees", testDegrees},
		{"Contradictions", testContradictions},
		{"ShortestPath", testShortestPath},
		{"Paths", testPaths},
		{"AsOf", testAsOf},
		{"Deletes", testDeletes},
		{"Merges", testMerges},
		{"DocumentIDsMentioning", testDocumentIDsMentioning},
		{"Mentions", testMentions},
		{"Concurrency", testConcurrency},
	}
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			s.run(t, func(t *testing.T) newsgraph.Store {
				t.Helper()
				store := open(t)
				t.Cleanup(func() {
					if err := store.Close(); err != nil {
						t.Errorf("Close: %v", err)
					}
				})
				return store
			})
		})
	}
}

// openFixture opens a fresh store and upserts Fixture into it.
func openFixture(t *testing.T, open func(t *testing.T) newsgraph.Store) newsgraph.Store {
	t.Helper()
	s := open(t)
	mustUpsert(t, s, Fixture())
	return s
}

func mustUpsert(tb testing.TB, s newsgraph.Store, b newsgraph.Batch) {
	tb.Helper()
	if _, err := s.Upsert(tb.Context(), b); err != nil {
		tb.Fatalf("Upsert: %v", err)
	}
}

// wantCode fails unless err carries the code want.
func wantCode(tb testing.TB, err error, want newsgraph.Code) {
	tb.Helper()
	if got := newsgraph.ErrorCode(err); got != want {
		tb.Errorf("error code = %q (err %v), want %q", got, err, want)
	}
}

// mustStats returns the store's Stats or fails.
func mustStats(tb testing.TB, s newsgraph.Store) newsgraph.Stats {
	tb.Helper()
	st, err := s.Stats(tb.Context())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

// equalStrings fails unless got and want hold the same strings in order.
func equalStrings(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if !slices.Equal(got, want) {
		tb.Errorf("%s =\n  %q\nwant\n  %q", what, got, want)
	}
}

func entityIDs(es []*newsgraph.Entity) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

func relationIDs(rs []*newsgraph.Relation) []string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}

func documentIDs(ds []*newsgraph.Document) []string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

// sortedIDs returns the ids of the fixture's items that keep returns true
// for, in ascending order.
func sortedIDs[T any](items []*T, id func(*T) string, keep func(*T) bool) []string {
	var ids []string
	for _, item := range items {
		if keep == nil || keep(item) {
			ids = append(ids, id(item))
		}
	}
	slices.Sort(ids)
	return ids
}

func fixtureEntityIDs(keep func(*newsgraph.Entity) bool) []string {
	return sortedIDs(Fixture().Entities, func(e *newsgraph.Entity) string { return e.ID }, keep)
}

func fixtureRelationIDs(keep func(*newsgraph.Relation) bool) []string {
	return sortedIDs(Fixture().Relations, func(r *newsgraph.Relation) string { return r.ID }, keep)
}

// normalEntity returns a copy of e with empty slices as nil, so that stores
// that return empty lists compare equal to stores that return none.
func normalEntity(e *newsgraph.Entity) newsgraph.Entity {
	c := *e
	if len(c.Aliases) == 0 {
		c.Aliases = nil
	}
	if len(c.Roles) == 0 {
		c.Roles = nil
	}
	return c
}

// normalRelation returns a copy of r with a zero confidence as 1 and its
// evidence sorted: the order of evidence is not part of the contract.
func normalRelation(r *newsgraph.Relation) newsgraph.Relation {
	c := *r
	if c.Confidence == 0 {
		c.Confidence = 1
	}
	c.Evidence = slices.Clone(r.Evidence)
	slices.SortFunc(c.Evidence, func(a, b newsgraph.Evidence) int {
		return cmp.Or(cmp.Compare(a.DocumentID, b.DocumentID), cmp.Compare(a.Quote, b.Quote))
	})
	if len(c.Evidence) == 0 {
		c.Evidence = nil
	}
	return c
}
