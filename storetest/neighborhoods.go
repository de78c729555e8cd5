package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// Short names of the fixture's story relations, in ascending id order, for
// the expected subgraphs below.
var (
	relAbout       = rid(ClaimCartels, "ABOUT", PlaceMexico)
	relHeldIn      = rid(EventDesignation, "HELD_IN", PlaceWashington)
	relInvolves    = rid(EventDesignation, "INVOLVES", OrgSinaloaCartel)
	relDesignated  = rid(OrgSinaloaCartel, "DESIGNATED_AS", LegalFTO)
	relOpsMexico   = rid(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico)
	relOpsSinaloa  = rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa)
	relDesignates  = rid(OrgStateDepartment, "DESIGNATES", OrgSinaloaCartel)
	relCriticises  = rid(PersonLopezObrador, "CRITICISES", EventDesignation)
	relCooperates  = rid(PersonSheinbaum, "COOPERATES_WITH", PlaceWashington)
	relRejects     = rid(PersonSheinbaum, "REJECTS", ClaimCartels)
	relSucceeded   = rid(PersonSheinbaum, "SUCCEEDED", PersonLopezObrador)
	relMakesClaim  = rid(PersonTrump, "MAKES_CLAIM", ClaimCartels)
	relGovernedBy  = rid(PlaceMexico, "GOVERNED_BY", PersonSheinbaum)
	relLocatedIn   = rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)
	relSelfLoop    = rid(PlaceWashington, "MENTIONS", PlaceWashington)
	kindsPersonAnd = []newsgraph.Kind{newsgraph.KindPerson, newsgraph.KindClaim}
)

