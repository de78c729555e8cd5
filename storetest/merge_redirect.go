package storetest

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

func testMergeRecords(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	const one, two = "person:trump-one", "person:trump-two"
	mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{
		{ID: one, Kind: newsgraph.KindPerson, Name: "Trump One"},
		{ID: two, Kind: newsgraph.KindPerson, Name: "Trump Two"},
	}})
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{one}, Actor: "alice", At: at})
	mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{two}, Actor: "bob"})
	// A merged id answers for its survivor.
	for _, id := range []string{PersonTrump, one} {
		records := mustMerges(t, s, id)
		if len(records) != 2 {
			t.Fatalf("Merges(%s) = %+v, want two records", id, records)
		}
		if m := records[0]; m.Into != PersonTrump || !slices.Equal(m.From, []string{one}) || m.Actor != "alice" || !m.At.Equal(at) {
			t.Errorf("Merges(%s)[0] = %+v, want the first merge, by alice at %s", id, m, at)
		}
		if m := records[1]; m.Into != PersonTrump || !slices.Equal(m.From, []string{two}) || m.Actor != "bob" || m.At.IsZero() {
			t.Errorf("Merges(%s)[1] = %+v, want the second merge, by bob, with a time set", id, m)
		}
	}
	if records := mustMerges(t, s, PlaceMexico); len(records) != 0 {
		t.Errorf("Merges of an entity nothing was merged into = %+v", records)
	}
}

func testMergeErrors(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openMergeFixture(t, open)
	ctx := t.Context()
	before := mustStats(t, s)
	for _, c := range []struct {
		name string
		m    newsgraph.Merge
		code newsgraph.Code
	}{
		{"DifferentKinds", newsgraph.Merge{Into: PersonTrump, From: []string{PlaceMexico}}, newsgraph.Invalid},
		{"IntoItself", newsgraph.Merge{Into: PersonTrump, From: []string{PersonTrump}}, newsgraph.Invalid},
		{"IntoItselfAmongOthers", newsgraph.Merge{Into: PersonTrump, From: []string{dupTrump, PersonTrump}}, newsgraph.Invalid},
		{"EmptyFrom", newsgraph.Merge{Into: PersonTrump}, newsgraph.Invalid},
		{"MalformedFrom", newsgraph.Merge{Into: PersonTrump, From: []string{"Trump"}}, newsgraph.Invalid},
		{"IntoAbsent", newsgraph.Merge{Into: "person:nobody", From: []string{dupTrump}}, newsgraph.NotFound},
		{"FromAbsent", newsgraph.Merge{Into: PersonTrump, From: []string{"person:nobody"}}, newsgraph.NotFound},
		// All or nothing: the duplicate, which exists, is not merged.
		{"OneFromAbsent", newsgraph.Merge{Into: PersonTrump, From: []string{dupTrump, "person:nobody"}}, newsgraph.NotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			merged, err := s.MergeEntities(ctx, c.m)
			wantCode(t, err, c.code)
			if merged.Survivor != nil || merged.Merge != nil {
				t.Errorf("a failed merge returned %+v", merged)
			}
		})
	}
	if st := mustStats(t, s); !reflect.DeepEqual(st, before) {
		t.Errorf("Stats after failed merges = %+v, want %+v", st, before)
	}
	CheckHolds(t, s, mergeFixture())
	if records := mustMerges(t, s, PersonTrump); len(records) != 0 {
		t.Errorf("failed merges left records: %+v", records)
	}
}

