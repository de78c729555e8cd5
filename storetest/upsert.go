package storetest

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func testPing(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := open(t)
	if err := s.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testUpsert(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	t.Run("RoundTrip", func(t *testing.T) {
		s := openFixture(t, open)
		CheckHolds(t, s, Fixture())
	})
	t.Run("AbsentIDsAreMissing", func(t *testing.T) {
		s := openFixture(t, open)
		ctx := t.Context()
		entities, err := s.EntitiesByID(ctx, []string{PlaceMexico, "person:nobody", "not an id"})
		if err != nil {
			t.Fatalf("EntitiesByID: %v", err)
		}
		if got, want := len(entities), 1; got != want {
			t.Errorf("EntitiesByID returned %d entities, want %d: %v", got, want, entities)
		}
		relations, err := s.RelationsByID(ctx, []string{rid(PersonTrump, "LIKES", PlaceMexico)})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		if got := len(relations); got != 0 {
			t.Errorf("RelationsByID of an absent id returned %d relations, want 0", got)
		}
		docs, err := s.DocumentsByID(ctx, []string{"doc:nowhere", DocResponse})
		if err != nil {
			t.Fatalf("DocumentsByID: %v", err)
		}
		if _, ok := docs["doc:nowhere"]; ok || len(docs) != 1 {
			t.Errorf("DocumentsByID = %v, want only %s", docs, DocResponse)
		}
	})
	t.Run("Idempotent", func(t *testing.T) {
		s := openFixture(t, open)
		before := mustStats(t, s)
		mustUpsert(t, s, Fixture())
		if got := mustStats(t, s); !reflect.DeepEqual(got, before) {
			t.Errorf("Stats after a second upsert = %+v, want %+v", got, before)
		}
		CheckHolds(t, s, Fixture())
	})
	t.Run("ReturnsCopies", func(t *testing.T) {
		s := openFixture(t, open)
		got, err := s.EntitiesByID(t.Context(), []string{PlaceMexico})
		if err != nil {
			t.Fatalf("EntitiesByID: %v", err)
		}
		got[PlaceMexico].Aliases[0] = "changed"
		again, err := s.EntitiesByID(t.Context(), []string{PlaceMexico})
		if err != nil {
			t.Fatalf("EntitiesByID: %v", err)
		}
		if alias := again[PlaceMexico].Aliases[0]; alias != "México" {
			t.Errorf("changing a returned entity changed the store: alias = %q", alias)
		}
		id := rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)
		rels, err := s.RelationsByID(t.Context(), []string{id})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		rels[id].Evidence[0].Quote = "changed"
		g, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{{ID: PlaceSinaloa, Depth: 1, Types: []string{"LOCATED_IN"}, Limit: 5}})
		if err != nil {
			t.Fatalf("Neighborhoods: %v", err)
		}
		if len(g[0].Edges) != 1 || g[0].Edges[0].Evidence[0].Quote == "changed" {
			t.Errorf("changing a returned relation changed the store: %+v", g[0].Edges)
		}
	})
	t.Run("Replace", func(t *testing.T) { testReplace(t, open) })
	t.Run("EvidenceUnion", func(t *testing.T) { testEvidenceUnion(t, open) })
}

// CheckHolds checks that the store holds every item of want, field by
// field, as EntitiesByID, RelationsByID and DocumentsByID return them. Nil
// and empty lists compare equal, a zero relation confidence counts as 1 and
// the order of evidence is ignored. Backend tests use it to check that data
// survives a restart.
func CheckHolds(t *testing.T, s newsgraph.Store, want newsgraph.Batch) {
	t.Helper()
	ctx := t.Context()
	var ids []string
	for _, e := range want.Entities {
		ids = append(ids, e.ID)
	}
	entities, err := s.EntitiesByID(ctx, ids)
	if err != nil {
		t.Fatalf("EntitiesByID: %v", err)
	}
	if got, want := len(entities), len(want.Entities); got != want {
		t.Errorf("EntitiesByID returned %d entities, want %d", got, want)
	}
	for _, e := range want.Entities {
		got := entities[e.ID]
		if got == nil {
			t.Errorf("entity %s is missing", e.ID)
			continue
		}
		if g, w := normalEntity(got), normalEntity(e); !reflect.DeepEqual(g, w) {
			t.Errorf("entity %s =\n  %+v\nwant\n  %+v", e.ID, g, w)
		}
	}
	ids = ids[:0]
	for _, r := range want.Relations {
		ids = append(ids, newsgraph.RelationID(r.From, r.Type, r.To))
	}
	relations, err := s.RelationsByID(ctx, ids)
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	for _, r := range want.Relations {
		got := relations[newsgraph.RelationID(r.From, r.Type, r.To)]
		if got == nil {
			t.Errorf("relation %s is missing", r.ID)
			continue
		}
		if g, w := normalRelation(got), normalRelation(r); !reflect.DeepEqual(g, w) {
			t.Errorf("relation %s =\n  %+v\nwant\n  %+v", r.ID, g, w)
		}
	}
	ids = ids[:0]
	for _, d := range want.Documents {
		ids = append(ids, d.ID)
	}
	docs, err := s.DocumentsByID(ctx, ids)
	if err != nil {
		t.Fatalf("DocumentsByID: %v", err)
	}
	for _, d := range want.Documents {
		if got := docs[d.ID]; got == nil || !reflect.DeepEqual(*got, *d) {
			t.Errorf("document %s = %+v, want %+v", d.ID, got, d)
		}
	}
}

