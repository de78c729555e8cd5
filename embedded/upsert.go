package embedded

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// Upsert writes a batch all or nothing: it validates the batch against
// itself and against the stored graph, merges the evidence of relations
// that exist, writes everything in one durable bbolt transaction and, only
// after the commit, updates the in-memory indexes.
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
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// Only writers change the index, and writeMu keeps other writers out,
	// so reading it here without mu is safe while readers share it too.
	ix := s.idx
	if ix == nil {
		return newsgraph.Errorf(newsgraph.Unavailable, "the embedded store is closed")
	}
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
		return err
	}
	for _, r := range b.Relations {
		if old := ix.relations[r.ID]; old != nil {
			r.Evidence = newsgraph.UnionEvidence(old.Evidence, r.Evidence)
		}
	}
	if err := ctx.Err(); err != nil {
		return contextErr(err)
	}
	if err := write(s.db, &b); err != nil {
		return &newsgraph.Error{Code: newsgraph.Unavailable, Op: "upsert", Message: "writing the batch failed", Err: fmt.Errorf("embedded: %w", err)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ix.apply(&b)
	return nil
}
