package embedded_test

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storetest"
)

// reopen closes s and opens its directory again.
func reopen(t *testing.T, s *embedded.Store, dir string) *embedded.Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	again, err := embedded.Open(t.Context(), dir)
	if err != nil {
		t.Fatalf("Open again: %v", err)
	}
	t.Cleanup(func() { _ = again.Close() })
	return again
}

func mustEntity(t *testing.T, s newsgraph.Store, id string) *newsgraph.Entity {
	t.Helper()
	got, err := s.EntitiesByID(t.Context(), []string{id})
	if err != nil {
		t.Fatalf("EntitiesByID: %v", err)
	}
	if got[id] == nil {
		t.Fatalf("entity %s is missing", id)
	}
	return got[id]
}

func TestWritesSurviveReopen(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	const dup, dupOfDup = "person:president-trump", "person:djt"
	ev := []newsgraph.Evidence{{Quote: "Donald Trump", DocumentID: storetest.DocDesignation}}
	b := storetest.Fixture()
	b.Entities = append(b.Entities,
		&newsgraph.Entity{ID: dup, Kind: newsgraph.KindPerson, Name: "President Trump"},
		&newsgraph.Entity{ID: dupOfDup, Kind: newsgraph.KindPerson, Name: "DJT"})
	b.Relations = append(b.Relations, &newsgraph.Relation{From: dupOfDup, Type: "MENTIONS", To: storetest.PlaceMexico, Evidence: ev})
	if _, err := s.Upsert(ctx, b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: dup, From: []string{dupOfDup}, Actor: "alice"}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: storetest.PersonTrump, From: []string{dup}, Actor: "bob"}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	located := newsgraph.RelationID(storetest.PlaceSinaloa, "LOCATED_IN", storetest.PlaceMexico)
	if _, err := s.DeleteRelation(ctx, located); err != nil {
		t.Fatalf("DeleteRelation: %v", err)
	}
	if _, err := s.DeleteEntity(ctx, storetest.OrgWHO); err != nil {
		t.Fatalf("DeleteEntity: %v", err)
	}
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	history, err := s.Merges(ctx, []string{storetest.PersonTrump})
	if err != nil {
		t.Fatalf("Merges: %v", err)
	}
	merges := history[storetest.PersonTrump]
	survivor := mustEntity(t, s, storetest.PersonTrump)

	s = reopen(t, s, dir)
	if got, err := s.Stats(ctx); err != nil || !reflect.DeepEqual(got, stats) {
		t.Errorf("Stats after reopening = %+v (%v), want %+v", got, err, stats)
	}
	for _, id := range []string{dup, dupOfDup, storetest.PersonTrump} {
		if got := mustEntity(t, s, id); !reflect.DeepEqual(got, survivor) {
			t.Errorf("EntitiesByID(%s) after reopening = %+v, want %+v", id, got, survivor)
		}
	}
	// The history of the chain djt into president-trump, then that into
	// Trump, is both records, oldest first, whichever id is asked.
	history, err = s.Merges(ctx, []string{dupOfDup, dupOfDup + "-never-merged"})
	if err != nil {
		t.Fatalf("Merges: %v", err)
	}
	got := history[dupOfDup]
	if len(merges) != 2 || merges[0].Actor != "alice" || merges[1].Actor != "bob" || !reflect.DeepEqual(got, merges) {
		t.Errorf("Merges after reopening = %+v, want %+v, alice's then bob's", got, merges)
	}
	if got, ok := history[dupOfDup+"-never-merged"]; ok {
		t.Errorf("Merges of an unknown id = %+v", got)
	}
	moved := newsgraph.RelationID(storetest.PersonTrump, "MENTIONS", storetest.PlaceMexico)
	rels, err := s.RelationsByID(ctx, []string{located, moved})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(rels) != 1 || rels[moved] == nil {
		t.Errorf("RelationsByID after reopening = %v, want only %s", rels, moved)
	}
	if es, err := s.EntitiesByID(ctx, []string{storetest.OrgWHO}); err != nil || len(es) != 0 {
		t.Errorf("the deleted entity is back after reopening: %v (%v)", es, err)
	}
	// The redirects were reloaded: an upsert naming a merged id lands on the
	// survivor.
	again := &newsgraph.Relation{From: dupOfDup, Type: "VISITS", To: storetest.PlaceMexico, Evidence: ev}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{again}}); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	visits := newsgraph.RelationID(storetest.PersonTrump, "VISITS", storetest.PlaceMexico)
	if rels, err := s.RelationsByID(ctx, []string{visits}); err != nil || rels[visits] == nil {
		t.Errorf("relation %s is missing (%v)", visits, err)
	}
}