func testReplace(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	before := mustStats(t, s)
	renamed := &newsgraph.Entity{ID: OrgSinaloaCartel, Kind: newsgraph.KindOrganization, Name: "Cartel del Pacífico",
		Aliases: []string{"Pacific Cartel"}}
	retitled := &newsgraph.Document{ID: DocChainNotes, Title: "Chain notes, revised", Text: chainText + " Revised."}
	added := &newsgraph.Entity{ID: "person:ovidio-guzman", Kind: newsgraph.KindPerson, Name: "Ovidio Guzmán", Aliases: []string{"El Ratón"}}
	mustUpsert(t, s, newsgraph.Batch{Documents: []*newsgraph.Document{retitled}, Entities: []*newsgraph.Entity{renamed, added}})

	want := before
	want.Entities++
	want.ByKind = append([]newsgraph.KindCount{{Kind: newsgraph.KindPerson, Count: before.ByKind[0].Count + 1}}, before.ByKind[1:]...)
	if got := mustStats(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("Stats after replacing = %+v, want %+v", got, want)
	}
	hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: "el raton", Limit: 5})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) == 0 || hits[0].Entity.ID != added.ID {
		t.Errorf("Search for a new entity's alias = %v, want %s first", hitIDs(hits), added.ID)
	}
	holds := Fixture()
	holds.Documents = []*newsgraph.Document{retitled}
	holds.Entities = []*newsgraph.Entity{renamed, added}
	CheckHolds(t, s, holds)

	hits, err = s.Search(ctx, newsgraph.SearchQuery{Text: "pacific cartel", Limit: 5})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) == 0 || hits[0].Entity.ID != OrgSinaloaCartel {
		t.Errorf("Search for the new alias = %v, want %s first", hitIDs(hits), OrgSinaloaCartel)
	}
	hits, err = s.Search(ctx, newsgraph.SearchQuery{Text: "cártel de sinaloa", Limit: 5})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	for _, h := range hits {
		if h.Entity.ID == OrgSinaloaCartel {
			t.Errorf("Search for a replaced alias still finds %s", OrgSinaloaCartel)
		}
	}
}

func testEvidenceUnion(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	id := rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)
	again := func(evidence ...newsgraph.Evidence) newsgraph.Batch {
		return newsgraph.Batch{Relations: []*newsgraph.Relation{{From: PlaceSinaloa, Type: "LOCATED_IN", To: PlaceMexico,
			Confidence: 0.5, ValidFrom: newsgraph.MustParseDate("1830-10-14"), Evidence: evidence}}}
	}
	stored := newsgraph.Evidence{Quote: "operates in Sinaloa and across Mexico", DocumentID: DocDesignation}
	added := newsgraph.Evidence{Quote: "Mexico would cooperate", DocumentID: DocResponse}
	want := &newsgraph.Relation{ID: id, From: PlaceSinaloa, Type: "LOCATED_IN", To: PlaceMexico, Confidence: 0.5,
		ValidFrom: newsgraph.MustParseDate("1830-10-14"), Evidence: []newsgraph.Evidence{stored, added}}
	// New evidence alone adds to the stored quote; both quotes again (one
	// twice) leave the union as it is, without duplicates.
	for i, b := range []newsgraph.Batch{again(added), again(stored, added, added)} {
		mustUpsert(t, s, b)
		got, err := s.RelationsByID(ctx, []string{id})
		if err != nil {
			t.Fatalf("RelationsByID: %v", err)
		}
		if got[id] == nil {
			t.Fatalf("relation %s is missing", id)
		}
		if g, w := normalRelation(got[id]), normalRelation(want); !reflect.DeepEqual(g, w) {
			t.Errorf("relation after upsert %d =\n  %+v\nwant\n  %+v", i+2, g, w)
		}
	}
	if st := mustStats(t, s); st.Relations != len(Fixture().Relations) {
		t.Errorf("Stats.Relations = %d, want %d", st.Relations, len(Fixture().Relations))
	}
	pages, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{DocumentID: DocResponse, Involving: PlaceSinaloa}, First: 10}})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	equalStrings(t, "relations with new evidence from "+DocResponse, relationIDs(pages[0].Items), []string{id})
}

func hitIDs(hits []newsgraph.SearchHit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Entity.ID
	}
	return ids
}
