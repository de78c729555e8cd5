package storebench_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/storebench"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// BenchmarkBaseline runs the adjacency-array baseline's traversals alone.
func BenchmarkBaseline(b *testing.B) {
	storebench.RunBaseline(b)
}

// smallGraph is a graph small enough for a unit test.
func smallGraph(t *testing.T) (gen.Config, *newsgraph.Batch) {
	t.Helper()
	cfg := gen.Config{Entities: 300, Relations: 1500, Seed: 7}
	g, err := gen.Graph(cfg)
	if err != nil {
		t.Fatalf("gen.Graph: %v", err)
	}
	return cfg, g
}

// openImported imports g with storebench.Import into a fresh store under
// test (see package teststore).
func openImported(t *testing.T, g *newsgraph.Batch) newsgraph.Store {
	t.Helper()
	s := teststore.Open(t)
	if err := storebench.Import(t.Context(), s, g); err != nil {
		t.Fatalf("Import: %v", err)
	}
	return s
}

func TestImportWritesTheWholeGraph(t *testing.T) {
	_, g := smallGraph(t)
	s := openImported(t, g)
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if got, want := st.Relations, len(g.Relations); got != want {
		t.Errorf("relations = %d, want %d", got, want)
	}
	if got, want := st.Entities, len(g.Entities); got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
	if got, want := st.Documents, len(g.Documents); got != want {
		t.Errorf("documents = %d, want %d", got, want)
	}
}

// TestBaselineAgreesWithTheStore checks that the baseline answers the
// queries the benchmarks time exactly as a store does, so that the ratios
// compare the same work.
func TestBaselineAgreesWithTheStore(t *testing.T) {
	cfg, g := smallGraph(t)
	s := openImported(t, g)
	base := storebench.NewBaseline(g)
	roots := append(gen.Hubs(cfg, 3), g.Entities[0].ID, g.Entities[len(g.Entities)/2].ID)
	for _, root := range roots {
		for _, depth := range []int{1, 2, 3} {
			for _, limit := range []int{5, 50, 500} {
				q := newsgraph.NeighborhoodQuery{ID: root, Depth: depth, Direction: newsgraph.Both, Limit: limit}
				subs, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{q})
				if err != nil {
					t.Fatalf("Neighborhoods(%+v): %v", q, err)
				}
				nodes, edges, truncated := base.Neighborhood(base.Node(root), depth, limit)
				if got, want := len(nodes), len(subs[0].Nodes); got != want {
					t.Fatalf("%+v: baseline has %d nodes, store %d", q, got, want)
				}
				for i, n := range nodes {
					if got, want := base.ID(n), subs[0].Nodes[i].ID; got != want {
						t.Fatalf("%+v: baseline node %d is %s, store's %s", q, i, got, want)
					}
				}
				if got, want := len(edges), len(subs[0].Edges); got != want {
					t.Errorf("%+v: baseline has %d edges, store %d", q, got, want)
				}
				if got, want := truncated, subs[0].Truncated; got != want {
					t.Errorf("%+v: baseline truncated %v, store %v", q, got, want)
				}
			}
		}
	}
	for _, p := range gen.RandomPairs(cfg, 20, 1) {
		q := newsgraph.PathQuery{From: p[0], To: p[1], MaxDepth: newsgraph.DefaultPathDepth, Direction: newsgraph.Both}
		path, err := s.ShortestPath(t.Context(), q)
		if err != nil {
			t.Fatalf("ShortestPath(%+v): %v", q, err)
		}
		want := -1
		if path != nil {
			want = len(path.Nodes)
		}
		got := -1
		if nodes := base.ShortestPath(base.Node(p[0]), base.Node(p[1]), q.MaxDepth); nodes != nil {
			got = len(nodes)
		}
		if got != want {
			t.Errorf("%s -> %s: baseline path of %d nodes, store's %d", p[0], p[1], got, want)
		}
	}
}
