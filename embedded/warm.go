package embedded

// warm prepares, in the background after Open, what the first reads would
// otherwise prepare: the search index, the traversal view, then the sorted
// lists of every relation and of each type (loaded unsorted). Open
// returns, and the store is ready, without waiting for it. Each step holds
// the read lock on its own, so a write waits for one step at most; reads
// that need a step's result before it is done wait for it or do it
// themselves. A store without relations needs no view, and a bulk import
// is likely next, which would only drop it.
func (s *Store) warm() {
	step := func(fn func(ix *index)) bool {
		s.mu.RLock()
		defer s.mu.RUnlock()
		if s.idx == nil { // closed
			return false
		}
		fn(s.idx)
		return true
	}
	empty := true
	if !step(func(ix *index) { ix.textSearch(); empty = len(ix.relations) == 0 }) || empty {
		return
	}
	if !step(func(ix *index) { ix.adjacency() }) || !step(func(ix *index) { ix.sorted(ix.relationList) }) {
		return
	}
	var types []*slotList
	step(func(ix *index) {
		for _, l := range ix.byType {
			types = append(types, l)
		}
	})
	for _, l := range types {
		if !step(func(ix *index) { ix.sorted(l) }) {
			return
		}
	}
}
