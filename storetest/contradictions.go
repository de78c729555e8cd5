package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testContradictions checks Subgraph.Contradictions, which a sketch fills
// so that the status of its edges needs no other read: for every node that
// is a CLAIM, the CONTRADICTS relations ending at it in the whole graph,
// whatever the walk's filters; 0 for other nodes, even at the end of a
// CONTRADICTS relation.
func testContradictions(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	contradicts := func(from, to, quote string) *newsgraph.Relation {
		return &newsgraph.Relation{ID: newsgraph.RelationID(from, newsgraph.ContradictsType, to), From: from, Type: newsgraph.ContradictsType, To: to,
			Evidence: []newsgraph.Evidence{{Quote: quote, DocumentID: DocResponse}}}
	}
	mustUpsert(t, s, newsgraph.Batch{Relations: []*newsgraph.Relation{
		contradicts(PersonSheinbaum, ClaimCartels, "Sheinbaum said Mexico would cooperate with Washington without subordination"),
		contradicts(PersonLopezObrador, ClaimCartels, "López Obrador had criticised the designation plan"),
		contradicts(PersonSheinbaum, PersonTrump, "Claudia Sheinbaum succeeded Andrés Manuel López Obrador as president"), // ends at a person
	}})
	for _, c := range []struct {
		name string
		q    newsgraph.NeighborhoodQuery
	}{
		{"around the claim", newsgraph.NeighborhoodQuery{ID: ClaimCartels, Depth: 1, Limit: 50}},
		{"around the claim, following ABOUT only", newsgraph.NeighborhoodQuery{ID: ClaimCartels, Depth: 1, Limit: 50, Types: []string{"ABOUT"}}},
		{"reaching the claim two hops out", newsgraph.NeighborhoodQuery{ID: PlaceWashington, Depth: 2, Limit: 50}},
		{"as of a day, induced", newsgraph.NeighborhoodQuery{ID: PersonTrump, Depth: 2, Limit: 50, AsOf: newsgraph.MustParseDate("2020-01-01"), Induced: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.q.Sketch = true
			got, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{c.q})
			if err != nil {
				t.Fatalf("Neighborhoods: %v", err)
			}
			g := got[0]
			if len(g.Contradictions) != len(g.Nodes) {
				t.Fatalf("len(Contradictions) = %d, want one per node, %d", len(g.Contradictions), len(g.Nodes))
			}
			i := slices.IndexFunc(g.Nodes, func(e *newsgraph.Entity) bool { return e.ID == ClaimCartels })
			if i < 0 {
				t.Fatalf("the walk does not reach %s: pick one that does", ClaimCartels)
			}
			want := make([]int, len(g.Nodes))
			want[i] = 2
			if !slices.Equal(g.Contradictions, want) {
				t.Errorf("Contradictions = %v, want %v (2 at %s, nodes %v)", g.Contradictions, want, ClaimCartels, entityIDs(g.Nodes))
			}
			pages, err := s.Relations(t.Context(), []newsgraph.RelationQuery{newsgraph.ContradictionQuery(ClaimCartels)})
			if err != nil {
				t.Fatalf("Relations: %v", err)
			}
			if pages[0].TotalCount != g.Contradictions[i] {
				t.Errorf("the claim's contradictions: %d in the sketch, %d by Relations", g.Contradictions[i], pages[0].TotalCount)
			}
		})
	}
	t.Run("not a sketch", func(t *testing.T) {
		got, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{{ID: ClaimCartels, Depth: 1, Limit: 50}})
		if err != nil {
			t.Fatalf("Neighborhoods: %v", err)
		}
		if got[0].Contradictions != nil {
			t.Errorf("a query without Sketch has Contradictions %v", got[0].Contradictions)
		}
	})
}
