package embedded

import (
	"context"
)

// Degrees returns, for each requested entity that exists (after resolving
// ids merged away), the number of relations at either end of it, keyed by
// the requested id. It reads the lengths of the index's lists of each
// entity's relations by end and its count of self-loops, which every write
// keeps: no relation is read, and the traversal view is not needed.
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
// self-loop once. The caller holds the read lock; the lists' lengths do
// not change under it, although another reader may be sorting them.
func (ix *index) degree(id string) int {
	return ix.out[id].len() + ix.in[id].len() - int(ix.selfLoops[id])
}