// neighborhoodCases are walks over the fixture whose exact result follows
// from the breadth-first rules of newsgraph.Traverser.Neighborhoods.
var neighborhoodCases = []struct {
	name      string
	query     newsgraph.NeighborhoodQuery
	nodes     []string
	edges     []string
	truncated bool
	// hops, when set, are the nodes' expected Subgraph.Hops; every case
	// checks that they are consistent with the edges.
	hops []int
}{
	{
		name:  "Depth1Both",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 1, Direction: newsgraph.Both, Limit: 100},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates},
	},
	{
		name:  "ZeroDirectionIsBoth",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 1, Limit: 100},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates},
	},
	{
		// Sinaloa LOCATED_IN Mexico joins two level-2 nodes found from the
		// cartel; Sheinbaum's relations to Washington, the claim and López
		// Obrador join last-level nodes and are left out.
		name:  "Depth2Both",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Direction: newsgraph.Both, Limit: 100},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment,
			PlaceWashington, PersonLopezObrador, ClaimCartels, PersonSheinbaum},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates,
			relHeldIn, relCriticises, relAbout, relGovernedBy, relLocatedIn},
		hops: []int{0, 1, 1, 1, 1, 1, 2, 2, 2, 2},
	},
	{
		name:  "LimitTruncates",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Direction: newsgraph.Both, Limit: 8},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment,
			PlaceWashington, PersonLopezObrador},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates,
			relHeldIn, relCriticises, relLocatedIn},
		truncated: true,
		hops:      []int{0, 1, 1, 1, 1, 1, 2, 2},
	},
	{
		name:  "LimitReachedExactly",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 1, Direction: newsgraph.Both, Limit: 6},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates},
	},
	{
		name:      "LimitOne",
		query:     newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 1, Direction: newsgraph.Both, Limit: 1},
		nodes:     []string{OrgSinaloaCartel},
		truncated: true,
	},
	{
		name:  "Depth2Out",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Direction: newsgraph.Out, Limit: 100},
		nodes: []string{OrgSinaloaCartel, LegalFTO, PlaceMexico, PlaceSinaloa, PersonSheinbaum},
		edges: []string{relDesignated, relOpsMexico, relOpsSinaloa, relGovernedBy, relLocatedIn},
	},
	{
		name:  "Depth2In",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Direction: newsgraph.In, Limit: 100},
		nodes: []string{OrgSinaloaCartel, EventDesignation, OrgStateDepartment, PersonLopezObrador},
		edges: []string{relInvolves, relDesignates, relCriticises},
	},
	{
		name:  "Types",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Types: []string{"OPERATES_IN", "LOCATED_IN"}, Limit: 100},
		nodes: []string{PlaceMexico, OrgSinaloaCartel, PlaceSinaloa},
		edges: []string{relOpsMexico, relLocatedIn},
	},
	{
		// At level 2 the cartel's relation to Sinaloa joins two nodes
		// already found, so it is added as an edge.
		name:  "TypesDepth2",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 2, Types: []string{"OPERATES_IN", "LOCATED_IN"}, Limit: 100},
		nodes: []string{PlaceMexico, OrgSinaloaCartel, PlaceSinaloa},
		edges: []string{relOpsMexico, relLocatedIn, relOpsSinaloa},
	},
	{
		name:  "UnknownType",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 2, Types: []string{"NO_SUCH_TYPE"}, Limit: 100},
		nodes: []string{PlaceMexico},
	},
	{
		name:  "Kinds",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Kinds: kindsPersonAnd, Limit: 100},
		nodes: []string{PlaceMexico, ClaimCartels, PersonSheinbaum},
		edges: []string{relAbout, relGovernedBy},
	},
	{
		// Kinds applies to the other end even when it is already a node:
		// relations back to the root, a PLACE, are skipped.
		name:  "KindsDepth2",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 2, Kinds: kindsPersonAnd, Limit: 100},
		nodes: []string{PlaceMexico, ClaimCartels, PersonSheinbaum, PersonTrump, PersonLopezObrador},
		edges: []string{relAbout, relGovernedBy, relRejects, relMakesClaim, relSucceeded},
	},
	{
		// The cycle Mexico -> Sheinbaum -> claim -> Mexico: the claim's
		// relation back to the root is skipped, the root being a PLACE.
		name:  "KindsSkipRelationsToTheRoot",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 3, Direction: newsgraph.Out, Kinds: kindsPersonAnd, Limit: 100},
		nodes: []string{PlaceMexico, PersonSheinbaum, ClaimCartels, PersonLopezObrador},
		edges: []string{relGovernedBy, relRejects, relSucceeded},
		hops:  []int{0, 1, 2, 2},
	},
	{
		name:  "SelfLoop",
		query: newsgraph.NeighborhoodQuery{ID: PlaceWashington, Depth: 2, Limit: 100},
		nodes: []string{PlaceWashington, EventDesignation, PersonSheinbaum, OrgSinaloaCartel, PersonLopezObrador, ClaimCartels, PlaceMexico},
		edges: []string{relHeldIn, relCooperates, relSelfLoop, relInvolves, relCriticises, relRejects, relSucceeded, relGovernedBy},
	},
	{
		name:  "SelfLoopOut",
		query: newsgraph.NeighborhoodQuery{ID: PlaceWashington, Depth: 3, Direction: newsgraph.Out, Limit: 100},
		nodes: []string{PlaceWashington},
		edges: []string{relSelfLoop},
	},
	{
		name:  "Isolated",
		query: newsgraph.NeighborhoodQuery{ID: OrgWHO, Depth: 4, Limit: 100},
		nodes: []string{OrgWHO},
		hops:  []int{0},
	},
	{
		// The chain's cycle A -> F -> A: F is found once, both relations
		// between A and F are edges.
		name:  "Cycle",
		query: newsgraph.NeighborhoodQuery{ID: ChainF, Depth: 1, Limit: 100},
		nodes: []string{ChainF, ChainA, ChainC, ChainD},
		edges: []string{rid(ChainA, "SHORTCUT_TO", ChainF), rid(ChainC, "LINKS_TO", ChainF), rid(ChainD, "LINKS_TO", ChainF), rid(ChainF, "RETURNS_TO", ChainA)},
	},
	{
		name:  "Depth4Out",
		query: newsgraph.NeighborhoodQuery{ID: PersonTrump, Depth: 4, Direction: newsgraph.Out, Limit: 100},
		nodes: []string{PersonTrump, ClaimCartels, PlaceMexico, PersonSheinbaum, PlaceWashington, PersonLopezObrador},
		edges: []string{relMakesClaim, relAbout, relGovernedBy, relCooperates, relRejects, relSucceeded},
		hops:  []int{0, 1, 2, 3, 4, 4},
	},
	{
		// The walk's edges, then the relations among last-level nodes
		// (Sheinbaum's three and Washington's self-loop), by id.
		name:  "InducedDepth2",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Limit: 100, Induced: true},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment,
			PlaceWashington, PersonLopezObrador, ClaimCartels, PersonSheinbaum},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates,
			relHeldIn, relCriticises, relAbout, relGovernedBy, relLocatedIn,
			relCooperates, relRejects, relSucceeded, relSelfLoop},
		hops: []int{0, 1, 1, 1, 1, 1, 2, 2, 2, 2},
	},
	{
		// Depth 1 leaves out the cartel's relation to Mexico; induced
		// edges bring it.
		name:  "InducedDepth1",
		query: newsgraph.NeighborhoodQuery{ID: PlaceSinaloa, Depth: 1, Limit: 100, Induced: true},
		nodes: []string{PlaceSinaloa, OrgSinaloaCartel, PlaceMexico},
		edges: []string{relOpsSinaloa, relLocatedIn, relOpsMexico},
	},
	{
		// Induced edges keep to AsOf: the cartel's relation to Mexico
		// ended in 2025.
		name:  "InducedAsOf",
		query: newsgraph.NeighborhoodQuery{ID: PlaceSinaloa, Depth: 1, Limit: 100, Induced: true, AsOf: newsgraph.MustParseDate("2026-06-01")},
		nodes: []string{PlaceSinaloa, OrgSinaloaCartel, PlaceMexico},
		edges: []string{relOpsSinaloa, relLocatedIn},
	},
	{
		// Induced edges keep to Types.
		name:  "InducedTypes",
		query: newsgraph.NeighborhoodQuery{ID: PlaceSinaloa, Depth: 1, Limit: 100, Induced: true, Types: []string{"OPERATES_IN", "LOCATED_IN", "ABOUT"}},
		nodes: []string{PlaceSinaloa, OrgSinaloaCartel, PlaceMexico},
		edges: []string{relOpsSinaloa, relLocatedIn, relOpsMexico},
	},
	{
		name:  "InducedTypesLeaveOut",
		query: newsgraph.NeighborhoodQuery{ID: PlaceSinaloa, Depth: 1, Limit: 100, Induced: true, Types: []string{"LOCATED_IN"}},
		nodes: []string{PlaceSinaloa, PlaceMexico},
		edges: []string{relLocatedIn},
	},
	{
		// Direction and Kinds only choose the nodes: the claim's relation
		// back to the root, against the walk's direction and to a PLACE,
		// is among the nodes, so it is an edge.
		name:  "InducedIgnoresDirectionAndKinds",
		query: newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 3, Direction: newsgraph.Out, Kinds: kindsPersonAnd, Limit: 100, Induced: true},
		nodes: []string{PlaceMexico, PersonSheinbaum, ClaimCartels, PersonLopezObrador},
		edges: []string{relGovernedBy, relRejects, relSucceeded, relAbout},
		hops:  []int{0, 1, 2, 2},
	},
	{
		// A truncated walk induces edges among the nodes it kept only.
		name:  "InducedTruncated",
		query: newsgraph.NeighborhoodQuery{ID: OrgSinaloaCartel, Depth: 2, Limit: 8, Induced: true},
		nodes: []string{OrgSinaloaCartel, EventDesignation, LegalFTO, PlaceMexico, PlaceSinaloa, OrgStateDepartment,
			PlaceWashington, PersonLopezObrador},
		edges: []string{relInvolves, relDesignated, relOpsMexico, relOpsSinaloa, relDesignates,
			relHeldIn, relCriticises, relLocatedIn, relSelfLoop},
		truncated: true,
	},
}

