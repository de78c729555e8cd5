package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// checkPath checks that p is a simple walk from `from` to `to` that follows
// direction dir and, when set, types.
func checkPath(t *testing.T, p newsgraph.Path, q newsgraph.PathQuery) {
	t.Helper()
	if len(p.Nodes) != len(p.Edges)+1 {
		t.Fatalf("path has %d nodes and %d edges, want one more node than edges", len(p.Nodes), len(p.Edges))
	}
	nodes := entityIDs(p.Nodes)
	if nodes[0] != q.From || nodes[len(nodes)-1] != q.To {
		t.Errorf("path %v runs from %s to %s, want %s to %s", nodes, nodes[0], nodes[len(nodes)-1], q.From, q.To)
	}
	seen := map[string]bool{}
	for _, n := range nodes {
		if seen[n] {
			t.Errorf("path %v visits %s twice", nodes, n)
		}
		seen[n] = true
	}
	for i, e := range p.Edges {
		a, b := nodes[i], nodes[i+1]
		forward := e.From == a && e.To == b
		backward := e.From == b && e.To == a
		ok := forward || backward
		switch q.Direction {
		case newsgraph.Out:
			ok = forward
		case newsgraph.In:
			ok = backward
		}
		if !ok {
			t.Errorf("edge %d (%s) does not lead from %s to %s following %q", i, e.ID, a, b, q.Direction)
		}
		if len(q.Types) > 0 && !slices.Contains(q.Types, e.Type) {
			t.Errorf("edge %s has type %s, not in %v", e.ID, e.Type, q.Types)
		}
	}
}

func testShortestPath(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	links := []string{"LINKS_TO"}
	type query = newsgraph.PathQuery
	for _, c := range []struct {
		name string
		q    query
		// length is the length of the shortest path, -1 for none.
		length int
	}{
		{"Out", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out}, 1},
		{"OutTyped", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Types: links}, 2},
		{"OutTypedTooShallow", query{From: ChainA, To: ChainF, MaxDepth: 1, Direction: newsgraph.Out, Types: links}, -1},
		{"OutBack", query{From: ChainF, To: ChainA, MaxDepth: 8, Direction: newsgraph.Out}, 1},
		{"In", query{From: ChainF, To: ChainA, MaxDepth: 8, Direction: newsgraph.In}, 1},
		{"InTyped", query{From: ChainF, To: ChainA, MaxDepth: 8, Direction: newsgraph.In, Types: links}, 2},
		{"InThroughCycle", query{From: ChainA, To: ChainC, MaxDepth: 8, Direction: newsgraph.In}, 2},
		{"OutThroughCycle", query{From: ChainC, To: ChainA, MaxDepth: 8, Direction: newsgraph.Out}, 2},
		{"OutTypedNoWay", query{From: ChainC, To: ChainA, MaxDepth: 8, Direction: newsgraph.Out, Types: links}, -1},
		{"Both", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 8, Direction: newsgraph.Both}, 3},
		{"ZeroDirectionIsBoth", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 8}, 3},
		{"BothExactDepth", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 3}, 3},
		{"BothTooShallow", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 2}, -1},
		{"OutLonger", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 8, Direction: newsgraph.Out}, 4},
		{"InNone", query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 8, Direction: newsgraph.In}, -1},
		{"UnknownType", query{From: ChainA, To: ChainF, MaxDepth: 8, Types: []string{"NO_SUCH_TYPE"}}, -1},
		{"OtherComponent", query{From: OrgSinaloaCartel, To: ChainA, MaxDepth: 8}, -1},
		{"Isolated", query{From: OrgWHO, To: PlaceMexico, MaxDepth: 8}, -1},
		{"SameEnds", query{From: OrgSinaloaCartel, To: OrgSinaloaCartel, MaxDepth: 1}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.ShortestPath(t.Context(), c.q)
			if err != nil {
				t.Fatalf("ShortestPath: %v", err)
			}
			if c.length < 0 {
				if p != nil {
					t.Errorf("ShortestPath = %v, want nil", relationIDs(p.Edges))
				}
				return
			}
			if p == nil {
				t.Fatalf("ShortestPath = nil, want a path of length %d", c.length)
			}
			if got := p.Length(); got != c.length {
				t.Errorf("ShortestPath length = %d (%v), want %d", got, relationIDs(p.Edges), c.length)
			}
			checkPath(t, *p, c.q)
		})
	}
	pathErrors(t, func(q newsgraph.PathQuery) error {
		_, err := s.ShortestPath(t.Context(), q)
		return err
	}, false)
}

