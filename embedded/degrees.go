package embedded

import (
	"context"
)

// Degrees returns, for each requested entity that exists (after resolving
// ids merged away), the number of relations at either end of it, keyed by
// the requested id. It reads the lengths of the index's lists of each
// entity's relations by end, which every write keeps, and walks the list
// of those from it only to find self-loops, which are on both lists: no
// relation is copied, and the traversal view is not needed.
func (s *Store) Degrees(ctx context.Context, ids []string) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	err := s.read(ctx, func(ix *index) error {
		for _, requested := range ids {
			id := ix.resolve(requested)
			if ix.entities[id] == nil {
				continue
			}
			out[requested] = ix.degree(id)
		}
		return nil
	})
	return out, err
}

// degree is the number of relations at either end of entity id, a
// self-loop once. The caller holds the read lock.
func (ix *index) degree(id string) int {
	// sorted, not the lists' slots directly: another reader may be sorting
	// a list's new slots in.
	n := len(ix.sorted(ix.in[id]))
	for _, s := range ix.sorted(ix.out[id]) {
		if ix.rels[s].To != id {
			n++
		}
	}
	return n
}
