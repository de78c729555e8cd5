package embedded

import (
	"context"
	"slices"
	"strings"

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
	if ix.entities[q.ID] == nil {
		return newsgraph.Subgraph{}, &newsgraph.Error{Code: newsgraph.NotFound, Op: "neighborhood", Message: "entity " + q.ID + " does not exist"}
	}
	a := ix.adjacency()
	nodes, edges, hops, truncated := a.neighborhood(q, a.filter(newStep(q.Direction, q.Types, q.AsOf)))
	g := newsgraph.Subgraph{
		Nodes:     copyEntities(a.entities, nodes),
		Hops:      hops,
		Truncated: truncated,
	}
	if !q.Sketch {
		g.Edges = copyRelations(a.relations, edges)
		return g, nil
	}
	g.Edges = copyRelationsWithoutEvidence(a.relations, edges)
	g.Corroboration = make([]int, len(edges))
	for i, e := range edges {
		g.Corroboration[i] = newsgraph.Corroboration(a.relations[e].Evidence)
	}
	// A node's list of relations in both directions holds a self-loop
	// once: its length is the degree.
	g.Degrees = make([]int, len(nodes))
	g.Contradictions = make([]int, len(nodes))
	contradicts, anyContradicts := a.typeNum[newsgraph.ContradictsType]
	for i, n := range nodes {
		g.Degrees[i] = len(a.both[n])
		if anyContradicts && a.entities[n].Kind == newsgraph.KindClaim {
			for _, arc := range a.in[n] {
				if a.relType[arc.rel] == contradicts {
					g.Contradictions[i]++
				}
			}
		}
	}
	return g, nil
}

// neighborhood walks from q.ID breadth first as newsgraph.Traverser
// specifies and returns the nodes and relation numbers of the subgraph,
// and the level each node was added at.
//
// A relation between two nodes is met twice only when the walk follows
// both directions and expands both ends; the end expanded first is the
// one added to Nodes first. So a relation to a node m that is already a
// node is new exactly when the walk is not BOTH or m comes no earlier in
// Nodes than the node being expanded, and no set of edges is needed.
func (a *adjacency) neighborhood(q newsgraph.NeighborhoodQuery, f filter) (nodes, edges []int32, hops []int, truncated bool) {
	sc := a.getScratch()
	defer a.putScratch(sc)
	epoch := sc.begin()
	pos := sc.val // node -> position in nodes, for marked nodes
	root := a.node[q.ID]
	nodes = make([]int32, 1, q.Limit)
	nodes[0] = root
	sc.mark[root], pos[root] = epoch, 0
	both := f.dir == newsgraph.Both
	start := 0
	// ends[l] is the number of nodes found up to level l: level l's nodes
	// are nodes[ends[l-1]:ends[l]].
	ends := make([]int, 1, newsgraph.MaxNeighborhoodDeep+1)
	ends[0] = 1
	for level := 1; level <= q.Depth && start < len(nodes); level++ {
		end := len(nodes)
		for p := start; p < end; p++ {
			for _, x := range a.arcs(nodes[p], f.dir) {
				if !f.follows(x.rel) {
					continue
				}
				m := x.other
				if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, a.entities[m].Kind) {
					continue
				}
				switch {
				case sc.mark[m] == epoch:
					if !both || pos[m] >= int32(p) {
						edges = append(edges, x.rel)
					}
				case len(nodes) < q.Limit:
					sc.mark[m], pos[m] = epoch, int32(len(nodes))
					nodes = append(nodes, m)
					edges = append(edges, x.rel)
				default:
					truncated = true
				}
			}
		}
		start = end
		ends = append(ends, len(nodes))
	}
	if q.Induced {
		edges = a.inducedEdges(nodes, edges, f, sc.mark, epoch)
	}
	// Each level's nodes follow the level before's: the hops are runs.
	hops = make([]int, len(nodes))
	for level := 1; level < len(ends); level++ {
		for i := ends[level-1]; i < ends[level]; i++ {
			hops[i] = level
		}
	}
	return nodes, edges, hops, truncated
}

