package embedded

import (
	"math"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// updateAdjacency brings the traversal view, when there is one, up to date
// with a change just applied to the index: goneSlots and gone are the
// slots and relations it removed, added the slots of those it added. The
// removed relations' arcs are filtered out of the lists of their ends and
// the added ones merged into them, so a write costs about the lists it
// touches. A write large for the graph, such as a bulk import, drops the
// view instead, for the next traversal to build at once. The caller holds
// the write lock.
func (ix *index) updateAdjacency(c *change, goneSlots []int32, gone []*newsgraph.Relation, added []int32) {
	a := ix.graph.built()
	if a == nil {
		return
	}
	if len(gone)+len(added) > len(ix.relations)/8+1024 || len(c.batch.Entities) > len(a.entities)/8+1024 ||
		len(a.typeNum)+len(added) > math.MaxUint16 {
		ix.graph.set(nil)
		return
	}
	a.relations = ix.rels
	a.removeArcs(goneSlots, gone)
	for _, id := range c.deleteEntities {
		if n, ok := a.node[id]; ok && ix.entities[id] == nil {
			delete(a.node, id)
			a.entities[n], a.out[n], a.in[n], a.both[n] = nil, nil, nil, nil
		}
	}
	for _, e := range c.batch.Entities {
		if _, ok := a.node[e.ID]; !ok {
			a.node[e.ID] = int32(len(a.entities))
			a.entities = append(a.entities, ix.entities[e.ID])
			a.out, a.in, a.both = append(a.out, nil), append(a.in, nil), append(a.both, nil)
		}
	}
	for len(a.relType) < len(ix.rels) {
		a.relType = append(a.relType, 0)
	}
	a.addArcs(ix, added)
}

// removeArcs removes the arcs of the relations that were in slots from the
// lists of their ends.
func (a *adjacency) removeArcs(slots []int32, rels []*newsgraph.Relation) {
	if len(slots) == 0 {
		return
	}
	removed := make(map[int32]bool, len(slots))
	ends := map[int32]bool{}
	for i, s := range slots {
		removed[s] = true
		ends[a.node[rels[i].From]], ends[a.node[rels[i].To]] = true, true
	}
	// Lists may share arrays (mergeSorted may return one of its
	// arguments), so each is copied rather than filtered in place.
	without := func(arcs []arc) []arc {
		kept := make([]arc, 0, len(arcs))
		for _, x := range arcs {
			if !removed[x.rel] {
				kept = append(kept, x)
			}
		}
		return kept
	}
	for n := range ends {
		a.out[n], a.in[n], a.both[n] = without(a.out[n]), without(a.in[n]), without(a.both[n])
	}
}

// addArcs merges the arcs of the relations in slots, new to the view, into
// the lists of their ends.
func (a *adjacency) addArcs(ix *index, slots []int32) {
	if len(slots) == 0 {
		return
	}
	out, in := map[int32][]arc{}, map[int32][]arc{}
	for _, s := range slots {
		r := ix.rels[s]
		a.relType[s] = a.typeOf(r.Type)
		from, to := a.node[r.From], a.node[r.To]
		out[from] = append(out[from], arc{rel: s, other: to})
		in[to] = append(in[to], arc{rel: s, other: from})
	}
	cmp := func(x, y arc) int { return strings.Compare(ix.rels[x.rel].ID, ix.rels[y.rel].ID) }
	for n, arcs := range out {
		slices.SortFunc(arcs, cmp)
		a.out[n] = mergeSorted(a.out[n], arcs, cmp)
	}
	for n, arcs := range in {
		slices.SortFunc(arcs, cmp)
		a.in[n] = mergeSorted(a.in[n], arcs, cmp)
	}
	nodes := map[int32]bool{}
	for n := range out {
		nodes[n] = true
	}
	for n := range in {
		nodes[n] = true
	}
	for n := range nodes {
		// A self-loop is in both of the node's groups: merged once.
		both := append(slices.Clone(out[n]), in[n]...)
		slices.SortFunc(both, cmp)
		both = slices.CompactFunc(both, func(x, y arc) bool { return x.rel == y.rel })
		a.both[n] = mergeSorted(a.both[n], both, cmp)
	}
}
