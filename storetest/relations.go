package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// hasEvidenceFrom reports whether r quotes document doc.
func hasEvidenceFrom(r *newsgraph.Relation, doc string) bool {
	return slices.ContainsFunc(r.Evidence, func(ev newsgraph.Evidence) bool { return ev.DocumentID == doc })
}

func testRelations(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	type filter = newsgraph.RelationFilter
	where := fixtureRelationIDs
	cases := []struct {
		name   string
		filter filter
		want   []string
	}{
		{"All", filter{}, where(nil)},
		{"OneType", filter{Types: []string{"OPERATES_IN"}}, []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico), rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa)}},
		{"TwoTypes", filter{Types: []string{"LOCATED_IN", "OPERATES_IN"}}, []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico),
			rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa), rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)}},
		{"ManyOfOneType", filter{Types: []string{"LINKS_TO"}}, where(func(r *newsgraph.Relation) bool { return r.Type == "LINKS_TO" })},
		{"UnknownType", filter{Types: []string{"NO_SUCH_TYPE"}}, nil},
		{"From", filter{From: OrgSinaloaCartel}, where(func(r *newsgraph.Relation) bool { return r.From == OrgSinaloaCartel })},
		{"To", filter{To: PlaceMexico}, where(func(r *newsgraph.Relation) bool { return r.To == PlaceMexico })},
		{"Involving", filter{Involving: PlaceMexico}, []string{rid(ClaimCartels, "ABOUT", PlaceMexico), rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico),
			rid(PlaceMexico, "GOVERNED_BY", PersonSheinbaum), rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)}},
		{"InvolvingAbsentEntity", filter{Involving: "person:nobody"}, nil},
		{"FromAbsentEntity", filter{From: "person:nobody"}, nil},
		{"InvolvingSelfLoop", filter{Involving: PlaceWashington}, []string{relHeldIn, relCooperates, relSelfLoop}},
		{"FromSelfLoop", filter{From: PlaceWashington}, []string{relSelfLoop}},
		{"ToSelfLoop", filter{To: PlaceWashington}, []string{relHeldIn, relCooperates, relSelfLoop}},
		{"DuplicateTypes", filter{Types: []string{"OPERATES_IN", "OPERATES_IN"}}, []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico), rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa)}},
		{"SelfContainedCycle", filter{Involving: ChainA, Types: []string{"SHORTCUT_TO", "RETURNS_TO"}}, []string{rid(ChainA, "SHORTCUT_TO", ChainF), rid(ChainF, "RETURNS_TO", ChainA)}},
		{"Document", filter{DocumentID: DocResponse}, where(func(r *newsgraph.Relation) bool { return hasEvidenceFrom(r, DocResponse) })},
		{"DocumentWithManyRelations", filter{DocumentID: DocDesignation}, where(func(r *newsgraph.Relation) bool { return hasEvidenceFrom(r, DocDesignation) })},
		{"FromAndType", filter{From: OrgSinaloaCartel, Types: []string{"OPERATES_IN"}}, []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico), rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa)}},
		{"FromAndTo", filter{From: OrgSinaloaCartel, To: PlaceMexico}, []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico)}},
		{"FromAndToReversed", filter{From: PlaceMexico, To: OrgSinaloaCartel}, nil},
		{"InvolvingAndType", filter{Involving: PlaceMexico, Types: []string{"OPERATES_IN", "GOVERNED_BY"}},
			[]string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico), rid(PlaceMexico, "GOVERNED_BY", PersonSheinbaum)}},
		{"InvolvingAndTo", filter{Involving: PersonSheinbaum, To: PlaceWashington}, []string{rid(PersonSheinbaum, "COOPERATES_WITH", PlaceWashington)}},
		{"DocumentAndInvolving", filter{DocumentID: DocDesignation, Involving: OrgSinaloaCartel},
			where(func(r *newsgraph.Relation) bool {
				return hasEvidenceFrom(r, DocDesignation) && (r.From == OrgSinaloaCartel || r.To == OrgSinaloaCartel)
			})},
		{"DocumentAndTypes", filter{DocumentID: DocResponse, Types: []string{"SUCCEEDED", "GOVERNED_BY"}},
			[]string{rid(PersonSheinbaum, "SUCCEEDED", PersonLopezObrador), rid(PlaceMexico, "GOVERNED_BY", PersonSheinbaum)}},
		{"AllFields", filter{Types: []string{"INVOLVES"}, From: EventDesignation, To: OrgSinaloaCartel, Involving: OrgSinaloaCartel, DocumentID: DocResponse},
			[]string{rid(EventDesignation, "INVOLVES", OrgSinaloaCartel)}},
		{"AllFieldsOneMismatch", filter{Types: []string{"INVOLVES"}, From: EventDesignation, To: OrgSinaloaCartel, Involving: OrgSinaloaCartel, DocumentID: DocChainNotes}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, first := range []int{newsgraph.MaxPageSize, 3, 1} {
				got := relationPages(t, s, newsgraph.RelationQuery{Filter: c.filter, First: first}, len(c.want))
				equalStrings(t, "relation ids", got, c.want)
			}
		})
	}
	t.Run("ItemsAreWholeRelations", func(t *testing.T) {
		pages, err := s.Relations(t.Context(), []newsgraph.RelationQuery{{Filter: filter{From: PersonSheinbaum, Types: []string{"SUCCEEDED"}}, First: 1}})
		if err != nil {
			t.Fatalf("Relations: %v", err)
		}
		f := Fixture().Relations[10]
		if len(pages[0].Items) != 1 || !reflect.DeepEqual(normalRelation(pages[0].Items[0]), normalRelation(f)) {
			t.Errorf("Relations = %+v, want %+v", pages[0].Items, f)
		}
	})
	t.Run("SeveralQueriesInOneCall", func(t *testing.T) {
		qs := []newsgraph.RelationQuery{
			{Filter: filter{To: PlaceMexico}, First: 10},
			{Filter: filter{Types: []string{"NO_SUCH_TYPE"}}, First: 10},
			{Filter: filter{From: ChainA}, First: 2},
			{Filter: filter{From: ChainA}, First: 2, After: newsgraph.EncodeCursor(rid(ChainA, "LINKS_TO", ChainD))},
		}
		pages, err := s.Relations(t.Context(), qs)
		if err != nil {
			t.Fatalf("Relations: %v", err)
		}
		if len(pages) != len(qs) {
			t.Fatalf("Relations returned %d pages for %d queries", len(pages), len(qs))
		}
		equalStrings(t, "page 0", relationIDs(pages[0].Items), where(func(r *newsgraph.Relation) bool { return r.To == PlaceMexico }))
		equalStrings(t, "page 1", relationIDs(pages[1].Items), nil)
		equalStrings(t, "page 2", relationIDs(pages[2].Items), []string{rid(ChainA, "LINKS_TO", ChainB), rid(ChainA, "LINKS_TO", ChainD)})
		equalStrings(t, "page 3", relationIDs(pages[3].Items), []string{rid(ChainA, "LINKS_TO", ChainE), rid(ChainA, "SHORTCUT_TO", ChainF)})
		for i, want := range []struct {
			total int
			next  bool
		}{{3, false}, {0, false}, {4, true}, {4, false}} {
			if pages[i].TotalCount != want.total || pages[i].HasNextPage != want.next {
				t.Errorf("page %d: total %d, next %v; want total %d, next %v", i, pages[i].TotalCount, pages[i].HasNextPage, want.total, want.next)
			}
		}
	})
	t.Run("FirstZeroGivesOnlyTotalCount", func(t *testing.T) {
		pages, err := s.Relations(t.Context(), []newsgraph.RelationQuery{{Filter: filter{Types: []string{"LINKS_TO"}}}})
		if err != nil {
			t.Fatalf("Relations: %v", err)
		}
		if len(pages[0].Items) != 0 || pages[0].TotalCount != 8 {
			t.Errorf("page = %d items, total %d; want 0 items, total 8", len(pages[0].Items), pages[0].TotalCount)
		}
	})
	t.Run("Validation", func(t *testing.T) {
		for _, c := range []struct {
			name string
			qs   []newsgraph.RelationQuery
			code newsgraph.Code
		}{
			{"MalformedType", []newsgraph.RelationQuery{{Filter: filter{Types: []string{"operates in"}}, First: 5}}, newsgraph.Invalid},
			{"MalformedTypeInSecondQuery", []newsgraph.RelationQuery{{First: 5}, {Filter: filter{Types: []string{"lower_case"}}, First: 5}}, newsgraph.Invalid},
			{"MalformedCursor", []newsgraph.RelationQuery{{First: 5, After: "???"}}, newsgraph.Invalid},
			{"FirstTooLarge", []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize + 1}}, newsgraph.LimitExceeded},
			{"NegativeFirst", []newsgraph.RelationQuery{{First: -5}}, newsgraph.Invalid},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Relations(t.Context(), c.qs)
				wantCode(t, err, c.code)
			})
		}
	})
}