// inducedEdges returns edges followed by every other relation among nodes
// (marked with epoch in mark) that f follows, in either direction, in
// ascending relation id order. Every such relation leaves one of the nodes,
// so reading the nodes' outgoing lists finds each once.
func (a *adjacency) inducedEdges(nodes, edges []int32, f filter, mark []uint32, epoch uint32) []int32 {
	walked := make(map[int32]bool, len(edges))
	for _, e := range edges {
		walked[e] = true
	}
	var extra []int32
	for _, n := range nodes {
		for _, x := range a.out[n] {
			if mark[x.other] == epoch && !walked[x.rel] && f.follows(x.rel) {
				extra = append(extra, x.rel)
			}
		}
	}
	slices.SortFunc(extra, func(x, y int32) int { return strings.Compare(a.relations[x].ID, a.relations[y].ID) })
	return append(edges, extra...)
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
	p := newsgraph.Path{Nodes: []*newsgraph.Entity{ix.entities[from].Clone()}}
	at := from
	for _, r := range rels {
		next := r.To
		if st.dir == newsgraph.In || st.dir == newsgraph.Both && r.From != at {
			next = r.From
		}
		p.Nodes = append(p.Nodes, ix.entities[next].Clone())
		p.Edges = append(p.Edges, r.Clone())
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
// relations and returns its relations in order.
//
// The search is breadth first from both ends at once, a whole level at a
// time, always growing the side with the smaller frontier. When a level of
// one side reaches a node the other side has seen, the walk through it is
// a shortest one: before that level no node was seen by both sides, so
// every walk is longer than the two depths together, and this one is one
// relation longer than that.
func (ix *index) shortest(from, to string, maxDepth int, st step) ([]*newsgraph.Relation, bool) {
	if from == to {
		return nil, true
	}
	a := ix.adjacency()
	sc := a.getScratch()
	defer a.putScratch(sc)
	nums, ok := a.shortest(sc, a.node[from], a.node[to], maxDepth, st)
	if !ok {
		return nil, false
	}
	rels := make([]*newsgraph.Relation, len(nums))
	for i, n := range nums {
		rels[i] = a.relations[n]
	}
	return rels, true
}

// shortest is ix.shortest on node and relation numbers, with its own
// epoch of sc, for src != dst.
func (a *adjacency) shortest(sc *walkScratch, src, dst int32, maxDepth int, st step) ([]int32, bool) {
	epoch := sc.begin()
	fwd := bfsSide{mark: sc.mark, prev: sc.prev, via: sc.val, frontier: sc.queue[:0], filter: a.filter(st)}
	bwd := bfsSide{mark: sc.mark2, prev: sc.prev2, via: sc.val2, frontier: sc.queue2[:0], filter: a.filter(st.reverse())}
	fwd.mark[src], bwd.mark[dst] = epoch, epoch
	fwd.frontier = append(fwd.frontier, src)
	bwd.frontier = append(bwd.frontier, dst)
	defer func() { sc.queue, sc.queue2 = fwd.frontier[:0], bwd.frontier[:0] }()
	for depth := 0; depth < maxDepth && len(fwd.frontier) > 0 && len(bwd.frontier) > 0; depth++ {
		side, other := &fwd, &bwd
		if len(bwd.frontier) < len(fwd.frontier) {
			side, other = &bwd, &fwd
		}
		if meet, ok := side.grow(a, epoch, other.mark); ok {
			var nums []int32
			for at := meet; at != src; at = fwd.prev[at] {
				nums = append(nums, fwd.via[at])
			}
			slices.Reverse(nums)
			for at := meet; at != dst; at = bwd.prev[at] {
				nums = append(nums, bwd.via[at])
			}
			return nums, true
		}
	}
	return nil, false
}

// bfsSide is one side of a bidirectional breadth-first search.
type bfsSide struct {
	mark      []uint32 // seen by this side when equal to the epoch
	prev, via []int32  // the node and relation each seen node was reached from
	frontier  []int32
	next      []int32
	filter    filter
}

// grow expands the whole frontier by one level and stops at the first node
// the other side has seen, which it returns.
func (s *bfsSide) grow(a *adjacency, epoch uint32, seenByOther []uint32) (int32, bool) {
	s.next = s.next[:0]
	for _, n := range s.frontier {
		for _, x := range a.arcs(n, s.filter.dir) {
			m := x.other
			if s.mark[m] == epoch || !s.filter.follows(x.rel) {
				continue
			}
			s.mark[m], s.prev[m], s.via[m] = epoch, n, x.rel
			if seenByOther[m] == epoch {
				return m, true
			}
			s.next = append(s.next, m)
		}
	}
	s.frontier, s.next = s.next, s.frontier
	return 0, false
}