// pathErrorCase is a bad path query and the error code it must give.
type pathErrorCase struct {
	name string
	q    newsgraph.PathQuery
	code newsgraph.Code
}

// pathErrors checks the errors ShortestPath (forPaths false) or Paths
// return for bad queries.
func pathErrors(t *testing.T, call func(newsgraph.PathQuery) error, forPaths bool) {
	t.Run("Errors", func(t *testing.T) {
		ok := newsgraph.PathQuery{From: ChainA, To: ChainF, MaxDepth: 3, Limit: 5}
		with := func(change func(q *newsgraph.PathQuery)) newsgraph.PathQuery {
			q := ok
			change(&q)
			return q
		}
		cases := []pathErrorCase{
			{"AbsentFrom", with(func(q *newsgraph.PathQuery) { q.From = "person:nobody" }), newsgraph.NotFound},
			{"AbsentTo", with(func(q *newsgraph.PathQuery) { q.To = "place:atlantis" }), newsgraph.NotFound},
			{"EmptyFrom", with(func(q *newsgraph.PathQuery) { q.From = "" }), newsgraph.Invalid},
			{"MaxDepthZero", with(func(q *newsgraph.PathQuery) { q.MaxDepth = 0 }), newsgraph.Invalid},
			{"MaxDepthTooLarge", with(func(q *newsgraph.PathQuery) { q.MaxDepth = newsgraph.MaxPathDepth + 1 }), newsgraph.LimitExceeded},
			{"UnknownDirection", with(func(q *newsgraph.PathQuery) { q.Direction = "SIDEWAYS" }), newsgraph.Invalid},
			{"MalformedType", with(func(q *newsgraph.PathQuery) { q.Types = []string{"links to"} }), newsgraph.Invalid},
		}
		if forPaths {
			cases = append(cases,
				pathErrorCase{"LimitZero", with(func(q *newsgraph.PathQuery) { q.Limit = 0 }), newsgraph.Invalid},
				pathErrorCase{"LimitTooLarge", with(func(q *newsgraph.PathQuery) { q.Limit = newsgraph.MaxPathCount + 1 }), newsgraph.LimitExceeded},
			)
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				wantCode(t, call(c.q), c.code)
			})
		}
	})
}

// pathKey identifies a path by its relation ids.
func pathKey(p newsgraph.Path) string { return strings.Join(relationIDs(p.Edges), " ") }

// pathKeys returns the keys of paths, in order.
func pathKeys(paths []newsgraph.Path) []string {
	keys := make([]string, len(paths))
	for i, p := range paths {
		keys[i] = pathKey(p)
	}
	return keys
}

