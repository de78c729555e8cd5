package embedded

import (
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph"
)

// adjacency is a read-only view of the graph for traversals: entities and
// relations numbered by their position in the index's sorted id lists, and
// each node's relations as compressed arrays of those numbers, so that a
// walk compares and marks integers instead of hashing ids. Relation numbers
// follow relation id order, so a node's list in relation id order is a
// list in ascending number order.
//
// A view is built from the index on first use and serves every read until
// a write adds or removes entities or relations: each of those gives the
// index new id lists (mergeSorted and removeSorted never update in place),
// which the view notices by identity. Writes that replace items in place
// keep their pointers, which the view holds, so they need no rebuild.
type adjacency struct {
	// relations and entityIDs are the index's lists the view was built
	// from. Holding them keeps their arrays alive, so a new list can never
	// reuse their addresses and pass for them.
	relations []*newsgraph.Relation
	entityIDs []string

	node     map[string]int32    // entity id -> node
	entities []*newsgraph.Entity // node -> entity
	relType  []uint16            // relation -> type number
	typeNum  map[string]uint16   // type -> type number

	// The relations whose From is node n are out[outAt[n]:outAt[n+1]],
	// those whose To is n are in[inAt[n]:inAt[n+1]], and both lists
	// merged, a self-loop once, are both[bothAt[n]:bothAt[n+1]], each in
	// ascending relation number order: a walk in both directions, the
	// usual one, reads one list.
	outAt, inAt, bothAt []int32
	out, in, both       []arc

	scratch sync.Pool // of *walkScratch sized for this view
}

// arc is one relation seen from one of its ends.
type arc struct {
	rel   int32 // relation number
	other int32 // node at the other end
}

// adjacencyCache holds the current view of an index. Readers share it
// under the index's read lock; the first reader to find it stale builds a
// new one while the others wait for it.
type adjacencyCache struct {
	mu      sync.Mutex
	current atomic.Pointer[adjacency]
}