// testUpsertRedirects checks that Upsert writes ids merged away as their
// survivor's.
func testUpsertRedirects(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openMergeFixture(t, open)
	ctx := t.Context()
	mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{dupTrump}})
	before := mustStats(t, s)
	visits := &newsgraph.Relation{From: dupTrump, Type: "VISITS", To: PlaceMexico,
		Evidence: []newsgraph.Evidence{{Quote: "Mexico", DocumentID: DocDesignation}}}
	claim := &newsgraph.Entity{ID: "claim:mexico-is-lawless", Kind: newsgraph.KindClaim, Name: "Mexico is lawless", ClaimantID: dupTrump}
	// The duplicate comes back: only its names are kept, as aliases.
	again := &newsgraph.Entity{ID: dupTrump, Kind: newsgraph.KindPerson, Name: "Mr Trump", Aliases: []string{"The Donald", "DJT", "Donald Trump"},
		Description: "Ignored."}
	mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{claim, again}, Relations: []*newsgraph.Relation{visits}})

	want := before
	want.Entities++ // the claim
	want.Relations++
	want.ByKind = slices.Clone(before.ByKind)
	want.ByKind[5].Count++
	if st := mustStats(t, s); !reflect.DeepEqual(st, want) {
		t.Errorf("Stats after upserting merged ids = %+v, want %+v", st, want)
	}
	rels, err := s.RelationsByID(ctx, []string{rid(dupTrump, "VISITS", PlaceMexico), rid(PersonTrump, "VISITS", PlaceMexico)})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(rels) != 1 || rels[rid(PersonTrump, "VISITS", PlaceMexico)] == nil {
		t.Errorf("RelationsByID = %v, want only the relation from the survivor", rels)
	}
	entities, err := s.EntitiesByID(ctx, []string{claim.ID, dupTrump, PersonTrump})
	if err != nil {
		t.Fatalf("EntitiesByID: %v", err)
	}
	if e := entities[claim.ID]; e == nil || e.ClaimantID != PersonTrump {
		t.Errorf("claim = %+v, want claimant %s", e, PersonTrump)
	}
	survivor := entities[PersonTrump]
	if survivor == nil || entities[dupTrump] == nil || entities[dupTrump].ID != PersonTrump {
		t.Fatalf("EntitiesByID = %v, want %s to resolve to %s", entities, dupTrump, PersonTrump)
	}
	checkAliases(t, survivor, "Trump", "President Trump", "DJT", "Mr Trump", "The Donald")
	if survivor.Name != "Donald Trump" || survivor.Description != "" {
		t.Errorf("survivor = %+v, want its own name and description", survivor)
	}
}

// testMergeTransitive merges one entity into a second and the second into a
// third: both first ids resolve to the third, whose merge history holds
// both records.
func testMergeTransitive(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	const a, b = "person:trump-a", "person:trump-b"
	mustUpsert(t, s, newsgraph.Batch{
		Entities: []*newsgraph.Entity{{ID: a, Kind: newsgraph.KindPerson, Name: "Trump A"}, {ID: b, Kind: newsgraph.KindPerson, Name: "Trump B"}},
		Relations: []*newsgraph.Relation{{From: a, Type: "VISITS", To: PlaceWashington,
			Evidence: []newsgraph.Evidence{{Quote: "Washington", DocumentID: DocDesignation}}}},
	})
	mustMerge(t, s, newsgraph.Merge{Into: b, From: []string{a}})
	survivor := mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{b}})
	checkAliases(t, survivor, "Trump", "Trump A", "Trump B")
	entities, err := s.EntitiesByID(ctx, []string{a, b})
	if err != nil {
		t.Fatalf("EntitiesByID: %v", err)
	}
	for _, id := range []string{a, b} {
		if e := entities[id]; e == nil || e.ID != PersonTrump {
			t.Errorf("EntitiesByID(%s) = %+v, want %s", id, e, PersonTrump)
		}
	}
	rels, err := s.RelationsByID(ctx, []string{rid(PersonTrump, "VISITS", PlaceWashington)})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(rels) != 1 {
		t.Errorf("the relation of %s did not move to %s through %s", a, PersonTrump, b)
	}
	// Merging the first id again resolves it to the survivor: nothing to do.
	stats := mustStats(t, s)
	mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{a}})
	if st := mustStats(t, s); !reflect.DeepEqual(st, stats) {
		t.Errorf("Stats after merging a resolved id = %+v, want %+v", st, stats)
	}
	// The survivor's history holds the merge into b as well, oldest first,
	// whichever id of the chain is asked, in one call.
	history, err := s.Merges(ctx, []string{a, b, PersonTrump, "person:never-merged", "not an id"})
	if err != nil {
		t.Fatalf("Merges: %v", err)
	}
	for _, id := range []string{a, b, PersonTrump} {
		records := history[id]
		if len(records) != 2 || records[0].Into != b || !slices.Equal(records[0].From, []string{a}) ||
			records[1].Into != PersonTrump || !slices.Equal(records[1].From, []string{b}) {
			t.Errorf("Merges(%s) = %+v, want the record into %s from [%s], then into %s from [%s]", id, records, b, a, PersonTrump, b)
		}
	}
	if len(history) != 3 {
		t.Errorf("Merges answered %d ids, want the 3 with records: %+v", len(history), history)
	}
	// An upsert naming the first id lands on the survivor.
	mustUpsert(t, s, newsgraph.Batch{Relations: []*newsgraph.Relation{{From: PlaceMexico, Type: "HOSTS", To: a,
		Evidence: []newsgraph.Evidence{{Quote: "Mexico", DocumentID: DocDesignation}}}}})
	rels, err = s.RelationsByID(ctx, []string{rid(PlaceMexico, "HOSTS", PersonTrump)})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(rels) != 1 {
		t.Errorf("a relation naming %s was not written to %s", a, PersonTrump)
	}
}
