package embedded_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// randomGraph returns a small random graph of people and places with
// three relation types, self-loops and some relations valid only in 2020.
func randomGraph(seed uint64) newsgraph.Batch {
	rng := rand.New(rand.NewPCG(seed, 9))
	doc := &newsgraph.Document{ID: "doc:random", Title: "Random", Text: "random evidence"}
	var es []*newsgraph.Entity
	for i := range 30 {
		kind := newsgraph.KindPerson
		if i%3 == 0 {
			kind = newsgraph.KindPlace
		}
		es = append(es, &newsgraph.Entity{ID: fmt.Sprintf("%s:n%02d", kind.IDPrefix(), i), Kind: kind, Name: fmt.Sprintf("Node %d", i)})
	}
	seen := map[string]bool{}
	var rels []*newsgraph.Relation
	for len(rels) < 90 {
		from, to := es[rng.IntN(len(es))], es[rng.IntN(len(es))]
		if rng.IntN(8) == 0 { // the first nodes are hubs
			from = es[rng.IntN(3)]
		}
		r := &newsgraph.Relation{From: from.ID, To: to.ID, Type: []string{"KNOWS", "FUNDS", "VISITS"}[rng.IntN(3)],
			Evidence: []newsgraph.Evidence{{Quote: "random", DocumentID: doc.ID}}}
		if rng.IntN(4) == 0 {
			r.ValidFrom, r.ValidTo = newsgraph.MustParseDate("2020-01-01"), newsgraph.MustParseDate("2020-12-31")
		}
		r.ID = newsgraph.RelationID(r.From, r.Type, r.To)
		if !seen[r.ID] {
			seen[r.ID] = true
			rels = append(rels, r)
		}
	}
	return newsgraph.Batch{Documents: []*newsgraph.Document{doc}, Entities: es, Relations: rels}
}

// specGraph answers traversals the plain way, straight from the words of
// newsgraph.Traverser, to check the store against.
type specGraph struct {
	kinds map[string]newsgraph.Kind
	rels  []*newsgraph.Relation // ascending id
}

func newSpecGraph(b newsgraph.Batch) *specGraph {
	g := &specGraph{kinds: map[string]newsgraph.Kind{}, rels: slices.Clone(b.Relations)}
	for _, e := range b.Entities {
		g.kinds[e.ID] = e.Kind
	}
	slices.SortFunc(g.rels, func(a, b *newsgraph.Relation) int { return strings.Compare(a.ID, b.ID) })
	return g
}

// steps returns the relations node n follows and the node at their other
// end, in ascending relation id order.
func (g *specGraph) steps(n string, dir newsgraph.Direction, types []string, asOf newsgraph.Date) (rels []*newsgraph.Relation, others []string) {
	for _, r := range g.rels {
		if len(types) > 0 && !slices.Contains(types, r.Type) || !asOf.IsZero() && !r.ValidOn(asOf) {
			continue
		}
		switch {
		case dir != newsgraph.In && r.From == n:
			rels, others = append(rels, r), append(others, r.To)
		case dir != newsgraph.Out && r.To == n:
			rels, others = append(rels, r), append(others, r.From)
		}
	}
	return rels, others
}

func (g *specGraph) neighborhood(q newsgraph.NeighborhoodQuery) (nodes, edges []string, hops []int, truncated bool) {
	isNode, hasEdge := map[string]bool{q.ID: true}, map[string]bool{}
	nodes, hops = []string{q.ID}, []int{0}
	frontier := []string{q.ID}
	for level := 1; level <= q.Depth; level++ {
		var next []string
		for _, n := range frontier {
			rels, others := g.steps(n, q.Direction.OrBoth(), q.Types, q.AsOf)
			for i, r := range rels {
				m := others[i]
				switch {
				case len(q.Kinds) > 0 && !slices.Contains(q.Kinds, g.kinds[m]):
				case isNode[m]:
					if !hasEdge[r.ID] {
						hasEdge[r.ID] = true
						edges = append(edges, r.ID)
					}
				case len(nodes) < q.Limit:
					isNode[m], hasEdge[r.ID] = true, true
					nodes, next, edges = append(nodes, m), append(next, m), append(edges, r.ID)
					hops = append(hops, level)
				default:
					truncated = true
				}
			}
		}
		frontier = next
	}
	if q.Induced {
		var extra []string
		for _, r := range g.rels { // in ascending id order
			if isNode[r.From] && isNode[r.To] && !hasEdge[r.ID] &&
				(len(q.Types) == 0 || slices.Contains(q.Types, r.Type)) && (q.AsOf.IsZero() || r.ValidOn(q.AsOf)) {
				extra = append(extra, r.ID)
			}
		}
		edges = append(edges, extra...)
	}
	return nodes, edges, hops, truncated
}

