package embedded

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// step is one way of walking the graph: a direction, the relation types to
// follow (all when types is empty) and the date the relations must be valid
// on (any when zero).
type step struct {
	dir   newsgraph.Direction
	types map[string]bool
	asOf  newsgraph.Date
}

func newStep(dir newsgraph.Direction, types []string, asOf newsgraph.Date) step {
	st := step{dir: dir.OrBoth(), asOf: asOf}
	if len(types) > 0 {
		st.types = make(map[string]bool, len(types))
		for _, t := range types {
			st.types[t] = true
		}
	}
	return st
}

// reverse returns the step that walks the same relations the other way.
func (st step) reverse() step {
	switch st.dir {
	case newsgraph.Out:
		st.dir = newsgraph.In
	case newsgraph.In:
		st.dir = newsgraph.Out
	}
	return st
}

// each calls fn for every relation of node that st follows, in ascending
// relation id order, with the entity at the other end, until fn returns
// false. Under BOTH a self-loop is visited once.
func (ix *index) each(node string, st step, fn func(r *newsgraph.Relation, other string) bool) {
	var out, in []*newsgraph.Relation
	if st.dir != newsgraph.In {
		out = ix.out[node]
	}
	if st.dir != newsgraph.Out {
		in = ix.in[node]
	}
	i, j := 0, 0
	for i < len(out) || j < len(in) {
		var r *newsgraph.Relation
		var other string
		switch {
		case j == len(in) || i < len(out) && out[i].ID < in[j].ID:
			r, other = out[i], out[i].To
			i++
		case i == len(out) || in[j].ID < out[i].ID:
			r, other = in[j], in[j].From
			j++
		default: // the same relation in both lists: a self-loop
			r, other = out[i], node
			i++
			j++
		}
		if st.types != nil && !st.types[r.Type] || !st.asOf.IsZero() && !r.ValidOn(st.asOf) {
			continue
		}
		if !fn(r, other) {
			return
		}
	}
}

// Neighborhoods answers each query with the subgraph around its root,
// walked breadth first exactly as newsgraph.Traverser specifies.
func (s *Store) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]newsgraph.Subgraph, len(qs))
	err := s.read(ctx, func(ix *index) error {
		for i, q := range qs {
			g, err := ix.neighborhood(q)
			if err != nil {
				return err
			}
			out[i] = g
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (ix *index) neighborhood(q newsgraph.NeighborhoodQuery) (newsgraph.Subgraph, error) {
	var g newsgraph.Subgraph
	root := ix.entities[q.ID]
	if root == nil {
		return g, &newsgraph.Error{Code: newsgraph.NotFound, Op: "neighborhood", Message: "entity " + q.ID + " does not exist"}
	}
	st := newStep(q.Direction, q.Types, q.AsOf)
	isNode := map[string]bool{q.ID: true}
	hasEdge := map[*newsgraph.Relation]bool{}
	nodes := []*newsgraph.Entity{root}
	var edges []*newsgraph.Relation
	frontier := []string{q.ID}
	for level := 1; level <= q.Depth && len(frontier) > 0; level++ {
		var next []string
		for _, n := range frontier {
			ix.each(n, st, func(r *newsgraph.Relation, m string) bool {
				other := ix.entities[m]
				if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, other.Kind) {
					return true
				}
				switch {
				case isNode[m]:
					if !hasEdge[r] {
						hasEdge[r] = true
						edges = append(edges, r)
					}
				case len(nodes) < q.Limit:
					isNode[m] = true
					nodes = append(nodes, other)
					next = append(next, m)
					hasEdge[r] = true
					edges = append(edges, r)
				default:
					g.Truncated = true
				}
				return true
			})
		}
		frontier = next
	}
	g.Nodes = make([]*newsgraph.Entity, len(nodes))
	for i, e := range nodes {
		g.Nodes[i] = cloneEntity(e)
	}
	g.Edges = make([]*newsgraph.Relation, len(edges))
	for i, r := range edges {
		g.Edges[i] = cloneRelation(r)
	}
	return g, nil
}

// checkEnds returns NotFound when an end of q does not exist.
func (ix *index) checkEnds(op string, q newsgraph.PathQuery) error {
	for _, id := range []string{q.From, q.To} {
		if ix.entities[id] == nil {
			return &newsgraph.Error{Code: newsgraph.NotFound, Op: op, Message: "entity " + id + " does not exist"}
		}
	}
	return nil
}

// path builds a Path of copies from a walk's relations.
func (ix *index) path(from string, rels []*newsgraph.Relation, st step) newsgraph.Path {
	p := newsgraph.Path{Nodes: []*newsgraph.Entity{cloneEntity(ix.entities[from])}}
	at := from
	for _, r := range rels {
		next := r.To
		if st.dir == newsgraph.In || st.dir == newsgraph.Both && r.From != at {
			next = r.From
		}
		p.Nodes = append(p.Nodes, cloneEntity(ix.entities[next]))
		p.Edges = append(p.Edges, cloneRelation(r))
		at = next
	}
	return p
}

// ShortestPath returns a path with the fewest relations from q.From to
// q.To within q.MaxDepth, or nil when there is none.
func (s *Store) ShortestPath(ctx context.Context, q newsgraph.PathQuery) (*newsgraph.Path, error) {
	if err := q.Validate(false); err != nil {
		return nil, err
	}
	var found *newsgraph.Path
	err := s.read(ctx, func(ix *index) error {
		if err := ix.checkEnds("shortestPath", q); err != nil {
			return err
		}
		st := newStep(q.Direction, q.Types, q.AsOf)
		if rels, ok := ix.shortest(q.From, q.To, q.MaxDepth, st); ok {
			p := ix.path(q.From, rels, st)
			found = &p
		}
		return nil
	})
	return found, err
}

// shortest finds a shortest walk from `from` to `to` of at most maxDepth
// relations by breadth-first search.
func (ix *index) shortest(from, to string, maxDepth int, st step) ([]*newsgraph.Relation, bool) {
	if from == to {
		return nil, true
	}
	via := map[string]*newsgraph.Relation{from: nil}
	prev := map[string]string{}
	frontier := []string{from}
	for depth := 1; depth <= maxDepth && len(frontier) > 0; depth++ {
		var next []string
		reached := false
		for _, n := range frontier {
			ix.each(n, st, func(r *newsgraph.Relation, m string) bool {
				if _, seen := via[m]; seen {
					return true
				}
				via[m], prev[m] = r, n
				next = append(next, m)
				reached = m == to
				return !reached
			})
			if reached {
				var rels []*newsgraph.Relation
				for at := to; at != from; at = prev[at] {
					rels = append(rels, via[at])
				}
				slices.Reverse(rels)
				return rels, true
			}
		}
		frontier = next
	}
	return nil, false
}