// adjacency returns the traversal view of the index, building it when
// there is none or the graph changed since it was built. The caller holds
// the read lock.
func (ix *index) adjacency() *adjacency {
	c := &ix.graph
	if a := c.current.Load(); a != nil && a.fresh(ix) {
		return a
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a := c.current.Load(); a != nil && a.fresh(ix) {
		return a
	}
	a := buildAdjacency(ix)
	c.current.Store(a)
	return a
}

// fresh reports whether the view was built from the index's current lists.
func (a *adjacency) fresh(ix *index) bool {
	return sameList(a.relations, ix.relationList) && sameList(a.entityIDs, ix.entityIDs)
}

// sameList reports whether a and b are the same slice of the same array.
func sameList[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func buildAdjacency(ix *index) *adjacency {
	n := len(ix.entityIDs)
	a := &adjacency{
		relations: ix.relationList,
		entityIDs: ix.entityIDs,
		node:      make(map[string]int32, n),
		entities:  make([]*newsgraph.Entity, n),
		relType:   make([]uint16, len(ix.relationList)),
		typeNum:   make(map[string]uint16, len(ix.byType)),
		outAt:     make([]int32, n+1),
		inAt:      make([]int32, n+1),
	}
	for i, id := range ix.entityIDs {
		a.node[id] = int32(i)
		a.entities[i] = ix.entities[id]
	}
	from := make([]int32, len(ix.relationList))
	to := make([]int32, len(ix.relationList))
	for i, r := range ix.relationList {
		from[i], to[i] = a.node[r.From], a.node[r.To]
		a.outAt[from[i]+1]++
		a.inAt[to[i]+1]++
		t, ok := a.typeNum[r.Type]
		if !ok {
			t = uint16(len(a.typeNum))
			a.typeNum[r.Type] = t
		}
		a.relType[i] = t
	}
	for i := range n {
		a.outAt[i+1] += a.outAt[i]
		a.inAt[i+1] += a.inAt[i]
	}
	a.out = make([]arc, len(ix.relationList))
	a.in = make([]arc, len(ix.relationList))
	outNext := append([]int32(nil), a.outAt[:n]...)
	inNext := append([]int32(nil), a.inAt[:n]...)
	for i := range ix.relationList {
		f, t := from[i], to[i]
		a.out[outNext[f]] = arc{rel: int32(i), other: t}
		outNext[f]++
		a.in[inNext[t]] = arc{rel: int32(i), other: f}
		inNext[t]++
	}
	a.bothAt = make([]int32, n+1)
	a.both = make([]arc, 0, 2*len(ix.relationList))
	for node := range int32(n) {
		it := arcIter{out: a.out[a.outAt[node]:a.outAt[node+1]], in: a.in[a.inAt[node]:a.inAt[node+1]]}
		for x, ok := it.next(); ok; x, ok = it.next() {
			a.both = append(a.both, x)
		}
		a.bothAt[node+1] = int32(len(a.both))
	}
	a.scratch.New = func() any { return newWalkScratch(n) }
	return a
}

// filter is the compiled form of a step: which relations a walk follows.
type filter struct {
	dir   newsgraph.Direction
	types []bool // by type number; nil follows every type
	asOf  newsgraph.Date
	rels  []*newsgraph.Relation
	relTy []uint16
}

// filter compiles st for this view. A type no relation has matches
// nothing.
func (a *adjacency) filter(st step) filter {
	f := filter{dir: st.dir, asOf: st.asOf, rels: a.relations, relTy: a.relType}
	if st.types != nil {
		f.types = make([]bool, len(a.typeNum))
		for t := range st.types {
			if n, ok := a.typeNum[t]; ok {
				f.types[n] = true
			}
		}
	}
	return f
}

// follows reports whether the walk follows relation number rel.
func (f *filter) follows(rel int32) bool {
	if f.types != nil && !f.types[f.relTy[rel]] {
		return false
	}
	return f.asOf.IsZero() || f.rels[rel].ValidOn(f.asOf)
}

// arcs returns the relations a walk in direction dir leaves node n by, as
// lists for arcIter to merge.
func (a *adjacency) arcs(n int32, dir newsgraph.Direction) (out, in []arc) {
	if dir == newsgraph.Both {
		return a.both[a.bothAt[n]:a.bothAt[n+1]], nil
	}
	if dir != newsgraph.In {
		out = a.out[a.outAt[n]:a.outAt[n+1]]
	}
	if dir != newsgraph.Out {
		in = a.in[a.inAt[n]:a.inAt[n+1]]
	}
	return out, in
}

// arcIter walks two arc lists merged in ascending relation number order, a
// relation in both (a self-loop) once.
type arcIter struct {
	out, in []arc
}

// next returns the next arc, or false when both lists are done.
func (it *arcIter) next() (arc, bool) {
	switch {
	case len(it.in) == 0: // one list, or the other one is done
		if len(it.out) == 0 {
			return arc{}, false
		}
		x := it.out[0]
		it.out = it.out[1:]
		return x, true
	case len(it.out) > 0 && it.out[0].rel < it.in[0].rel:
		x := it.out[0]
		it.out = it.out[1:]
		return x, true
	case len(it.out) == 0 || it.in[0].rel < it.out[0].rel:
		x := it.in[0]
		it.in = it.in[1:]
		return x, true
	default: // the same relation in both lists: a self-loop
		x := it.out[0]
		it.out, it.in = it.out[1:], it.in[1:]
		return x, true
	}
}

// walkScratch is the per-walk state of a traversal, sized for one view and
// reused through its pool: a node is marked when its stamp equals the
// walk's epoch, so a walk starts without clearing anything.
type walkScratch struct {
	epoch         uint32
	mark, mark2   []uint32
	val, val2     []int32
	prev, prev2   []int32
	queue, queue2 []int32
}

func newWalkScratch(n int) *walkScratch {
	return &walkScratch{
		mark: make([]uint32, n), mark2: make([]uint32, n),
		val: make([]int32, n), val2: make([]int32, n),
		prev: make([]int32, n), prev2: make([]int32, n),
	}
}

// begin starts a walk and returns its epoch.
func (sc *walkScratch) begin() uint32 {
	sc.epoch++
	if sc.epoch == 0 { // wrapped: forget every old mark
		clear(sc.mark)
		clear(sc.mark2)
		sc.epoch = 1
	}
	return sc.epoch
}

func (a *adjacency) getScratch() *walkScratch   { return a.scratch.Get().(*walkScratch) }
func (a *adjacency) putScratch(sc *walkScratch) { a.scratch.Put(sc) }
