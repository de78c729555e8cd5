package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// expectedHits ranks the fixture's entities for q exactly as the contract
// says a store must: every entity with a positive newsgraph.SearchScore, of
// q.Kinds when set, ordered by newsgraph.RankHits, at most q.Limit.
func expectedHits(q newsgraph.SearchQuery) []newsgraph.SearchHit {
	var hits []newsgraph.SearchHit
	for _, e := range Fixture().Entities {
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, e.Kind) {
			continue
		}
		if score := newsgraph.SearchScore(q.Text, e); score > 0 {
			hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
		}
	}
	newsgraph.RankHits(hits)
	if len(hits) > q.Limit {
		hits = hits[:q.Limit]
	}
	return hits
}

func testSearch(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	cases := []struct {
		name  string
		query newsgraph.SearchQuery
		// first is the id the best hit must have; "" means no hits.
		first string
		// also lists ids that must be among the hits.
		also []string
	}{
		{name: "FoldsCaseAndDiacritics", query: newsgraph.SearchQuery{Text: "lopez obrador", Limit: 10}, first: PersonLopezObrador},
		{name: "AccentedUpperCaseQuery", query: newsgraph.SearchQuery{Text: "LÓPEZ  OBRADOR!", Limit: 10}, first: PersonLopezObrador},
		{name: "FullAccentedName", query: newsgraph.SearchQuery{Text: "Andrés Manuel López Obrador", Limit: 10}, first: PersonLopezObrador},
		{name: "Alias", query: newsgraph.SearchQuery{Text: "amlo", Limit: 10}, first: PersonLopezObrador},
		{name: "AccentedAlias", query: newsgraph.SearchQuery{Text: "cartel de sinaloa", Limit: 10}, first: OrgSinaloaCartel},
		{name: "AliasInitialism", query: newsgraph.SearchQuery{Text: "FTO", Limit: 10}, first: LegalFTO, also: []string{EventDesignation}},
		{name: "DerivedInitialism", query: newsgraph.SearchQuery{Text: "who", Limit: 10}, first: OrgWHO},
		{name: "BritishQueryFindsAmerican", query: newsgraph.SearchQuery{Text: "organisation", Limit: 10}, first: LegalFTO, also: []string{OrgWHO}},
		{name: "AmericanQueryFindsBritish", query: newsgraph.SearchQuery{Text: "world health organization", Limit: 10}, first: OrgWHO},
		{name: "Prefix", query: newsgraph.SearchQuery{Text: "sheinb", Limit: 10}, first: PersonSheinbaum},
		{name: "ExactNameBeatsPrefix", query: newsgraph.SearchQuery{Text: "sinaloa", Limit: 10}, first: PlaceSinaloa, also: []string{OrgSinaloaCartel}},
		{name: "KindsFilter", query: newsgraph.SearchQuery{Text: "sinaloa", Kinds: []newsgraph.Kind{newsgraph.KindOrganization}, Limit: 10}, first: OrgSinaloaCartel},
		{name: "Limit", query: newsgraph.SearchQuery{Text: "chain", Limit: 3}, first: ChainA},
		{name: "ManyHits", query: newsgraph.SearchQuery{Text: "chain", Limit: 500}, first: ChainA, also: []string{ChainF}},
		{name: "Description", query: newsgraph.SearchQuery{Text: "north western", Limit: 10}, first: PlaceSinaloa},
		{name: "WordOrder", query: newsgraph.SearchQuery{Text: "sheinbaum claudia", Limit: 10}, first: PersonSheinbaum},
		// Typos (newsgraph.FuzzyEdits): scored below any match as typed.
		{name: "Typo", query: newsgraph.SearchQuery{Text: "sheinbum", Limit: 10}, first: PersonSheinbaum},
		{name: "TypoAndPrefix", query: newsgraph.SearchQuery{Text: "lopez obradr", Limit: 10}, first: PersonLopezObrador},
		{name: "TypoSwap", query: newsgraph.SearchQuery{Text: "mexcio", Limit: 10}, first: PlaceMexico},
		{name: "TwoTyposInALongWord", query: newsgraph.SearchQuery{Text: "washingotn", Limit: 10}, first: PlaceWashington},
		{name: "TypoInAnAccentedAlias", query: newsgraph.SearchQuery{Text: "cartel de sinalao", Limit: 10}, first: OrgSinaloaCartel},
		{name: "TypoWithKinds", query: newsgraph.SearchQuery{Text: "sinalao", Kinds: []newsgraph.Kind{newsgraph.KindPlace}, Limit: 10}, first: PlaceSinaloa},
		{name: "TypoRanksByCoverage", query: newsgraph.SearchQuery{Text: "sinalao", Limit: 10}, first: PlaceSinaloa, also: []string{OrgSinaloaCartel}},
		{name: "ShortWordsTolerateNoTypo", query: newsgraph.SearchQuery{Text: "trmp", Limit: 10}},
		{name: "TooManyTypos", query: newsgraph.SearchQuery{Text: "shxxxbaum", Limit: 10}},
		{name: "NoMatch", query: newsgraph.SearchQuery{Text: "zzzz", Limit: 10}},
		{name: "Empty", query: newsgraph.SearchQuery{Text: "", Limit: 10}},
		{name: "PunctuationOnly", query: newsgraph.SearchQuery{Text: " ?!-- … ", Limit: 10}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, err := s.Search(t.Context(), c.query)
			if err != nil {
				t.Fatalf("Search(%q): %v", c.query.Text, err)
			}
			want := expectedHits(c.query)
			equalStrings(t, "hits for "+c.query.Text, hitIDs(hits), hitIDs(want))
			for i := range min(len(hits), len(want)) {
				if got, want := hits[i].Score, want[i].Score; got != want {
					t.Errorf("hit %d (%s) score = %v, want SearchScore %v", i, hits[i].Entity.ID, got, want)
				}
			}
			switch {
			case c.first == "" && len(hits) > 0:
				t.Errorf("Search(%q) = %v, want no hits", c.query.Text, hitIDs(hits))
			case c.first != "" && (len(hits) == 0 || hits[0].Entity.ID != c.first):
				t.Errorf("Search(%q) = %v, want %s first", c.query.Text, hitIDs(hits), c.first)
			}
			for _, id := range c.also {
				if !slices.Contains(hitIDs(hits), id) {
					t.Errorf("Search(%q) = %v, want %s among the hits", c.query.Text, hitIDs(hits), id)
				}
			}
			if len(hits) > c.query.Limit {
				t.Errorf("Search returned %d hits, more than the limit %d", len(hits), c.query.Limit)
			}
			for _, h := range hits {
				if len(c.query.Kinds) > 0 && !slices.Contains(c.query.Kinds, h.Entity.Kind) {
					t.Errorf("hit %s has kind %s, not in %v", h.Entity.ID, h.Entity.Kind, c.query.Kinds)
				}
			}
		})
	}
	t.Run("HitsCarryWholeEntities", func(t *testing.T) {
		hits, err := s.Search(t.Context(), newsgraph.SearchQuery{Text: "FTO designation", Limit: 1})
		if err != nil {
			t.Fatalf("Search: %v", err)
		}
		if len(hits) != 1 || hits[0].Entity.PlaceID != PlaceWashington || hits[0].Entity.StartDate.String() != "2025-02-20" {
			t.Errorf("Search hit = %+v, want the whole event %s", hits, EventDesignation)
		}
	})
	t.Run("Validation", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			query newsgraph.SearchQuery
			code  newsgraph.Code
		}{
			{"LimitZero", newsgraph.SearchQuery{Text: "mexico", Limit: 0}, newsgraph.Invalid},
			{"LimitNegative", newsgraph.SearchQuery{Text: "mexico", Limit: -1}, newsgraph.Invalid},
			{"LimitTooLarge", newsgraph.SearchQuery{Text: "mexico", Limit: newsgraph.MaxPageSize + 1}, newsgraph.LimitExceeded},
			{"UnknownKind", newsgraph.SearchQuery{Text: "mexico", Kinds: []newsgraph.Kind{"ALIEN"}, Limit: 5}, newsgraph.Invalid},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Search(t.Context(), c.query)
				wantCode(t, err, c.code)
			})
		}
	})
}
