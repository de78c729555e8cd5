package embedded

import (
	"context"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// Paths returns up to q.Limit simple paths from q.From to q.To of at most
// q.MaxDepth relations, shortest first.
//
// A shortest path search gives the first length to enumerate. Paths are
// then enumerated by depth-first search one length at a time, shortest
// first. A breadth-first search backwards from q.To, grown to half the
// length, gives the nodes near the target their distance to it and every
// other node a lower bound, one more than its depth; the enumeration only
// enters a node whose distance or bound fits in the relations left. So it
// explores the first half of a path freely and the second half only
// towards the target, which costs two half-length searches instead of one
// full-length one in a graph whose neighbourhoods grow fast.
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
		found, err := ix.paths(ctx, q, st)
		if err != nil {
			return contextErr(err)
		}
		for _, rels := range found {
			paths = append(paths, ix.path(q.From, rels, st))
		}
		// The walk finds each length's paths in adjacency order.
		slices.SortFunc(paths, newsgraph.ComparePaths)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return paths, nil
}

// paths enumerates the relations of up to q.Limit shortest simple paths
// from q.From to q.To, which differ.
func (ix *index) paths(ctx context.Context, q newsgraph.PathQuery, st step) ([][]*newsgraph.Relation, error) {
	a := ix.adjacency()
	sc := a.getScratch()
	defer a.putScratch(sc)
	src, dst := a.node[q.From], a.node[q.To]
	shortest, ok := a.shortest(sc, src, dst, q.MaxDepth, st)
	if !ok {
		return nil, nil
	}
	epoch := sc.begin()
	e := &pathEnumerator{
		ctx: ctx, a: a, filter: a.filter(st), to: dst, limit: q.Limit,
		epoch: epoch, onPath: sc.mark,
		dist: distances{a: a, filter: a.filter(st.reverse()), epoch: epoch, mark: sc.mark2, dist: sc.val, frontier: []int32{dst}},
	}
	e.dist.mark[dst], e.dist.dist[dst] = epoch, 0
	e.onPath[src] = epoch
	for length := len(shortest); length <= q.MaxDepth && len(e.found) < q.Limit; length++ {
		for e.dist.depth < length/2 && e.dist.grow() {
		}
		e.walk(src, int32(length))
		if e.err != nil {
			return nil, e.err
		}
	}
	found := make([][]*newsgraph.Relation, len(e.found))
	for i, nums := range e.found {
		for _, n := range nums {
			found[i] = append(found[i], a.relations[n])
		}
	}
	return found, nil
}

// distances is a breadth-first search backwards from the target, grown
// one level at a time: dist[n] is n's distance to the target for every
// node marked with the epoch; the others are further than depth.
type distances struct {
	a        *adjacency
	filter   filter
	epoch    uint32
	mark     []uint32
	dist     []int32
	depth    int
	frontier []int32
}

// mayReach reports whether node n may be at most `left` relations from the
// target, as far as the search knows: a node it has not reached is at
// least depth+1 away.
func (d *distances) mayReach(n, left int32) bool {
	if d.mark[n] == d.epoch {
		return d.dist[n] <= left
	}
	return int32(d.depth)+1 <= left
}

// grow adds the nodes one level further and reports whether there were any.
// A search that found no more nodes has seen every node that can reach
// the target, so it marks its depth as unbounded.
func (d *distances) grow() bool {
	if len(d.frontier) == 0 {
		d.depth = math.MaxInt32 - 1
		return false
	}
	d.depth++
	var next []int32
	for _, n := range d.frontier {
		for _, x := range d.a.arcs(n, d.filter.dir) {
			if m := x.other; d.mark[m] != d.epoch && d.filter.follows(x.rel) {
				d.mark[m], d.dist[m] = d.epoch, int32(d.depth)
				next = append(next, m)
			}
		}
	}
	d.frontier = next
	return len(next) > 0
}

// pathEnumerator is the state of one depth-first path enumeration.
type pathEnumerator struct {
	ctx    context.Context
	a      *adjacency
	filter filter
	to     int32
	limit  int
	epoch  uint32
	dist   distances
	onPath []uint32 // the nodes of the current path hold the epoch
	stack  []int32
	found  [][]int32
	steps  int
	err    error
}

// walk extends the current path from node n by exactly `left` relations,
// recording every simple path that ends at the target.
func (e *pathEnumerator) walk(n, left int32) {
	if n == e.to {
		if left == 0 {
			e.found = append(e.found, slices.Clone(e.stack))
		}
		return
	}
	if left == 0 || e.done() {
		return
	}
	for _, x := range e.a.arcs(n, e.filter.dir) {
		m := x.other
		if !e.dist.mayReach(m, left-1) || e.onPath[m] == e.epoch || !e.filter.follows(x.rel) {
			continue
		}
		e.onPath[m] = e.epoch
		e.stack = append(e.stack, x.rel)
		e.walk(m, left-1)
		e.stack = e.stack[:len(e.stack)-1]
		e.onPath[m] = 0
		if e.done() {
			return
		}
	}
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
