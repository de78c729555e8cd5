package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func testDeletes(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	t.Run("Relation", func(t *testing.T) {
		s := openFixture(t, open)
		ctx := t.Context()
		before := mustStats(t, s)
		stored, err := s.RelationsByID(ctx, []string{relLocatedIn})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		deleted, err := s.DeleteRelation(ctx, relLocatedIn)
		if err != nil {
			t.Fatalf("DeleteRelation: %v", err)
		}
		if deleted == nil || !reflect.DeepEqual(normalRelation(deleted), normalRelation(stored[relLocatedIn])) {
			t.Errorf("DeleteRelation returned %+v, want the relation as it was, %+v", deleted, stored[relLocatedIn])
		}
		got, err := s.RelationsByID(ctx, []string{relLocatedIn, relOpsSinaloa})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		if _, ok := got[relLocatedIn]; ok || got[relOpsSinaloa] == nil {
			t.Errorf("RelationsByID after the delete = %v, want only %s", got, relOpsSinaloa)
		}
		want := before
		want.Relations--
		if st := mustStats(t, s); !reflect.DeepEqual(st, want) {
			t.Errorf("Stats after DeleteRelation = %+v, want %+v", st, want)
		}
		// LOCATED_IN had one relation: the type is gone.
		types, err := s.RelationTypes(ctx)
		if err != nil {
			t.Fatalf("RelationTypes: %v", err)
		}
		for _, tc := range types {
			if tc.Type == "LOCATED_IN" {
				t.Errorf("RelationTypes still lists LOCATED_IN with count %d", tc.Count)
			}
		}
		g, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: PlaceSinaloa, Depth: 1, Limit: 10}})
		if err != nil {
			t.Fatalf("Neighborhoods: %v", err)
		}
		checkSubgraph(t, g[0], []string{PlaceSinaloa, OrgSinaloaCartel}, []string{relOpsSinaloa}, false)
		for _, id := range []string{relLocatedIn, rid(PersonTrump, "LIKES", PlaceMexico)} {
			r, err := s.DeleteRelation(ctx, id)
			wantCode(t, err, newsgraph.NotFound)
			if r != nil {
				t.Errorf("a failed DeleteRelation returned %+v", r)
			}
		}
		if st := mustStats(t, s); !reflect.DeepEqual(st, want) {
			t.Errorf("Stats after failed deletes = %+v, want %+v", st, want)
		}
	})
	t.Run("Entity", func(t *testing.T) {
		s := openFixture(t, open)
		ctx := t.Context()
		before := mustStats(t, s)
		storedEntity, err := s.EntitiesByID(ctx, []string{OrgSinaloaCartel})
		if err != nil {
			t.Fatalf("EntitiesByID: %v", err)
		}
		incident := []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates}
		storedRels, err := s.RelationsByID(ctx, incident)
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		deleted, err := s.DeleteEntity(ctx, OrgSinaloaCartel)
		if err != nil {
			t.Fatalf("DeleteEntity: %v", err)
		}
		if deleted.Entity == nil || !reflect.DeepEqual(normalEntity(deleted.Entity), normalEntity(storedEntity[OrgSinaloaCartel])) {
			t.Errorf("DeleteEntity returned the entity %+v, want it as it was, %+v", deleted.Entity, storedEntity[OrgSinaloaCartel])
		}
		equalStrings(t, "ids of the deleted relations", relationIDs(deleted.Relations), slices.Sorted(slices.Values(incident)))
		for _, r := range deleted.Relations {
			if !reflect.DeepEqual(normalRelation(r), normalRelation(storedRels[r.ID])) {
				t.Errorf("deleted relation %+v, want it as it was, %+v", r, storedRels[r.ID])
			}
		}
		want := before
		want.Entities--
		want.Relations -= len(incident)
		want.ByKind = slices.Clone(before.ByKind)
		want.ByKind[1].Count--
		if st := mustStats(t, s); !reflect.DeepEqual(st, want) {
			t.Errorf("Stats after DeleteEntity = %+v, want %+v", st, want)
		}
		entities, err := s.EntitiesByID(ctx, []string{OrgSinaloaCartel})
		if err != nil {
			t.Fatalf("EntitiesByID: %v", err)
		}
		if len(entities) != 0 {
			t.Errorf("EntitiesByID of a deleted entity = %v, want nothing", entities)
		}
		rels, err := s.RelationsByID(ctx, incident)
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		if len(rels) != 0 {
			t.Errorf("RelationsByID of the deleted entity's relations returned %d", len(rels))
		}
		relationPages(t, s, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: OrgSinaloaCartel}, First: 10}, 0)
		hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: "sinaloa cartel", Limit: 10})
		if err != nil {
			t.Fatalf("Search: %v", err)
		}
		if slices.Contains(hitIDs(hits), OrgSinaloaCartel) {
			t.Errorf("Search still finds the deleted entity: %v", hitIDs(hits))
		}
		_, err = s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: OrgSinaloaCartel, Depth: 1, Limit: 10}})
		wantCode(t, err, newsgraph.NotFound)
		docs, err := s.DocumentsByID(ctx, []string{DocDesignation, DocResponse})
		if err != nil {
			t.Fatalf("DocumentsByID: %v", err)
		}
		if len(docs) != 2 {
			t.Errorf("documents after DeleteEntity = %d, want 2: documents stay", len(docs))
		}
		again, err := s.DeleteEntity(ctx, OrgSinaloaCartel)
		wantCode(t, err, newsgraph.NotFound)
		if again.Entity != nil || len(again.Relations) != 0 {
			t.Errorf("a failed DeleteEntity reports %+v deleted", again)
		}
		_, err = s.DeleteEntity(ctx, "person:nobody")
		wantCode(t, err, newsgraph.NotFound)
		if st := mustStats(t, s); !reflect.DeepEqual(st, want) {
			t.Errorf("Stats after failed deletes = %+v, want %+v", st, want)
		}
	})
	t.Run("EntityWithSelfLoop", func(t *testing.T) {
		s := openFixture(t, open)
		// Washington: HELD_IN, COOPERATES_WITH and its self-loop, counted once.
		deleted, err := s.DeleteEntity(t.Context(), PlaceWashington)
		if err != nil {
			t.Fatalf("DeleteEntity: %v", err)
		}
		if got, want := len(deleted.Relations), 3; got != want {
			t.Errorf("DeleteEntity deleted %d relations, want %d", got, want)
		}
		if got, want := mustStats(t, s).Relations, len(Fixture().Relations)-3; got != want {
			t.Errorf("Stats.Relations = %d, want %d", got, want)
		}
	})
	t.Run("EntityWithoutRelations", func(t *testing.T) {
		s := openFixture(t, open)
		deleted, err := s.DeleteEntity(t.Context(), OrgWHO)
		if err != nil {
			t.Fatalf("DeleteEntity: %v", err)
		}
		if len(deleted.Relations) != 0 || deleted.Entity == nil || deleted.Entity.ID != OrgWHO {
			t.Errorf("DeleteEntity of an isolated entity reports %+v", deleted)
		}
		page, err := s.Entities(t.Context(), newsgraph.EntityQuery{First: 100})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		want := fixtureEntityIDs(func(e *newsgraph.Entity) bool { return e.ID != OrgWHO })
		equalStrings(t, "entities", entityIDs(page.Items), want)
		if page.TotalCount != len(want) {
			t.Errorf("TotalCount = %d, want %d", page.TotalCount, len(want))
		}
	})
}

func testDocumentIDsMentioning(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	got, err := s.DocumentIDsMentioning(t.Context(), []string{PersonSheinbaum, PersonTrump, ChainA, OrgWHO, "person:nobody"})
	if err != nil {
		t.Fatalf("DocumentIDsMentioning: %v", err)
	}
	for id, want := range map[string][]string{
		// Sheinbaum's relations quote both story documents; the claim
		// naming Trump as claimant is no relation, so Trump is in one.
		PersonSheinbaum: {DocDesignation, DocResponse},
		PersonTrump:     {DocDesignation},
		ChainA:          {DocChainNotes},
	} {
		equalStrings(t, "documents mentioning "+id, got[id], want)
	}
	if docs, ok := got[OrgWHO]; !ok || len(docs) != 0 {
		t.Errorf("documents mentioning %s = %v (present %v), want present and empty", OrgWHO, docs, ok)
	}
	if docs, ok := got["person:nobody"]; ok {
		t.Errorf("an absent id is in the result: %v", docs)
	}
	if len(got) != 4 {
		t.Errorf("DocumentIDsMentioning returned %d ids, want 4", len(got))
	}
}
