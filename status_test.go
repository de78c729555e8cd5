package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/storetest/countstore"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// TestDisputedAmong checks Relation.status's rule on a real store: a
// relation is disputed when an end is a CLAIM that another relation
// CONTRADICTS, and the answer takes one Relations call, or none when no
// relation has a claim at an end.
func TestDisputedAmong(t *testing.T) {
	const (
		doc      = "doc:status"
		text     = "Ana said the river is clean. Bob and Eve contradicted it. Ana said the sky is green."
		ana      = "person:ana"
		bob      = "person:bob"
		eve      = "person:eve"
		clean    = "claim:the-river-is-clean"
		green    = "claim:the-sky-is-green"
		location = "place:river"
	)
	rel := func(from, typ, to string) *newsgraph.Relation {
		return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to,
			Evidence: []newsgraph.Evidence{{Quote: "Ana said", DocumentID: doc}}}
	}
	var (
		anaClean   = rel(ana, "MAKES_CLAIM", clean)
		anaGreen   = rel(ana, "MAKES_CLAIM", green)
		bobClean   = rel(bob, newsgraph.ContradictsType, clean)
		eveClean   = rel(eve, newsgraph.ContradictsType, clean)
		eveGreen   = rel(eve, newsgraph.ContradictsType, green) // the only contradiction of green
		cleanAbout = rel(clean, "ABOUT", location)
		anaBob     = rel(ana, "KNOWS", bob)
	)
	s := teststore.Open(t)
	b := newsgraph.Batch{Documents: []*newsgraph.Document{{ID: doc, Title: "Status", Text: text}}}
	for _, e := range []struct {
		id   string
		kind newsgraph.Kind
	}{{ana, newsgraph.KindPerson}, {bob, newsgraph.KindPerson}, {eve, newsgraph.KindPerson}, {clean, newsgraph.KindClaim}, {green, newsgraph.KindClaim}, {location, newsgraph.KindPlace}} {
		b.Entities = append(b.Entities, &newsgraph.Entity{ID: e.id, Kind: e.kind, Name: e.id})
	}
	b.Relations = []*newsgraph.Relation{anaClean, anaGreen, bobClean, eveClean, eveGreen, cleanAbout, anaBob}
	if _, err := s.Upsert(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	counting := countstore.New(s)
	for _, tt := range []struct {
		name     string
		rels     []*newsgraph.Relation
		disputed []*newsgraph.Relation
		calls    int
	}{
		{"no claim at an end: no store call", []*newsgraph.Relation{anaBob}, nil, 0},
		{"a claim's relations are disputed by its contradictions", []*newsgraph.Relation{anaClean, cleanAbout, anaBob}, []*newsgraph.Relation{anaClean, cleanAbout}, 1},
		{"a contradiction is disputed by another one of the same claim", []*newsgraph.Relation{bobClean, eveClean}, []*newsgraph.Relation{bobClean, eveClean}, 1},
		{"the only contradiction of a claim does not dispute itself", []*newsgraph.Relation{eveGreen, anaGreen}, []*newsgraph.Relation{anaGreen}, 1},
		{"all at once, one call for both claims", b.Relations, []*newsgraph.Relation{anaClean, anaGreen, bobClean, eveClean, cleanAbout}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			counting.Reset()
			got, err := newsgraph.DisputedAmong(t.Context(), counting, tt.rels)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, r := range tt.disputed {
				want[r.ID] = true
			}
			if len(got) != len(want) {
				t.Errorf("disputed = %v, want %v", got, want)
			}
			for id := range want {
				if !got[id] {
					t.Errorf("%s is not disputed; want it disputed (got %v)", id, got)
				}
			}
			if n := counting.Calls("Relations"); n != tt.calls {
				t.Errorf("%d Relations calls, want %d", n, tt.calls)
			}
		})
	}
}