// distance returns the length of a shortest walk, or -1.
func (g *specGraph) distance(q newsgraph.PathQuery) int {
	dist := map[string]int{q.From: 0}
	frontier := []string{q.From}
	for depth := 0; len(frontier) > 0; depth++ {
		if _, ok := dist[q.To]; ok {
			return dist[q.To]
		}
		if depth == q.MaxDepth {
			break
		}
		var next []string
		for _, n := range frontier {
			_, others := g.steps(n, q.Direction.OrBoth(), q.Types, q.AsOf)
			for _, m := range others {
				if _, ok := dist[m]; !ok {
					dist[m] = depth + 1
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return -1
}

// pathLengths returns the lengths of the q.Limit shortest simple paths.
func (g *specGraph) pathLengths(q newsgraph.PathQuery) []int {
	var lengths []int
	onPath := map[string]bool{q.From: true}
	var walk func(n string, length int)
	walk = func(n string, length int) {
		if n == q.To {
			lengths = append(lengths, length)
			return
		}
		if length == q.MaxDepth {
			return
		}
		_, others := g.steps(n, q.Direction.OrBoth(), q.Types, q.AsOf)
		for _, m := range others {
			if !onPath[m] {
				onPath[m] = true
				walk(m, length+1)
				delete(onPath, m)
			}
		}
	}
	walk(q.From, 0)
	slices.Sort(lengths)
	return lengths[:min(len(lengths), q.Limit)]
}

// TestTraversalsFollowTheSpec compares the store's traversals with the
// spec's plain reading on random graphs, for every combination of
// direction, types, kinds, date and limit, before and after deletes.
func TestTraversalsFollowTheSpec(t *testing.T) {
	asOf := newsgraph.MustParseDate("2021-06-01")
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			b := randomGraph(seed)
			s := openStore(t)
			t.Cleanup(func() { _ = s.Close() })
			if _, err := s.Upsert(t.Context(), b); err != nil {
				t.Fatalf("Upsert: %v", err)
			}
			for round := range 2 {
				if round == 1 { // deletes give the store new lists
					if _, err := s.DeleteEntity(t.Context(), b.Entities[1].ID); err != nil {
						t.Fatalf("DeleteEntity: %v", err)
					}
					b.Entities = slices.Delete(b.Entities, 1, 2)
					b.Relations = slices.DeleteFunc(b.Relations, func(r *newsgraph.Relation) bool {
						return r.From == "person:n01" || r.To == "person:n01"
					})
				}
				g := newSpecGraph(b)
				for _, dir := range []newsgraph.Direction{newsgraph.Both, newsgraph.Out, newsgraph.In} {
					for _, types := range [][]string{nil, {"KNOWS", "FUNDS"}} {
						for _, date := range []newsgraph.Date{{}, asOf} {
							for i, e := range b.Entities[:8] {
								checkNeighborhoods(t, s, g, newsgraph.NeighborhoodQuery{ID: e.ID, Depth: 1 + i%3, Direction: dir, Types: types, AsOf: date, Limit: []int{3, 12, 100}[i%3]})
								checkNeighborhoods(t, s, g, newsgraph.NeighborhoodQuery{ID: e.ID, Depth: 2, Direction: dir, Types: types, AsOf: date, Kinds: []newsgraph.Kind{newsgraph.KindPerson}, Limit: 10})
								checkNeighborhoods(t, s, g, newsgraph.NeighborhoodQuery{ID: e.ID, Depth: 1 + i%2, Direction: dir, Types: types, AsOf: date, Limit: []int{5, 100}[i%2], Induced: true})
								to := b.Entities[len(b.Entities)-1-i].ID
								checkPaths(t, s, g, newsgraph.PathQuery{From: e.ID, To: to, MaxDepth: 1 + i%4, Direction: dir, Types: types, AsOf: date, Limit: 7})
							}
						}
					}
				}
			}
		})
	}
}

func checkNeighborhoods(t *testing.T, s newsgraph.Store, g *specGraph, q newsgraph.NeighborhoodQuery) {
	t.Helper()
	subs, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{q})
	if err != nil {
		t.Fatalf("Neighborhoods(%+v): %v", q, err)
	}
	wantNodes, wantEdges, wantHops, wantTruncated := g.neighborhood(q)
	var gotNodes, gotEdges []string
	for _, e := range subs[0].Nodes {
		gotNodes = append(gotNodes, e.ID)
	}
	for _, r := range subs[0].Edges {
		gotEdges = append(gotEdges, r.ID)
	}
	if !slices.Equal(gotNodes, wantNodes) || !slices.Equal(gotEdges, wantEdges) || !slices.Equal(subs[0].Hops, wantHops) || subs[0].Truncated != wantTruncated {
		t.Errorf("Neighborhoods(%+v)\n got nodes %v edges %v hops %v truncated %v\nwant nodes %v edges %v hops %v truncated %v",
			q, gotNodes, gotEdges, subs[0].Hops, subs[0].Truncated, wantNodes, wantEdges, wantHops, wantTruncated)
	}
}

