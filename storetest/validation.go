package storetest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// badBatch is an invalid batch: good items from the fixture plus one bad
// one, so that all-or-nothing can be checked.
type badBatch struct {
	name string
	// preload upserts the fixture before the bad batch when set; otherwise
	// the bad batch carries the whole fixture with it.
	preload bool
	// extra returns the bad items (and any good ones they need).
	extra func() newsgraph.Batch
	// names is a value the error message must contain, such as the id of
	// the offending item, when set.
	names string
}

func testUpsertValidation(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	ev := func(quote, doc string) []newsgraph.Evidence {
		return []newsgraph.Evidence{{Quote: quote, DocumentID: doc}}
	}
	entity := func(e *newsgraph.Entity) func() newsgraph.Batch {
		return func() newsgraph.Batch { return newsgraph.Batch{Entities: []*newsgraph.Entity{e}} }
	}
	relation := func(r *newsgraph.Relation) func() newsgraph.Batch {
		return func() newsgraph.Batch { return newsgraph.Batch{Relations: []*newsgraph.Relation{r}} }
	}
	document := func(d *newsgraph.Document) func() newsgraph.Batch {
		return func() newsgraph.Batch { return newsgraph.Batch{Documents: []*newsgraph.Document{d}} }
	}
	cases := []badBatch{
		{name: "MalformedEntityID", names: "person:Not A Slug", extra: entity(&newsgraph.Entity{ID: "person:Not A Slug", Kind: newsgraph.KindPerson, Name: "X"})},
		{name: "EntityIDWithoutPrefix", extra: entity(&newsgraph.Entity{ID: "someone", Kind: newsgraph.KindPerson, Name: "X"})},
		{name: "IDPrefixOfAnotherKind", extra: entity(&newsgraph.Entity{ID: "place:someone", Kind: newsgraph.KindPerson, Name: "X"})},
		{name: "UnknownKind", names: "ALIEN", extra: entity(&newsgraph.Entity{ID: "person:alien", Kind: "ALIEN", Name: "X"})},
		{name: "EntityWithoutName", extra: entity(&newsgraph.Entity{ID: "person:nameless", Kind: newsgraph.KindPerson, Name: "  "})},
		{name: "EventEndsBeforeItStarts", extra: entity(&newsgraph.Entity{ID: "event:backwards", Kind: newsgraph.KindEvent, Name: "Backwards",
			StartDate: newsgraph.MustParseDate("2025-02-02"), EndDate: newsgraph.MustParseDate("2025-02-01")})},
		{name: "EventPlaceIsNotAPlace", extra: entity(&newsgraph.Entity{ID: "event:misplaced", Kind: newsgraph.KindEvent, Name: "Misplaced", PlaceID: PersonTrump})},
		{name: "EventPlaceDoesNotExist", preload: true, names: "place:atlantis", extra: entity(&newsgraph.Entity{ID: "event:nowhere", Kind: newsgraph.KindEvent, Name: "Nowhere", PlaceID: "place:atlantis"})},
		{name: "ClaimantDoesNotExist", preload: true, extra: entity(&newsgraph.Entity{ID: "claim:orphan", Kind: newsgraph.KindClaim, Name: "Orphan", ClaimantID: "person:nobody"})},
		{name: "DuplicateEntity", extra: func() newsgraph.Batch { return newsgraph.Batch{Entities: Fixture().Entities[:1]} }},
		{name: "MalformedDocumentID", extra: document(&newsgraph.Document{ID: "document 1", Title: "T", Text: "Text."})},
		{name: "DocumentWithoutText", extra: document(&newsgraph.Document{ID: "doc:empty", Title: "Empty", Text: " "})},
		{name: "MalformedRelationType", names: "borders", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "borders", To: PlaceWashington,
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "RelationTypeTooLong", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: strings.Repeat("A", 65), To: PlaceWashington,
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "QuoteNotInBatchDocument", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			Evidence: ev("across mexico", DocDesignation)})},
		{name: "QuoteNotInStoredDocument", preload: true, names: "Mexico borders Washington", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			Evidence: ev("Mexico borders Washington", DocDesignation)})},
		{name: "DanglingFrom", preload: true, names: "person:nobody", extra: relation(&newsgraph.Relation{From: "person:nobody", Type: "VISITS", To: PlaceMexico,
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "DanglingTo", names: "place:atlantis", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: "place:atlantis",
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "MalformedEnd", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: "Atlantis",
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "MissingEvidenceDocument", preload: true, names: "doc:nowhere", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			Evidence: ev("across Mexico", "doc:nowhere")})},
		{name: "NoEvidence", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington})},
		{name: "EmptyQuote", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			Evidence: ev(" ", DocDesignation)})},
		{name: "ConfidenceAboveOne", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington, Confidence: 1.5,
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "NegativeConfidence", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington, Confidence: -0.1,
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "ValidToBeforeValidFrom", extra: relation(&newsgraph.Relation{From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			ValidFrom: newsgraph.MustParseDate("2025-01-02"), ValidTo: newsgraph.MustParseDate("2025-01-01"),
			Evidence: ev("across Mexico", DocDesignation)})},
		{name: "NilEntity", extra: func() newsgraph.Batch { return newsgraph.Batch{Entities: []*newsgraph.Entity{nil}} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			b := c.extra()
			if c.preload {
				mustUpsert(t, s, Fixture())
			} else {
				f := Fixture()
				b.Documents = append(f.Documents, b.Documents...)
				b.Entities = append(f.Entities, b.Entities...)
				b.Relations = append(f.Relations, b.Relations...)
			}
			before := mustStats(t, s)
			report, err := s.Upsert(t.Context(), b)
			wantCode(t, err, newsgraph.Invalid)
			if !reflect.DeepEqual(report, newsgraph.WriteReport{}) {
				t.Errorf("a failed upsert reports %+v", report)
			}
			if err != nil && !strings.Contains(newsgraph.ErrorMessage(err), c.names) {
				t.Errorf("error message %q does not name %q", newsgraph.ErrorMessage(err), c.names)
			}
			if got := mustStats(t, s); !reflect.DeepEqual(got, before) {
				t.Errorf("Stats after a failed upsert = %+v, want %+v", got, before)
			}
			if !c.preload {
				return
			}
			types, err := s.RelationTypes(t.Context())
			if err != nil {
				t.Fatalf("RelationTypes: %v", err)
			}
			for _, tc := range types {
				if tc.Type == "BORDERS" || tc.Type == "VISITS" {
					t.Errorf("relation type %s of a failed upsert was written", tc.Type)
				}
			}
		})
	}
	t.Run("DerivesRelationIDAndConfidence", func(t *testing.T) {
		s := openFixture(t, open)
		r := &newsgraph.Relation{ID: "whatever", From: PlaceMexico, Type: "BORDERS", To: PlaceWashington,
			Evidence: ev("across Mexico", DocDesignation)}
		mustUpsert(t, s, newsgraph.Batch{Relations: []*newsgraph.Relation{r}})
		id := rid(PlaceMexico, "BORDERS", PlaceWashington)
		got, err := s.RelationsByID(t.Context(), []string{id})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		if got[id] == nil {
			t.Fatalf("relation %s was not written under its derived id", id)
		}
		if c := got[id].Confidence; c != 1 {
			t.Errorf("confidence = %v, want 1 for a zero input", c)
		}
	})
}