func testNeighborhoods(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	for _, c := range neighborhoodCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{c.query})
			if err != nil {
				t.Fatalf("Neighborhoods: %v", err)
			}
			if len(got) != 1 {
				t.Fatalf("Neighborhoods returned %d subgraphs for one query", len(got))
			}
			checkSubgraph(t, got[0], c.nodes, c.edges, c.truncated)
			if c.hops != nil && !slices.Equal(got[0].Hops, c.hops) {
				t.Errorf("Hops = %v, want %v", got[0].Hops, c.hops)
			}
		})
	}
	t.Run("Sketch", func(t *testing.T) {
		// Every case again, each query asked with and without Sketch in
		// one batch, then the sketches alone in another: a store may read
		// a relation that only sketches hold in another way.
		var qs, sketches []newsgraph.NeighborhoodQuery
		for _, c := range neighborhoodCases {
			sketch := c.query
			sketch.Sketch = true
			qs = append(qs, c.query, sketch)
			sketches = append(sketches, sketch)
		}
		got, err := s.Neighborhoods(t.Context(), qs)
		if err != nil {
			t.Fatalf("Neighborhoods: %v", err)
		}
		if len(got) != len(qs) {
			t.Fatalf("Neighborhoods returned %d subgraphs for %d queries", len(got), len(qs))
		}
		corroborated := 0 // the largest corroboration of an edge of the cases
		for i, c := range neighborhoodCases {
			whole, sketch := got[2*i], got[2*i+1]
			if whole.Degrees != nil || whole.Corroboration != nil || whole.Contradictions != nil {
				t.Errorf("%s: a query without Sketch has Degrees %v, Corroboration %v and Contradictions %v", c.name, whole.Degrees, whole.Corroboration, whole.Contradictions)
			}
			if !slices.Equal(sketch.Contradictions, make([]int, len(whole.Nodes))) {
				t.Errorf("%s: sketch Contradictions = %v, want a 0 per node: the fixture contradicts nothing", c.name, sketch.Contradictions)
			}
			checkSubgraph(t, sketch, entityIDs(whole.Nodes), relationIDs(whole.Edges), whole.Truncated)
			if !slices.Equal(sketch.Hops, whole.Hops) {
				t.Errorf("%s: sketch Hops = %v, want %v", c.name, sketch.Hops, whole.Hops)
			}
			if !reflect.DeepEqual(sketch.Nodes, whole.Nodes) {
				t.Errorf("%s: the sketch's nodes differ from the whole subgraph's", c.name)
			}
			corroboration := make([]int, len(whole.Edges))
			for j, r := range whole.Edges {
				corroboration[j] = newsgraph.Corroboration(r.Evidence)
				corroborated = max(corroborated, corroboration[j])
			}
			if !slices.Equal(sketch.Corroboration, corroboration) {
				t.Errorf("%s: sketch Corroboration = %v, want the distinct documents of each edge's evidence, %v", c.name, sketch.Corroboration, corroboration)
			}
			for j, r := range sketch.Edges {
				if r.Evidence != nil {
					t.Errorf("%s: sketch edge %s has evidence %v", c.name, r.ID, r.Evidence)
				}
				bare := whole.Edges[j].Clone()
				bare.Evidence = nil
				if !reflect.DeepEqual(r, bare) {
					t.Errorf("%s: sketch edge %+v, want %+v", c.name, r, bare)
				}
			}
			degrees, err := s.Degrees(t.Context(), entityIDs(whole.Nodes))
			if err != nil {
				t.Fatalf("Degrees: %v", err)
			}
			want := make([]int, len(whole.Nodes))
			for j, n := range whole.Nodes {
				want[j] = degrees[n.ID]
			}
			if !slices.Equal(sketch.Degrees, want) {
				t.Errorf("%s: sketch Degrees = %v, want Degrees' %v", c.name, sketch.Degrees, want)
			}
		}
		if corroborated < 2 {
			t.Errorf("no edge of the cases is quoted from two documents (largest corroboration %d): the corroboration check tells nothing", corroborated)
		}
		alone, err := s.Neighborhoods(t.Context(), sketches)
		if err != nil {
			t.Fatalf("Neighborhoods of the sketches alone: %v", err)
		}
		for i, c := range neighborhoodCases {
			if !reflect.DeepEqual(alone[i], got[2*i+1]) {
				t.Errorf("%s: the sketch asked alone is %+v, asked beside the whole query %+v", c.name, alone[i], got[2*i+1])
			}
		}
	})
	t.Run("Batch", func(t *testing.T) {
		a, b := neighborhoodCases[2], neighborhoodCases[7]
		got, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{a.query, b.query})
		if err != nil {
			t.Fatalf("Neighborhoods: %v", err)
		}
		if len(got) != 2 {
			t.Fatalf("Neighborhoods returned %d subgraphs for two queries", len(got))
		}
		checkSubgraph(t, got[0], a.nodes, a.edges, a.truncated)
		checkSubgraph(t, got[1], b.nodes, b.edges, b.truncated)
	})
	t.Run("Errors", func(t *testing.T) {
		valid := newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: 10}
		for _, c := range []struct {
			name string
			q    newsgraph.NeighborhoodQuery
			code newsgraph.Code
		}{
			{"AbsentRoot", newsgraph.NeighborhoodQuery{ID: "person:nobody", Depth: 1, Limit: 10}, newsgraph.NotFound},
			{"DepthZero", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 0, Limit: 10}, newsgraph.Invalid},
			{"DepthTooLarge", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: newsgraph.MaxNeighborhoodDeep + 1, Limit: 10}, newsgraph.LimitExceeded},
			{"LimitZero", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: 0}, newsgraph.Invalid},
			{"LimitTooLarge", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: newsgraph.MaxPageSize + 1}, newsgraph.LimitExceeded},
			{"UnknownDirection", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: 10, Direction: "UP"}, newsgraph.Invalid},
			{"MalformedType", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: 10, Types: []string{"near"}}, newsgraph.Invalid},
			{"UnknownKind", newsgraph.NeighborhoodQuery{ID: PlaceMexico, Depth: 1, Limit: 10, Kinds: []newsgraph.Kind{"ALIEN"}}, newsgraph.Invalid},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{valid, c.q})
				wantCode(t, err, c.code)
			})
		}
	})
}

