package embedded

import (
	"slices"

	"github.com/newsgraph/newsgraph"
)

// This file holds the index updates of deletes and merges: removing
// relations and entities, keeping the reverse references of events and
// claims, and the redirects and records of merges. Like apply, each update
// touches every sorted list once per write, however many items it removes.

// refer records the entities e's PlaceID and ClaimantID name.
func (ix *index) refer(e *newsgraph.Entity) {
	for _, target := range []string{e.PlaceID, e.ClaimantID} {
		if target == "" {
			continue
		}
		if ix.referrers[target] == nil {
			ix.referrers[target] = map[string]bool{}
		}
		ix.referrers[target][e.ID] = true
	}
}

// unrefer forgets what refer recorded for e.
func (ix *index) unrefer(e *newsgraph.Entity) {
	for _, target := range []string{e.PlaceID, e.ClaimantID} {
		if set := ix.referrers[target]; set != nil {
			delete(set, e.ID)
			if len(set) == 0 {
				delete(ix.referrers, target)
			}
		}
	}
}

// removeRelations deletes the relations with the given ids from the
// index, frees their slots and returns the slots and the relations.
func (ix *index) removeRelations(ids []string) ([]int32, []*newsgraph.Relation) {
	var gone []int32
	for _, id := range ids {
		if s, ok := ix.relations[id]; ok {
			delete(ix.relations, id)
			gone = append(gone, s)
		}
	}
	if len(gone) == 0 {
		return nil, nil
	}
	// The lists of the relations' ends, types and documents lose them,
	// found by their freed slots; each list is scanned once.
	type owner struct {
		lists map[string]*slotList
		key   string
	}
	touched := map[*slotList]owner{}
	touch := func(lists map[string]*slotList, key string) {
		if l := lists[key]; l != nil {
			touched[l] = owner{lists, key}
		}
	}
	for _, s := range gone {
		r := ix.rels[s]
		touch(ix.out, r.From)
		touch(ix.in, r.To)
		if r.From == r.To {
			if ix.selfLoops[r.From]--; ix.selfLoops[r.From] <= 0 {
				delete(ix.selfLoops, r.From)
			}
		}
		touch(ix.byType, r.Type)
		for _, doc := range documentsOf(r.Evidence, nil) {
			touch(ix.byDocument, doc)
		}
	}
	rels := make([]*newsgraph.Relation, len(gone))
	for i, s := range gone {
		rels[i] = ix.rels[s]
		ix.rels[s], ix.seqs[s] = nil, 0
	}
	ix.removeFreed(ix.relationList)
	for l, o := range touched {
		if ix.removeFreed(l); l.len() == 0 {
			delete(o.lists, o.key)
		}
	}
	for _, r := range rels {
		if _, ok := ix.byType[r.Type]; !ok {
			delete(ix.types, r.Type)
		}
	}
	ix.free = append(ix.free, gone...)
	return gone, rels
}

// removeEntities deletes the entities with the given ids from the index.
// Entities that name them as place or claimant must be rewritten by the
// same write.
func (ix *index) removeEntities(ids []string) {
	changes := ix.searchChanges()
	byKind := map[newsgraph.Kind][]string{}
	var all []string
	for _, id := range ids {
		e := ix.entities[id]
		if e == nil {
			continue
		}
		changes.remove(e)
		ix.unrefer(e)
		delete(ix.entities, id)
		byKind[e.Kind] = append(byKind[e.Kind], id)
		all = append(all, id)
	}
	for kind, list := range byKind {
		slices.Sort(list)
		ix.kindIDs[kind] = removeSorted(ix.kindIDs[kind], list, cmpString)
	}
	slices.Sort(all)
	ix.entityIDs = removeSorted(ix.entityIDs, all, cmpString)
	ix.applySearch(changes)
}

// applyRedirects removes the redirects of the ids in del and sets those of
// put, keeping merged in step.
func (ix *index) applyRedirects(put map[string]string, del []string) {
	leaving := map[string]map[string]bool{} // survivor -> ids no longer redirected to it
	leave := func(id string) {
		if old, ok := ix.redirects[id]; ok {
			if leaving[old] == nil {
				leaving[old] = map[string]bool{}
			}
			leaving[old][id] = true
		}
	}
	for _, id := range del {
		leave(id)
		delete(ix.redirects, id)
	}
	for id := range put {
		leave(id)
	}
	for old, ids := range leaving {
		if kept := slices.DeleteFunc(ix.merged[old], func(id string) bool { return ids[id] }); len(kept) > 0 {
			ix.merged[old] = kept
		} else {
			delete(ix.merged, old)
		}
	}
	ids := make([]string, 0, len(put))
	for id := range put {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		into := put[id]
		ix.redirects[id] = into
		ix.merged[into] = append(ix.merged[into], id)
	}
}

// resolve returns the survivor of an id merged away, or the id itself.
func (ix *index) resolve(id string) string {
	if into, ok := ix.redirects[id]; ok {
		return into
	}
	return id
}

// removeSorted returns a without the items of b; both are sorted by cmp
// and b's items are in a. Like mergeSorted it allocates a new slice in one
// pass, copying the runs of a between the items of b when b is short.
func removeSorted[T any](a, b []T, cmp func(T, T) int) []T {
	if len(b) == 0 {
		return a
	}
	out := make([]T, 0, max(0, len(a)-len(b)))
	if len(b)*16 < len(a) {
		for _, x := range b {
			n, found := slices.BinarySearchFunc(a, x, cmp)
			out = append(out, a[:n]...)
			if found {
				n++
			}
			a = a[n:]
		}
		return append(out, a...)
	}
	j := 0
	for _, x := range a {
		for j < len(b) && cmp(b[j], x) < 0 {
			j++
		}
		if j < len(b) && cmp(b[j], x) == 0 {
			j++
			continue
		}
		out = append(out, x)
	}
	return out
}

// addMerge keeps the record m of a merge just made (or loaded, in the order
// they were made) under its survivor, and moves there the records kept
// under each entity merged away, so that a survivor's history holds the
// merges into the entities it absorbed as well: after A into B and then B
// into C, C's history is both, oldest first.
func (ix *index) addMerge(m newsgraph.Merge) {
	history := ix.merges[m.Into]
	for _, id := range m.From {
		if moved, ok := ix.merges[id]; ok {
			history = append(history, moved...)
			delete(ix.merges, id)
		}
	}
	history = append(history, m)
	slices.SortStableFunc(history, func(a, b newsgraph.Merge) int { return a.At.Compare(b.At) })
	ix.merges[m.Into] = history
}
