package export_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/export"
)

// collect walks g and returns its node and edge ids.
func collect(t *testing.T, g export.Graph) (nodes, edges map[string]bool) {
	t.Helper()
	ctx := context.Background()
	nodes, edges = map[string]bool{}, map[string]bool{}
	if err := g.Nodes(ctx, func(n *export.Node) error { nodes[n.ID] = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := g.Edges(ctx, func(e *export.Edge) error { edges[e.ID] = true; return nil }); err != nil {
		t.Fatal(err)
	}
	return nodes, edges
}

// TestWholeGraphFilters: kinds keep entities and the edges between them,
// types and asOf keep edges, and every edge's ends are nodes.
func TestWholeGraphFilters(t *testing.T) {
	ctx := context.Background()
	store := openFixture(t)
	for _, q := range []export.Query{
		{Kinds: []newsgraph.Kind{newsgraph.KindPlace}},
		{Kinds: []newsgraph.Kind{newsgraph.KindPerson, newsgraph.KindClaim}, Types: []string{"MAKES_CLAIM", "CONTRADICTS"}},
		{AsOf: newsgraph.MustParseDate("2026-01-01")},
	} {
		g, err := export.Open(ctx, store, q)
		if err != nil {
			t.Fatal(err)
		}
		nodes, edges := collect(t, g)
		pages, err := store.Relations(ctx, []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize, Filter: newsgraph.RelationFilter{Types: q.Types, AsOf: q.AsOf}}})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, r := range pages[0].Items {
			kept := nodes[r.From] && nodes[r.To]
			if kept {
				want++
			}
			if kept != edges[r.ID] {
				t.Errorf("%+v: edge %s exported %v, want %v", q, r.ID, edges[r.ID], kept)
			}
		}
		if len(edges) != want {
			t.Errorf("%+v: %d edges, want %d", q, len(edges), want)
		}
		for id := range nodes {
			if len(q.Kinds) > 0 && newsgraph.KindOfID(id) != q.Kinds[0] && (len(q.Kinds) < 2 || newsgraph.KindOfID(id) != q.Kinds[1]) {
				t.Errorf("%+v: node %s of another kind", q, id)
			}
		}
	}
	g, err := export.Open(ctx, store, export.Query{AsOf: newsgraph.MustParseDate("2026-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if _, edges := collect(t, g); edges["organization:sinaloa-cartel|OPERATES_IN|place:mexico"] {
		t.Error("asOf 2026-01-01 kept a relation valid until 2025-12-31")
	}
}