// relationPages reads every page of q and returns the ids in order.
func relationPages(t *testing.T, s newsgraph.Store, q newsgraph.RelationQuery, wantTotal int) []string {
	t.Helper()
	return walkPages(t, q.First, wantTotal, q.After, func(after string) (newsgraph.Page[*newsgraph.Relation], error) {
		q.After = after
		pages, err := s.Relations(t.Context(), []newsgraph.RelationQuery{q})
		if err != nil {
			return newsgraph.Page[*newsgraph.Relation]{}, err
		}
		if len(pages) != 1 {
			t.Fatalf("Relations returned %d pages for one query", len(pages))
		}
		return pages[0], nil
	}, func(r *newsgraph.Relation) string { return r.ID })
}

func testRelationTypesAndStats(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		st := mustStats(t, s)
		want := newsgraph.Stats{}
		for _, k := range newsgraph.AllKinds {
			want.ByKind = append(want.ByKind, newsgraph.KindCount{Kind: k})
		}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("Stats of an empty store = %+v, want %+v", st, want)
		}
		types, err := s.RelationTypes(t.Context())
		if err != nil {
			t.Fatalf("RelationTypes: %v", err)
		}
		if len(types) != 0 {
			t.Errorf("RelationTypes of an empty store = %v, want none", types)
		}
	})
	t.Run("Fixture", func(t *testing.T) {
		s := openFixture(t, open)
		st := mustStats(t, s)
		want := newsgraph.Stats{Entities: 18, Relations: 25, Documents: 3, ByKind: []newsgraph.KindCount{
			{Kind: newsgraph.KindPerson, Count: 3}, {Kind: newsgraph.KindOrganization, Count: 3}, {Kind: newsgraph.KindPlace, Count: 9},
			{Kind: newsgraph.KindLegalConcept, Count: 1}, {Kind: newsgraph.KindEvent, Count: 1}, {Kind: newsgraph.KindClaim, Count: 1},
		}}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("Stats = %+v, want %+v", st, want)
		}
		types, err := s.RelationTypes(t.Context())
		if err != nil {
			t.Fatalf("RelationTypes: %v", err)
		}
		wantTypes := []newsgraph.TypeCount{{Type: "LINKS_TO", Count: 8}, {Type: "OPERATES_IN", Count: 2}}
		for _, typ := range []string{"ABOUT", "COOPERATES_WITH", "CRITICISES", "DESIGNATED_AS", "DESIGNATES", "GOVERNED_BY", "HELD_IN",
			"INVOLVES", "LOCATED_IN", "MAKES_CLAIM", "MENTIONS", "REJECTS", "RETURNS_TO", "SHORTCUT_TO", "SUCCEEDED"} {
			wantTypes = append(wantTypes, newsgraph.TypeCount{Type: typ, Count: 1})
		}
		if !reflect.DeepEqual(types, wantTypes) {
			t.Errorf("RelationTypes =\n  %v\nwant\n  %v", types, wantTypes)
		}
	})
}