func checkPaths(t *testing.T, s newsgraph.Store, g *specGraph, q newsgraph.PathQuery) {
	t.Helper()
	path, err := s.ShortestPath(t.Context(), q)
	if err != nil {
		t.Fatalf("ShortestPath(%+v): %v", q, err)
	}
	got := -1
	if path != nil {
		got = path.Length()
		checkWalk(t, q, *path)
	}
	if want := g.distance(q); got != want {
		t.Errorf("ShortestPath(%+v) has length %d, want %d", q, got, want)
	}
	paths, err := s.Paths(t.Context(), q)
	if err != nil {
		t.Fatalf("Paths(%+v): %v", q, err)
	}
	var lengths []int
	seen := map[string]bool{}
	for _, p := range paths {
		checkWalk(t, q, p)
		lengths = append(lengths, p.Length())
		var ids []string
		for _, r := range p.Edges {
			ids = append(ids, r.ID)
		}
		key := strings.Join(ids, " ")
		if seen[key] {
			t.Errorf("Paths(%+v) returns %s twice", q, key)
		}
		seen[key] = true
	}
	if want := g.pathLengths(q); !slices.Equal(lengths, want) {
		t.Errorf("Paths(%+v) lengths %v, want %v", q, lengths, want)
	}
}

// checkWalk fails unless p is a simple walk from q.From to q.To that
// follows q's direction, types and date.
func checkWalk(t *testing.T, q newsgraph.PathQuery, p newsgraph.Path) {
	t.Helper()
	if len(p.Nodes) != len(p.Edges)+1 || p.Nodes[0].ID != q.From || p.Nodes[len(p.Nodes)-1].ID != q.To {
		t.Fatalf("path %+v does not go from %s to %s", p, q.From, q.To)
	}
	seen := map[string]bool{}
	for i, r := range p.Edges {
		a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
		forward, backward := r.From == a && r.To == b, r.From == b && r.To == a
		dir := q.Direction.OrBoth()
		if !(forward && dir != newsgraph.In || backward && dir != newsgraph.Out) ||
			len(q.Types) > 0 && !slices.Contains(q.Types, r.Type) || !q.AsOf.IsZero() && !r.ValidOn(q.AsOf) {
			t.Errorf("path %v: relation %s does not lead from %s to %s under %+v", q, r.ID, a, b, q)
		}
		if seen[a] {
			t.Errorf("path %v repeats %s", q, a)
		}
		seen[a] = true
	}
}

// TestRelationPagesAgreeBeforeAndAfterTraversals checks that relation
// pages read the same whether or not a traversal has built the store's
// traversal view, which pages filtered by an end and more use when it is
// up to date.
func TestRelationPagesAgreeBeforeAndAfterTraversals(t *testing.T) {
	b := randomGraph(11)
	s := openStore(t)
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Upsert(t.Context(), b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	var qs []newsgraph.RelationQuery
	for _, e := range b.Entities[:6] {
		for _, f := range []newsgraph.RelationFilter{
			{Involving: e.ID, Types: []string{"KNOWS", "FUNDS"}},
			{From: e.ID, Types: []string{"VISITS"}},
			{To: e.ID, AsOf: newsgraph.MustParseDate("2020-06-01")},
			{Involving: e.ID, DocumentID: "doc:random"},
			{Involving: e.ID, Types: []string{"NO_SUCH_TYPE"}},
		} {
			for _, first := range []int{0, 2, 50} {
				qs = append(qs, newsgraph.RelationQuery{Filter: f, First: first})
			}
		}
	}
	before, err := s.Relations(t.Context(), qs)
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	if _, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{{ID: b.Entities[0].ID, Depth: 1, Limit: 10}}); err != nil {
		t.Fatalf("Neighborhoods: %v", err)
	}
	// Second pages start after a cursor.
	for i, p := range before {
		if p.HasNextPage && len(p.Items) > 0 {
			next := qs[i]
			next.After = newsgraph.EncodeCursor(p.Items[len(p.Items)-1].ID)
			qs = append(qs, next)
		}
	}
	after, err := s.Relations(t.Context(), qs)
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	for i, p := range before {
		if got, want := pageIDs(after[i]), pageIDs(p); got != want {
			t.Errorf("Relations(%+v) after a traversal = %s, before = %s", qs[i], got, want)
		}
	}
	if got, want := len(after), len(before); got == want {
		t.Errorf("no query had a second page: the test checks no cursor")
	}
}

// pageIDs describes a page by its relation ids and counts.
func pageIDs(p newsgraph.Page[*newsgraph.Relation]) string {
	var ids []string
	for _, r := range p.Items {
		ids = append(ids, r.ID)
	}
	return fmt.Sprintf("%v total=%d next=%v", ids, p.TotalCount, p.HasNextPage)
}