// checkSubgraph compares a subgraph's node and edge ids, in order, and its
// Truncated flag, and checks that every edge joins two of its nodes and
// has its evidence (unless g is a Sketch, which has Degrees) and that the
// hops are a breadth-first walk's (checkHops).
func checkSubgraph(t *testing.T, g newsgraph.Subgraph, nodes, edges []string, truncated bool) {
	t.Helper()
	equalStrings(t, "nodes", entityIDs(g.Nodes), nodes)
	equalStrings(t, "edges", relationIDs(g.Edges), edges)
	if g.Truncated != truncated {
		t.Errorf("Truncated = %v, want %v", g.Truncated, truncated)
	}
	isNode := map[string]bool{}
	for _, n := range g.Nodes {
		isNode[n.ID] = true
		if n.Name == "" || n.Kind == "" {
			t.Errorf("node %s lacks its name or kind", n.ID)
		}
	}
	for _, e := range g.Edges {
		if !isNode[e.From] || !isNode[e.To] {
			t.Errorf("edge %s does not join two nodes of the subgraph", e.ID)
		}
		if len(e.Evidence) == 0 && g.Degrees == nil {
			t.Errorf("edge %s lacks its evidence", e.ID)
		}
	}
	checkHops(t, g)
}

// checkHops checks the rules Subgraph.Hops follows from a breadth-first
// walk: one per node, 0 for the root only, never decreasing in walk order,
// and each other node reached by an edge from a node one hop nearer.
func checkHops(t *testing.T, g newsgraph.Subgraph) {
	t.Helper()
	if len(g.Hops) != len(g.Nodes) {
		t.Errorf("len(Hops) = %d, want one per node, %d", len(g.Hops), len(g.Nodes))
		return
	}
	hop := map[string]int{}
	for i, n := range g.Nodes {
		hop[n.ID] = g.Hops[i]
		switch {
		case i == 0 && g.Hops[i] != 0:
			t.Errorf("Hops[0] = %d, want 0 for the root", g.Hops[0])
		case i > 0 && g.Hops[i] < max(1, g.Hops[i-1]):
			t.Errorf("Hops[%d] = %d after %d: want at least 1 and never decreasing", i, g.Hops[i], g.Hops[i-1])
		}
	}
	reached := map[string]bool{}
	for _, e := range g.Edges {
		if hop[e.From]+1 == hop[e.To] {
			reached[e.To] = true
		}
		if hop[e.To]+1 == hop[e.From] {
			reached[e.From] = true
		}
	}
	for i, n := range g.Nodes[min(1, len(g.Nodes)):] {
		if !reached[n.ID] {
			t.Errorf("node %s at hop %d has no edge from a node at hop %d", n.ID, g.Hops[i+1], g.Hops[i+1]-1)
		}
	}
}
