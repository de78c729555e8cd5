package embedded

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/newsgraph/newsgraph"
)

// Relations live in slots: ix.rels[slot] is the relation, ix.seqs[slot]
// the sequence number it is stored under in the file. A slot stays with
// its relation until the relation is deleted, so the lists of the index
// and the traversal view (adjacency.go) hold slot numbers: integers the
// garbage collector need not trace, and that stay valid across writes.

// slotList is a list of relation slots kept in ascending relation id order
// lazily: a write appends to it in any order, and the first read after
// sorts what was appended and merges it in, so that a bulk load pays for
// sorting once, when a list is read, rather than at every write.
//
// The writer changes a list under the index's exclusive lock. Readers
// share the list under the read lock and sort it under index.sortMu
// (see index.sorted); sorting rewrites the items but never the slice
// header, so reading a list's length needs no lock.
type slotList struct {
	slots []int32
	// slots[:sorted] are in ascending id order.
	sorted int
	// clean reports sorted == len(slots).
	clean atomic.Bool
}

// add appends slot to the list.
func (l *slotList) add(slot int32) {
	l.slots = append(l.slots, slot)
	l.clean.Store(false)
}

// len returns the number of relations in the list.
func (l *slotList) len() int {
	if l == nil {
		return 0
	}
	return len(l.slots)
}

// sorted returns the slots of l, nil included, in ascending relation id
// order, sorting them first if a write appended to them. The caller holds
// the read lock or the write lock.
func (ix *index) sorted(l *slotList) []int32 {
	if l == nil {
		return nil
	}
	if !l.clean.Load() {
		ix.sortMu.Lock()
		ix.settle(l)
		ix.sortMu.Unlock()
	}
	return l.slots
}

// settle sorts the slots appended to l since it was last sorted and merges
// them into the sorted ones. The caller holds sortMu or the write lock.
func (ix *index) settle(l *slotList) {
	if l.clean.Load() {
		return
	}
	tail := l.slots[l.sorted:]
	ix.sortSlots(tail)
	if l.sorted > 0 && len(tail) > 0 && ix.cmpSlots(l.slots[l.sorted-1], tail[0]) > 0 {
		merged := mergeSorted(slices.Clone(l.slots[:l.sorted]), tail, ix.cmpSlots)
		copy(l.slots, merged)
	}
	l.sorted = len(l.slots)
	l.clean.Store(true)
}

// removeFreed drops from l the slots whose relation is gone (nil in
// ix.rels), keeping the order of the rest. The caller holds the write lock.
func (ix *index) removeFreed(l *slotList) {
	kept, sorted := l.slots[:0], 0
	for i, s := range l.slots {
		if ix.rels[s] == nil {
			continue
		}
		if i < l.sorted {
			sorted++
		}
		kept = append(kept, s)
	}
	l.slots, l.sorted = kept, sorted
	l.clean.Store(sorted == len(kept))
}

// cmpSlots orders slots by the ids of their relations.
func (ix *index) cmpSlots(a, b int32) int { return strings.Compare(ix.rels[a].ID, ix.rels[b].ID) }

// sortSlots sorts slots by the ids of their relations. A long list is
// sorted as pairs of id and slot, which spares each comparison a load of
// the relation, in two halves on two cores.
func (ix *index) sortSlots(slots []int32) {
	if len(slots) < 64 {
		slices.SortFunc(slots, ix.cmpSlots)
		return
	}
	type keyed struct {
		id   string
		slot int32
	}
	cmp := func(a, b keyed) int { return strings.Compare(a.id, b.id) }
	pairs := make([]keyed, len(slots))
	for i, s := range slots {
		pairs[i] = keyed{ix.rels[s].ID, s}
	}
	if len(pairs) < 1<<16 {
		slices.SortFunc(pairs, cmp)
	} else {
		half := len(pairs) / 2
		done := make(chan struct{})
		go func() {
			slices.SortFunc(pairs[:half], cmp)
			close(done)
		}()
		slices.SortFunc(pairs[half:], cmp)
		<-done
		pairs = mergeSorted(slices.Clone(pairs[:half]), pairs[half:], cmp)
	}
	for i, p := range pairs {
		slots[i] = p.slot
	}
}

// relation returns the relation with the given id, or nil.
func (ix *index) relation(id string) *newsgraph.Relation {
	if s, ok := ix.relations[id]; ok {
		return ix.rels[s]
	}
	return nil
}

// newSlot returns a free slot for r, stored under seq.
func (ix *index) newSlot(r *newsgraph.Relation, seq uint64) int32 {
	if n := len(ix.free); n > 0 {
		s := ix.free[n-1]
		ix.free = ix.free[:n-1]
		ix.rels[s], ix.seqs[s] = r, seq
		return s
	}
	ix.rels = append(ix.rels, r)
	ix.seqs = append(ix.seqs, seq)
	return int32(len(ix.rels) - 1)
}

// addTo appends slot to the list of key in lists, creating it.
func addTo(lists map[string]*slotList, key string, slot int32) {
	l := lists[key]
	if l == nil {
		l = &slotList{}
		lists[key] = l
	}
	l.add(slot)
}

// slotsAfter returns the position of the first slot of sorted whose
// relation id sorts strictly after key; the empty key gives 0.
func (ix *index) slotsAfter(sorted []int32, key string) int {
	if key == "" {
		return 0
	}
	i, found := slices.BinarySearchFunc(sorted, key, func(s int32, k string) int { return strings.Compare(ix.rels[s].ID, k) })
	if found {
		i++
	}
	return i
}
