package embedded

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// Paths returns up to q.Limit simple paths from q.From to q.To of at most
// q.MaxDepth relations, shortest first.
//
// A breadth-first search backwards from q.To gives every node's distance to
// the target. Paths are then enumerated by depth-first search one length
// at a time, shortest first, and the search only enters a node whose
// distance fits in the relations left, so it never explores a branch that
// cannot reach the target in time.
func (s *Store) Paths(ctx context.Context, q newsgraph.PathQuery) ([]newsgraph.Path, error) {
	if err := q.Validate(true); err != nil {
		return nil, err
	}
	var paths []newsgraph.Path
	err := s.read(ctx, func(ix *index) error {
		if err := ix.checkEnds("paths", q); err != nil {
			return err
		}
		st := newStep(q.Direction, q.Types, q.AsOf)
		if q.From == q.To {
			paths = []newsgraph.Path{ix.path(q.From, nil, st)}
			return nil
		}
		e := &pathEnumerator{
			ctx: ctx, ix: ix, st: st, to: q.To, limit: q.Limit,
			dist:   ix.distances(q.To, q.MaxDepth, st.reverse()),
			onPath: map[string]bool{q.From: true},
		}
		start, ok := e.dist[q.From]
		if !ok {
			return nil
		}
		for length := start; length <= q.MaxDepth && len(e.found) < q.Limit; length++ {
			e.walk(q.From, length)
			if e.err != nil {
				return contextErr(e.err)
			}
		}
		for _, rels := range e.found {
			paths = append(paths, ix.path(q.From, rels, st))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return paths, nil
}

// distances returns the number of relations from `from` to every node
// within maxDepth of it, walking st.
func (ix *index) distances(from string, maxDepth int, st step) map[string]int {
	dist := map[string]int{from: 0}
	frontier := []string{from}
	for depth := 1; depth <= maxDepth && len(frontier) > 0; depth++ {
		var next []string
		for _, n := range frontier {
			ix.each(n, st, func(_ *newsgraph.Relation, m string) bool {
				if _, seen := dist[m]; !seen {
					dist[m] = depth
					next = append(next, m)
				}
				return true
			})
		}
		frontier = next
	}
	return dist
}

// pathEnumerator is the state of one depth-first path enumeration.
type pathEnumerator struct {
	ctx    context.Context
	ix     *index
	st     step
	to     string
	limit  int
	dist   map[string]int // relations from a node to the target
	onPath map[string]bool
	stack  []*newsgraph.Relation
	found  [][]*newsgraph.Relation
	steps  int
	err    error
}

// walk extends the current path from node n by exactly `left` relations,
// recording every simple path that ends at the target.
func (e *pathEnumerator) walk(n string, left int) {
	if n == e.to {
		if left == 0 {
			e.found = append(e.found, slices.Clone(e.stack))
		}
		return
	}
	if left == 0 || e.done() {
		return
	}
	e.ix.each(n, e.st, func(r *newsgraph.Relation, m string) bool {
		if d, ok := e.dist[m]; !ok || d > left-1 || e.onPath[m] {
			return true
		}
		e.onPath[m] = true
		e.stack = append(e.stack, r)
		e.walk(m, left-1)
		e.stack = e.stack[:len(e.stack)-1]
		delete(e.onPath, m)
		return !e.done()
	})
}

// done reports whether enough paths were found or the context ended; it
// checks the context every few thousand steps.
func (e *pathEnumerator) done() bool {
	if e.err != nil || len(e.found) >= e.limit {
		return true
	}
	e.steps++
	if e.steps%4096 == 0 {
		e.err = e.ctx.Err()
	}
	return e.err != nil
}
