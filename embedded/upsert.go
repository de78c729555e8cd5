package embedded

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// Upsert writes a batch all or nothing: it validates the batch against
// itself, resolves ids merged away to their survivors, checks references
// against the stored graph, merges the evidence of relations that exist,
// writes everything in one durable bbolt transaction and, only after the
// commit, updates the in-memory indexes.
func (s *Store) Upsert(ctx context.Context, in newsgraph.Batch) error {
	if err := ctx.Err(); err != nil {
		return contextErr(err)
	}
	if len(in.Documents)+len(in.Entities)+len(in.Relations) == 0 {
		return s.Ping(ctx)
	}
	b := cloneBatch(in)
	b.Normalize()
	if err := b.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "upsert", func(ix *index) (*change, error) {
		ix.resolveBatch(&b)
		entityIDs, documentIDs := b.References()
		storedEntities := make(map[string]*newsgraph.Entity, len(entityIDs))
		for _, id := range entityIDs {
			if e := ix.entities[id]; e != nil {
				storedEntities[id] = e
			}
		}
		storedDocs := make(map[string]*newsgraph.Document, len(documentIDs))
		for _, id := range documentIDs {
			if d := ix.documents[id]; d != nil {
				storedDocs[id] = d
			}
		}
		if err := b.CheckReferences(storedEntities, storedDocs); err != nil {
			return nil, err
		}
		slots := make([]int32, len(b.Relations))
		for i, r := range b.Relations {
			slot, ok := ix.relations[r.ID]
			if !ok {
				slots[i] = -1
				continue
			}
			slots[i] = slot
			r.Evidence = newsgraph.UnionEvidence(ix.rels[slot].Evidence, r.Evidence)
		}
		return &change{batch: b, slots: slots}, nil
	})
}

// write runs one write: plan, holding the writer lock, reads the index and
// returns the change to make (nil for none); write commits it in one bbolt
// transaction and only then applies it to the index. An error from plan or
// from the commit leaves the store unchanged.
func (s *Store) write(ctx context.Context, op string, plan func(ix *index) (*change, error)) error {
	if err := ctx.Err(); err != nil {
		return contextErr(err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// Only writers change the index, and writeMu keeps other writers out,
	// so plan may read it without mu while readers share it too.
	ix := s.idx
	if ix == nil {
		return newsgraph.Errorf(newsgraph.Unavailable, "the embedded store is closed")
	}
	c, err := plan(ix)
	if err != nil || c == nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return contextErr(err)
	}
	if err := commit(s.db, c, ix); err != nil {
		return &newsgraph.Error{Code: newsgraph.Unavailable, Op: op, Message: "writing to the database failed", Err: fmt.Errorf("embedded: %w", err)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ix.applyChange(c)
	return nil
}
