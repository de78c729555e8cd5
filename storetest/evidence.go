package storetest

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testEvidenceOffsets checks that evidence keeps its character offsets
// through writes and merges, that evidence without offsets is kept as it
// is, that an item is identified by its quote and document whatever its
// offsets, and that offsets that do not span the quote are Invalid.
func testEvidenceOffsets(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := open(t)
	ctx := t.Context()
	const text = "López met Trump. Trump met Sheinbaum."
	doc := &newsgraph.Document{ID: "doc:offsets", Title: "Offsets", Text: text}
	person := func(id, name string) *newsgraph.Entity {
		return &newsgraph.Entity{ID: id, Kind: newsgraph.KindPerson, Name: name}
	}
	withOffsets := newsgraph.Evidence{Quote: "López met Trump", DocumentID: doc.ID, Start: 0, End: 15}
	later := newsgraph.Evidence{Quote: "Trump met Sheinbaum", DocumentID: doc.ID, Start: 17, End: 36}
	without := newsgraph.Evidence{Quote: "met", DocumentID: doc.ID}
	rel := func(from, to string, evidence ...newsgraph.Evidence) *newsgraph.Relation {
		return &newsgraph.Relation{From: from, Type: "MET_WITH", To: to, Evidence: evidence}
	}
	lopez, trump, trump2 := "person:lopez", "person:trump", "person:donald-trump"
	mustUpsert(t, s, newsgraph.Batch{
		Documents: []*newsgraph.Document{doc},
		Entities:  []*newsgraph.Entity{person(lopez, "López"), person(trump, "Trump"), person(trump2, "Donald Trump")},
		Relations: []*newsgraph.Relation{rel(lopez, trump, withOffsets, without)},
	})
	id := newsgraph.RelationID(lopez, "MET_WITH", trump)
	wantEvidence := func(what, id string, want ...newsgraph.Evidence) {
		t.Helper()
		got, err := s.RelationsByID(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		if got[id] == nil || !reflect.DeepEqual(got[id].Evidence, want) {
			t.Errorf("%s: evidence of %s = %+v, want %+v", what, id, got[id], want)
		}
	}
	wantEvidence("written", id, withOffsets, without)

	// The same quotes with other offsets, or with offsets where the stored
	// item has none, are the same items: nothing is gained.
	moved, unknown := withOffsets, without
	moved.Start, moved.End = 1, 16
	unknown.Start, unknown.End = 6, 9
	report, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{rel(lopez, trump, moved, unknown, later)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.CorroboratedRelations) != 1 || len(report.CorroboratedRelations[0].Evidence) != 3 {
		t.Errorf("corroborated = %+v, want the relation with 3 items", report.CorroboratedRelations)
	}
	wantEvidence("corroborated", id, withOffsets, without, later)

	// Offsets that do not span the quote are refused, and nothing is written.
	bad := later
	bad.Quote, bad.End = "Trump met", 36
	_, err = s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{rel(trump, lopez, bad)}})
	wantCode(t, err, newsgraph.Invalid)
	if got, err := s.RelationsByID(ctx, []string{newsgraph.RelationID(trump, "MET_WITH", lopez)}); err != nil || len(got) != 0 {
		t.Errorf("a refused upsert wrote %v (%v)", got, err)
	}

	// A merge moves the evidence with its offsets.
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: trump2, From: []string{trump}}); err != nil {
		t.Fatal(err)
	}
	wantEvidence("merged", newsgraph.RelationID(lopez, "MET_WITH", trump2), withOffsets, without, later)
}
