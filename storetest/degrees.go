package storetest

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func testDegrees(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	want := map[string]int{
		OrgSinaloaCartel: 5,
		// The operating relation's validity dates do not matter.
		PlaceMexico: 4,
		// A self-loop counts once.
		PlaceWashington: 3,
		// Being a claim's claimant is no relation.
		PersonTrump: 1,
		OrgWHO:      0,
		ChainA:      5,
		ChainF:      4,
	}
	ids := []string{"person:nobody"}
	for id := range want {
		ids = append(ids, id)
	}
	got, err := s.Degrees(ctx, ids)
	if err != nil {
		t.Fatalf("Degrees: %v", err)
	}
	for id, n := range want {
		if d, ok := got[id]; !ok || d != n {
			t.Errorf("degree of %s = %d (present %v), want %d", id, d, ok, n)
		}
	}
	if d, ok := got["person:nobody"]; ok {
		t.Errorf("an absent id is in the result: %d", d)
	}
	if len(got) != len(want) {
		t.Errorf("Degrees returned %d ids, want %d", len(got), len(want))
	}

	t.Run("EveryEntityCountsItsRelations", func(t *testing.T) {
		var ids []string
		for _, e := range Fixture().Entities {
			ids = append(ids, e.ID)
		}
		got, err := s.Degrees(ctx, ids)
		if err != nil {
			t.Fatalf("Degrees: %v", err)
		}
		for _, id := range ids {
			pages, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{Involving: id}}})
			if err != nil {
				t.Fatalf("Relations: %v", err)
			}
			if got[id] != pages[0].TotalCount {
				t.Errorf("degree of %s = %d, want its relations' count %d", id, got[id], pages[0].TotalCount)
			}
		}
	})

	t.Run("Empty", func(t *testing.T) {
		got, err := s.Degrees(ctx, nil)
		if err != nil || len(got) != 0 {
			t.Errorf("Degrees(nil) = %v, %v; want an empty map", got, err)
		}
	})

	t.Run("FollowsWrites", func(t *testing.T) {
		if _, err := s.DeleteRelation(ctx, relSelfLoop); err != nil {
			t.Fatalf("DeleteRelation: %v", err)
		}
		mustUpsert(t, s, newsgraph.Batch{Relations: []*newsgraph.Relation{
			{ID: rid(OrgWHO, "MENTIONS", PlaceWashington), Type: "MENTIONS", From: OrgWHO, To: PlaceWashington, Confidence: 1,
				Evidence: []newsgraph.Evidence{{Quote: "announced in Washington", DocumentID: DocDesignation}}},
		}})
		got, err := s.Degrees(ctx, []string{PlaceWashington, OrgWHO})
		if err != nil {
			t.Fatalf("Degrees: %v", err)
		}
		if got[PlaceWashington] != 3 || got[OrgWHO] != 1 {
			t.Errorf("degrees after deleting the self-loop and adding WHO -> Washington = %v, want Washington 3, WHO 1", got)
		}
	})
}
