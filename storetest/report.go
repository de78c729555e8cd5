package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testWriteReports checks what Upsert reports: created entities and
// relations on an empty store, updated entities and no relation news on
// the same batch again, a corroborated relation with its whole evidence,
// and a survivor updated in place of an entity merged away.
func testWriteReports(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := open(t)
	ctx := t.Context()
	f := Fixture()
	f.Normalize()
	report, err := s.Upsert(ctx, Fixture())
	if err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	equalStrings(t, "created entities", entityIDs(report.CreatedEntities), fixtureEntityIDs(nil))
	equalStrings(t, "created relations", relationIDs(report.CreatedRelations), fixtureRelationIDs(nil))
	if len(report.UpdatedEntities)+len(report.CorroboratedRelations) != 0 {
		t.Errorf("a first upsert reports updates: %d entities, %d relations", len(report.UpdatedEntities), len(report.CorroboratedRelations))
	}
	byID := map[string]*newsgraph.Relation{}
	for _, r := range f.Relations {
		byID[r.ID] = r
	}
	for _, r := range report.CreatedRelations {
		if want := byID[r.ID]; want == nil || !reflect.DeepEqual(normalRelation(r), normalRelation(want)) {
			t.Errorf("reported relation %+v, want it as stored, %+v", r, want)
		}
	}

	again, err := s.Upsert(ctx, Fixture())
	if err != nil {
		t.Fatalf("Upsert again: %v", err)
	}
	equalStrings(t, "updated entities on the same batch again", entityIDs(again.UpdatedEntities), fixtureEntityIDs(nil))
	if n := len(again.CreatedEntities) + len(again.CreatedRelations) + len(again.CorroboratedRelations); n != 0 {
		t.Errorf("the same batch again reports %d creations or corroborations: %+v", n, again)
	}

	// New evidence for one stored relation from another document.
	stored := byID[relOpsMexico]
	extra := &newsgraph.Relation{From: stored.From, Type: stored.Type, To: stored.To, Confidence: stored.Confidence,
		Evidence: []newsgraph.Evidence{{Quote: "Sheinbaum said Mexico", DocumentID: DocResponse}}}
	corroborated, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{extra}})
	if err != nil {
		t.Fatalf("Upsert of new evidence: %v", err)
	}
	if got := relationIDs(corroborated.CorroboratedRelations); !slices.Equal(got, []string{relOpsMexico}) || len(corroborated.CreatedRelations) != 0 {
		t.Fatalf("new evidence reports corroborated %v, created %v; want corroborated [%s]", got, relationIDs(corroborated.CreatedRelations), relOpsMexico)
	}
	if got, want := len(corroborated.CorroboratedRelations[0].Evidence), len(stored.Evidence)+1; got != want {
		t.Errorf("the corroborated relation is reported with %d pieces of evidence, want all %d", got, want)
	}
	same, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{extra}})
	if err != nil {
		t.Fatalf("Upsert of the same evidence: %v", err)
	}
	if len(same.CorroboratedRelations)+len(same.CreatedRelations) != 0 {
		t.Errorf("evidence the relation has already reports %+v", same)
	}

	// An entity merged away comes back as its survivor, updated.
	dup := &newsgraph.Entity{ID: "person:donald-j-trump", Kind: newsgraph.KindPerson, Name: "Donald J. Trump"}
	mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{dup}})
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: PersonTrump, From: []string{dup.ID}}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	back := &newsgraph.Entity{ID: dup.ID, Kind: newsgraph.KindPerson, Name: "The Donald"}
	folded, err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{back}})
	if err != nil {
		t.Fatalf("Upsert of a merged-away id: %v", err)
	}
	if got := entityIDs(folded.UpdatedEntities); !slices.Equal(got, []string{PersonTrump}) || len(folded.CreatedEntities) != 0 {
		t.Errorf("an entity merged away reports updated %v, created %v; want its survivor %s updated", got, entityIDs(folded.CreatedEntities), PersonTrump)
	} else if !slices.Contains(folded.UpdatedEntities[0].Aliases, "The Donald") {
		t.Errorf("the survivor is reported with aliases %q, want the new name among them", folded.UpdatedEntities[0].Aliases)
	}
}