// TestEntityReferences checks what happens to events' places and claims'
// claimants, which store.go leaves to each store: a merge points them to
// the survivor, a delete clears them; both survive a reopen.
func TestEntityReferences(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	const dc = "place:washington-dc"
	b := storetest.Fixture()
	b.Entities = append(b.Entities, &newsgraph.Entity{ID: dc, Kind: newsgraph.KindPlace, Name: "Washington, D.C."})
	if _, err := s.Upsert(ctx, b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: dc, From: []string{storetest.PlaceWashington}}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	if got := mustEntity(t, s, storetest.EventDesignation).PlaceID; got != dc {
		t.Errorf("event place after the merge = %q, want %q", got, dc)
	}
	deleted, err := s.DeleteEntity(ctx, storetest.PersonTrump)
	if err != nil {
		t.Fatalf("DeleteEntity: %v", err)
	}
	if n := len(deleted.Relations); n != 1 {
		t.Errorf("DeleteEntity deleted %d relations, want 1", n)
	}
	if got := mustEntity(t, s, storetest.ClaimCartels).ClaimantID; got != "" {
		t.Errorf("claimant after deleting it = %q, want none", got)
	}
	if _, err := s.DeleteEntity(ctx, dc); err != nil {
		t.Fatalf("DeleteEntity: %v", err)
	}
	s = reopen(t, s, dir)
	if got := mustEntity(t, s, storetest.EventDesignation).PlaceID; got != "" {
		t.Errorf("event place after deleting it and reopening = %q, want none", got)
	}
	if got := mustEntity(t, s, storetest.ClaimCartels).ClaimantID; got != "" {
		t.Errorf("claimant after reopening = %q, want none", got)
	}
	// Deleting the survivor freed the id merged into it: it names nothing,
	// and an upsert creates it anew.
	if es, err := s.EntitiesByID(ctx, []string{storetest.PlaceWashington}); err != nil || len(es) != 0 {
		t.Errorf("EntitiesByID of an id merged into a deleted entity = %v (%v), want nothing", es, err)
	}
	washington := &newsgraph.Entity{ID: storetest.PlaceWashington, Kind: newsgraph.KindPlace, Name: "Washington"}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{washington}}); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	if got := mustEntity(t, s, storetest.PlaceWashington); got.ID != storetest.PlaceWashington {
		t.Errorf("EntitiesByID(%s) = %+v, want the entity itself", storetest.PlaceWashington, got)
	}
}

func TestWritesAfterClose(t *testing.T) {
	ctx := t.Context()
	s, err := embedded.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	_, mergeErr := s.MergeEntities(ctx, newsgraph.Merge{Into: storetest.PersonTrump, From: []string{storetest.PersonSheinbaum}})
	_, deleteErr := s.DeleteEntity(ctx, storetest.PersonTrump)
	_, mergesErr := s.Merges(ctx, []string{storetest.PersonTrump})
	_, mentionsErr := s.DocumentIDsMentioning(ctx, []string{storetest.PersonTrump})
	_, degreesErr := s.Degrees(ctx, []string{storetest.PersonTrump})
	for name, err := range map[string]error{
		"MergeEntities": mergeErr,
		"DeleteEntity":  deleteErr,
		"DeleteRelation": func() error {
			_, err := s.DeleteRelation(ctx, "x")
			return err
		}(),
		"Merges":                mergesErr,
		"DocumentIDsMentioning": mentionsErr,
		"Degrees":               degreesErr,
	} {
		if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
			t.Errorf("%s after Close: code %q (%v), want %q", name, got, err, want)
		}
	}
}
