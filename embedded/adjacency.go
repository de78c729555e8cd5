package embedded

import (
	"sync"

	"github.com/newsgraph/newsgraph"
)

// adjacency is a view of the graph for traversals: entities numbered as
// nodes, relations by their slots in the index, and each node's relations
// as arrays of those numbers in ascending relation id order, so that a
// walk compares and marks integers instead of hashing ids.
//
// A view is built from the index by the first traversal (under the read
// lock); from then on every write updates it under the write lock, along
// with the index (see index.updateAdjacency): numbers stay valid across
// writes, so a write rebuilds only the lists of the nodes it touches.
type adjacency struct {
	// relations is the index's slot table, relation slot -> relation.
	relations []*newsgraph.Relation

	node     map[string]int32    // entity id -> node
	entities []*newsgraph.Entity // node -> entity; nil once deleted
	relType  []uint16            // relation slot -> type number
	typeNum  map[string]uint16   // type -> type number

	// out[n] holds the relations whose From is node n, in[n] those whose
	// To is n, and both[n] both lists merged, a self-loop once, each in
	// ascending relation id order: a walk in both directions, the usual
	// one, reads one list.
	out, in, both [][]arc

	scratch sync.Pool // of *walkScratch
}

// arc is one relation seen from one of its ends.
type arc struct {
	rel   int32 // relation slot
	other int32 // node at the other end
}

// adjacency returns the traversal view of the index, building it when
// there is none. The caller holds the read lock.
func (ix *index) adjacency() *adjacency {
	return ix.graph.get(func() *adjacency { return buildAdjacency(ix) })
}

// buildAdjacency builds the view of ix. It holds sortMu throughout, so
// that it may sort the index's lists while no other reader does: it sorts
// the list of every relation once and deals the relations out to their
// ends in that order, so that every node's lists come out sorted without
// comparing ids again, and the index's lists of each entity's relations
// are sorted by the way.
func buildAdjacency(ix *index) *adjacency {
	n := len(ix.entityIDs)
	a := &adjacency{
		relations: ix.rels,
		node:      make(map[string]int32, n),
		entities:  make([]*newsgraph.Entity, n),
		relType:   make([]uint16, len(ix.rels)),
		typeNum:   make(map[string]uint16, len(ix.byType)),
		out:       make([][]arc, n),
		in:        make([][]arc, n),
		both:      make([][]arc, n),
	}
	a.scratch.New = func() any { return newWalkScratch(len(a.entities)) }
	ix.sortMu.Lock()
	defer ix.sortMu.Unlock()
	var wg sync.WaitGroup
	wg.Go(func() { ix.settle(ix.relationList) })
	for i, id := range ix.entityIDs {
		a.node[id] = int32(i)
		a.entities[i] = ix.entities[id]
	}
	wg.Wait()
	order := ix.relationList.slots
	// The ends of the relations in id order, looked up on two cores.
	from, to := make([]int32, len(order)), make([]int32, len(order))
	wg.Go(func() {
		for i, s := range order {
			from[i] = a.node[ix.rels[s].From]
		}
	})
	for i, s := range order {
		r := ix.rels[s]
		to[i] = a.node[r.To]
		a.relType[s] = a.typeOf(r.Type)
	}
	wg.Wait()
	// Each node's lists are cut from one array per direction, counted
	// first; writes replace lists, never change them in place.
	outAt, inAt := make([]int32, n+1), make([]int32, n+1)
	for i := range order {
		outAt[from[i]+1]++
		inAt[to[i]+1]++
	}
	for i := range n {
		outAt[i+1] += outAt[i]
		inAt[i+1] += inAt[i]
	}
	outs, ins := make([]arc, len(order)), make([]arc, len(order))
	for i := range n {
		a.out[i] = outs[outAt[i]:outAt[i]:outAt[i+1]]
		a.in[i] = ins[inAt[i]:inAt[i]:inAt[i+1]]
	}
	for i, s := range order {
		f, t := from[i], to[i]
		a.out[f] = append(a.out[f], arc{rel: s, other: t})
		a.in[t] = append(a.in[t], arc{rel: s, other: f})
	}
	// rank orders relation slots by id.
	rank := make([]int32, len(ix.rels))
	for i, s := range order {
		rank[s] = int32(i)
	}
	boths := make([]arc, 0, 2*len(order))
	for node := range n {
		start := len(boths)
		boths = mergeArcs(boths, a.out[node], a.in[node], rank)
		a.both[node] = boths[start:len(boths):len(boths)]
		ix.sortEnds(a.entities[node].ID, a.out[node], a.in[node])
	}
	return a
}

// mergeArcs appends to dst the arcs of out and in, both in ascending rank
// order, merged in that order, a relation in both (a self-loop) once.
func mergeArcs(dst, out, in []arc, rank []int32) []arc {
	for len(out) > 0 && len(in) > 0 {
		switch ro, ri := rank[out[0].rel], rank[in[0].rel]; {
		case ro < ri:
			dst, out = append(dst, out[0]), out[1:]
		case ro > ri:
			dst, in = append(dst, in[0]), in[1:]
		default: // a self-loop
			dst, out, in = append(dst, out[0]), out[1:], in[1:]
		}
	}
	dst = append(dst, out...)
	return append(dst, in...)
}

// sortEnds sorts the index's lists of the relations from and to entity id
// as out and in, the view's lists of its node, are sorted. The caller
// holds sortMu.
func (ix *index) sortEnds(id string, out, in []arc) {
	for _, end := range []struct {
		list *slotList
		arcs []arc
	}{{ix.out[id], out}, {ix.in[id], in}} {
		if end.list == nil || end.list.clean.Load() {
			continue
		}
		for i, x := range end.arcs {
			end.list.slots[i] = x.rel
		}
		end.list.sorted = len(end.list.slots)
		end.list.clean.Store(true)
	}
}

// typeOf returns the number of a relation type, numbering it if new.
func (a *adjacency) typeOf(t string) uint16 {
	num, ok := a.typeNum[t]
	if !ok {
		num = uint16(len(a.typeNum))
		a.typeNum[t] = num
	}
	return num
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

// arcs returns the relations a walk in direction dir leaves node n by, in
// ascending relation id order, a self-loop once.
func (a *adjacency) arcs(n int32, dir newsgraph.Direction) []arc {
	switch dir {
	case newsgraph.Out:
		return a.out[n]
	case newsgraph.In:
		return a.in[n]
	}
	return a.both[n]
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

// getScratch returns scratch for a walk, sized for the view's nodes as
// writes may have grown them.
func (a *adjacency) getScratch() *walkScratch {
	sc := a.scratch.Get().(*walkScratch)
	if len(sc.mark) < len(a.entities) {
		sc = newWalkScratch(len(a.entities))
	}
	return sc
}

func (a *adjacency) putScratch(sc *walkScratch) { a.scratch.Put(sc) }
