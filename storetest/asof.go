package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// The fixture's dated relations: Sheinbaum SUCCEEDED López Obrador from
// 2024-10-01 with an open end, and the cartel OPERATES_IN Mexico from
// 2000-01-01 to 2025-12-31. Every other relation has open ends on both
// sides and is valid on every day.

// testAsOf checks that AsOf keeps only relations valid on its date (see
// newsgraph.Relation.ValidOn) in Relations, Neighborhoods, ShortestPath and
// Paths.
func testAsOf(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	date := newsgraph.MustParseDate
	t.Run("Relations", func(t *testing.T) {
		for _, c := range []struct {
			name   string
			filter newsgraph.RelationFilter
			// excluded are the fixture relations the filter leaves out
			// among those it would match without AsOf.
			excluded []string
		}{
			{"BeforeBoth", newsgraph.RelationFilter{AsOf: date("1999-12-31")}, []string{relOpsMexico, relSucceeded}},
			{"FirstDayIncluded", newsgraph.RelationFilter{AsOf: date("2000-01-01")}, []string{relSucceeded}},
			{"OpenEndFrom", newsgraph.RelationFilter{AsOf: date("2024-10-01")}, nil},
			{"LastDayIncluded", newsgraph.RelationFilter{AsOf: date("2025-12-31")}, nil},
			{"AfterTheEnd", newsgraph.RelationFilter{AsOf: date("2026-01-01")}, []string{relOpsMexico}},
			{"FarFutureOpenEnd", newsgraph.RelationFilter{AsOf: date("2999-01-01")}, []string{relOpsMexico}},
			{"WithFrom", newsgraph.RelationFilter{From: OrgSinaloaCartel, AsOf: date("2026-01-01")}, []string{relOpsMexico}},
			{"WithInvolvingAndType", newsgraph.RelationFilter{Involving: PersonSheinbaum, Types: []string{"SUCCEEDED", "REJECTS"}, AsOf: date("2020-01-01")}, []string{relSucceeded}},
			{"WithDocument", newsgraph.RelationFilter{DocumentID: DocResponse, AsOf: date("2020-01-01")}, []string{relSucceeded}},
		} {
			t.Run(c.name, func(t *testing.T) {
				var want []string
				for _, r := range Fixture().Relations {
					if filterMatches(c.filter, r) && !slices.Contains(c.excluded, r.ID) {
						want = append(want, r.ID)
					}
				}
				slices.Sort(want)
				got := relationPages(t, s, newsgraph.RelationQuery{Filter: c.filter, First: 4}, len(want))
				equalStrings(t, "relations", got, want)
			})
		}
	})
	t.Run("Neighborhoods", func(t *testing.T) {
		for _, c := range []struct {
			name         string
			query        newsgraph.NeighborhoodQuery
			nodes, edges []string
		}{
			{
				name:  "OpenEndNotYetValid",
				query: newsgraph.NeighborhoodQuery{ID: PersonSheinbaum, Depth: 1, Limit: 100, AsOf: date("2020-01-01")},
				nodes: []string{PersonSheinbaum, PlaceWashington, ClaimCartels, PlaceMexico},
				edges: []string{relCooperates, relRejects, relGovernedBy},
			},
			{
				name:  "OpenEndValidForever",
				query: newsgraph.NeighborhoodQuery{ID: PersonSheinbaum, Depth: 1, Limit: 100, AsOf: date("2999-01-01")},
				nodes: []string{PersonSheinbaum, PlaceWashington, ClaimCartels, PersonLopezObrador, PlaceMexico},
				edges: []string{relCooperates, relRejects, relSucceeded, relGovernedBy},
			},
			{
				// The expired OPERATES_IN is absent: Mexico is reached at
				// level 2 through Sinaloa instead, and the expired relation
				// is not an edge although both its ends are nodes.
				name:  "ExpiredRelationIsAbsent",
				query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Limit: 100, AsOf: date("2026-01-01")},
				nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceSinaloa, OrgStateDepartment,
					PlaceWashington, PersonLopezObrador, PlaceMexico},
				edges: []string{relInvolves, relDesignated, relOpsSinaloa, relDesignates, relHeldIn, relCriticises, relLocatedIn},
			},
			{
				name:  "ValidOnItsLastDay",
				query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Types: []string{"OPERATES_IN", "LOCATED_IN"}, Limit: 100, AsOf: date("2025-12-31")},
				nodes: []string{PlaceMexico, OrgSinaloaCartel, PlaceSinaloa},
				edges: []string{relOpsMexico, relLocatedIn},
			},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{c.query})
				if err != nil {
					t.Fatalf("Neighborhoods: %v", err)
				}
				if len(got) != 1 {
					t.Fatalf("Neighborhoods returned %d subgraphs for one query", len(got))
				}
				checkSubgraph(t, got[0], c.nodes, c.edges, false)
			})
		}
	})
	t.Run("ShortestPath", func(t *testing.T) {
		for _, c := range []struct {
			name   string
			q      newsgraph.PathQuery
			length int // -1 for no path
		}{
			{"OpenEndValid", newsgraph.PathQuery{From: PersonSheinbaum, To: PersonLopezObrador, MaxDepth: 6, AsOf: date("2999-01-01")}, 1},
			// Before the succession: Sheinbaum - Washington - event - López Obrador.
			{"OpenEndNotYetValid", newsgraph.PathQuery{From: PersonSheinbaum, To: PersonLopezObrador, MaxDepth: 6, AsOf: date("2020-01-01")}, 3},
			{"NotYetValidTooDeep", newsgraph.PathQuery{From: PersonSheinbaum, To: PersonLopezObrador, MaxDepth: 2, AsOf: date("2020-01-01")}, -1},
			{"LastDay", newsgraph.PathQuery{From: OrgSinaloaCartel, To: PlaceMexico, MaxDepth: 4, Direction: newsgraph.Out, AsOf: date("2025-12-31")}, 1},
			{"Expired", newsgraph.PathQuery{From: OrgSinaloaCartel, To: PlaceMexico, MaxDepth: 4, Direction: newsgraph.Out, AsOf: date("2026-01-01")}, 2},
		} {
			t.Run(c.name, func(t *testing.T) {
				p, err := s.ShortestPath(t.Context(), c.q)
				if err != nil {
					t.Fatalf("ShortestPath: %v", err)
				}
				if c.length < 0 {
					if p != nil {
						t.Errorf("ShortestPath = %v, want none", relationIDs(p.Edges))
					}
					return
				}
				if p == nil {
					t.Fatalf("ShortestPath found no path, want one of length %d", c.length)
				}
				checkPath(t, *p, c.q)
				checkValidOn(t, p.Edges, c.q.AsOf)
				if got := p.Length(); got != c.length {
					t.Errorf("ShortestPath length = %d (%v), want %d", got, relationIDs(p.Edges), c.length)
				}
			})
		}
	})
	t.Run("Paths", func(t *testing.T) {
		q := newsgraph.PathQuery{From: OrgSinaloaCartel, To: PlaceMexico, MaxDepth: 3, Direction: newsgraph.Out, Limit: 5}
		for _, c := range []struct {
			name string
			asOf newsgraph.Date
			want []string
		}{
			{"NoDate", newsgraph.Date{}, []string{relOpsMexico, relOpsSinaloa + " " + relLocatedIn}},
			{"Valid", date("2025-06-01"), []string{relOpsMexico, relOpsSinaloa + " " + relLocatedIn}},
			{"Expired", date("2026-01-01"), []string{relOpsSinaloa + " " + relLocatedIn}},
		} {
			t.Run(c.name, func(t *testing.T) {
				q := q
				q.AsOf = c.asOf
				paths, err := s.Paths(t.Context(), q)
				if err != nil {
					t.Fatalf("Paths: %v", err)
				}
				var got []string
				for _, p := range paths {
					checkPath(t, p, q)
					checkValidOn(t, p.Edges, q.AsOf)
					got = append(got, pathKey(p))
				}
				equalStrings(t, "paths", got, c.want)
			})
		}
	})
}

// filterMatches reports whether fixture relation r matches every field of
// f except AsOf.
func filterMatches(f newsgraph.RelationFilter, r *newsgraph.Relation) bool {
	switch {
	case len(f.Types) > 0 && !slices.Contains(f.Types, r.Type),
		f.From != "" && r.From != f.From,
		f.To != "" && r.To != f.To,
		f.Involving != "" && r.From != f.Involving && r.To != f.Involving,
		f.DocumentID != "" && !hasEvidenceFrom(r, f.DocumentID):
		return false
	}
	return true
}

// checkValidOn fails for every relation not valid on d (a zero d accepts
// all).
func checkValidOn(t *testing.T, rels []*newsgraph.Relation, d newsgraph.Date) {
	t.Helper()
	for _, r := range rels {
		if !d.IsZero() && !r.ValidOn(d) {
			t.Errorf("relation %s (valid %s to %s) is not valid on %s", r.ID, r.ValidFrom, r.ValidTo, d)
		}
	}
}