func testPaths(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	links := []string{"LINKS_TO"}
	type query = newsgraph.PathQuery
	for _, c := range []struct {
		name    string
		q       query
		lengths []int
	}{
		{"Out", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Limit: 50}, []int{1, 2, 3, 3, 3}},
		{"OutTyped", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Types: links, Limit: 50}, []int{2, 3, 3, 3}},
		{"OutLimit", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Limit: 3}, []int{1, 2, 3}},
		{"OutLimitOne", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Limit: 1}, []int{1}},
		{"OutMaxDepth", query{From: ChainA, To: ChainF, MaxDepth: 2, Direction: newsgraph.Out, Limit: 50}, []int{1, 2}},
		{"OutBack", query{From: ChainF, To: ChainA, MaxDepth: 8, Direction: newsgraph.Out, Limit: 50}, []int{1}},
		{"In", query{From: ChainF, To: ChainA, MaxDepth: 8, Direction: newsgraph.In, Limit: 50}, []int{1, 2, 3, 3, 3}},
		{"Both", query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Both, Limit: 50}, []int{1, 1, 2, 3, 3, 3, 4, 5}},
		{"BothMaxDepth", query{From: ChainA, To: ChainF, MaxDepth: 4, Limit: 50}, []int{1, 1, 2, 3, 3, 3, 4}},
		{"BothLimit", query{From: ChainA, To: ChainF, MaxDepth: 8, Limit: 4}, []int{1, 1, 2, 3}},
		{"TooShallow", query{From: ChainA, To: ChainF, MaxDepth: 1, Types: links, Limit: 5}, nil},
		{"OtherComponent", query{From: OrgSinaloaCartel, To: ChainA, MaxDepth: 8, Limit: 5}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			paths, err := s.Paths(t.Context(), c.q)
			if err != nil {
				t.Fatalf("Paths: %v", err)
			}
			var lengths []int
			seen := map[string]bool{}
			for _, p := range paths {
				checkPath(t, p, c.q)
				lengths = append(lengths, p.Length())
				if seen[pathKey(p)] {
					t.Errorf("path %s is returned twice", pathKey(p))
				}
				seen[pathKey(p)] = true
			}
			if !slices.Equal(lengths, c.lengths) {
				t.Errorf("path lengths = %v, want %v", lengths, c.lengths)
			}
			if !slices.IsSortedFunc(paths, newsgraph.ComparePaths) {
				t.Errorf("paths are not in ComparePaths order: %v", pathKeys(paths))
			}
		})
	}
	t.Run("ExactPaths", func(t *testing.T) {
		paths, err := s.Paths(t.Context(), query{From: ChainA, To: ChainF, MaxDepth: 8, Direction: newsgraph.Out, Limit: 50})
		if err != nil {
			t.Fatalf("Paths: %v", err)
		}
		// In ComparePaths order: by length, then by relation ids.
		want := []string{
			rid(ChainA, "SHORTCUT_TO", ChainF),
			rid(ChainA, "LINKS_TO", ChainD) + " " + rid(ChainD, "LINKS_TO", ChainF),
			rid(ChainA, "LINKS_TO", ChainB) + " " + rid(ChainB, "LINKS_TO", ChainC) + " " + rid(ChainC, "LINKS_TO", ChainF),
			rid(ChainA, "LINKS_TO", ChainB) + " " + rid(ChainB, "LINKS_TO", ChainD) + " " + rid(ChainD, "LINKS_TO", ChainF),
			rid(ChainA, "LINKS_TO", ChainE) + " " + rid(ChainE, "LINKS_TO", ChainC) + " " + rid(ChainC, "LINKS_TO", ChainF),
		}
		equalStrings(t, "paths", pathKeys(paths), want)
	})
	t.Run("StoryGraph", func(t *testing.T) {
		q := query{From: PersonTrump, To: PersonLopezObrador, MaxDepth: 8, Limit: 50}
		paths, err := s.Paths(t.Context(), q)
		if err != nil {
			t.Fatalf("Paths: %v", err)
		}
		if len(paths) == 0 || paths[0].Length() != 3 {
			t.Fatalf("Paths found %d paths, want the shortest of length 3 first", len(paths))
		}
		seen := map[string]bool{}
		for i, p := range paths {
			checkPath(t, p, q)
			if i > 0 && p.Length() < paths[i-1].Length() {
				t.Errorf("path %d is shorter than path %d: not shortest first", i, i-1)
			}
			if seen[pathKey(p)] {
				t.Errorf("path %s is returned twice", pathKey(p))
			}
			seen[pathKey(p)] = true
		}
	})
	pathErrors(t, func(q newsgraph.PathQuery) error {
		_, err := s.Paths(t.Context(), q)
		return err
	}, true)
}
