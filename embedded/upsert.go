package embedded

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// Upsert writes a batch all or nothing: it validates the batch against
// itself, resolves ids merged away to their survivors, checks references
// against the stored graph, merges the evidence of relations that exist,
// writes everything in one durable bbolt transaction and, only after the
// commit, updates the in-memory indexes. The report is decided while the
// writer lock is held, so no other write comes between.
func (s *Store) Upsert(ctx context.Context, in newsgraph.Batch) (newsgraph.WriteReport, error) {
	if err := ctx.Err(); err != nil {
		return newsgraph.WriteReport{}, contextErr(err)
	}
	if in.IsEmpty() {
		return newsgraph.WriteReport{}, s.Ping(ctx)
	}
	b := cloneBatch(in)
	b.Normalize()
	if err := b.Validate(); err != nil {
		return newsgraph.WriteReport{}, err
	}
	var report newsgraph.WriteReport
	err := s.write(ctx, "upsert", func(ix *index) (*change, error) {
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
		ix.planMentions(&b)
		var created, updated []*newsgraph.Entity
		for _, e := range b.Entities {
			if ix.entities[e.ID] == nil {
				created = append(created, e)
			} else {
				updated = append(updated, e)
			}
		}
		var createdRels, corroborated []*newsgraph.Relation
		slots := make([]int32, len(b.Relations))
		for i, r := range b.Relations {
			slot, ok := ix.relations[r.ID]
			if !ok {
				slots[i] = -1
				createdRels = append(createdRels, r)
				continue
			}
			slots[i] = slot
			before := len(ix.rels[slot].Evidence)
			r.Evidence = newsgraph.UnionEvidence(ix.rels[slot].Evidence, r.Evidence)
			if len(r.Evidence) > before {
				corroborated = append(corroborated, r)
			}
		}
		// The batch's items become the index's own: the report gets copies.
		for _, list := range [][]*newsgraph.Entity{created, updated} {
			slices.SortFunc(list, newsgraph.CompareEntityIDs)
		}
		for _, list := range [][]*newsgraph.Relation{createdRels, corroborated} {
			slices.SortFunc(list, newsgraph.CompareRelationIDs)
		}
		report = newsgraph.WriteReport{
			CreatedEntities: cloneEntities(created), UpdatedEntities: cloneEntities(updated),
			CreatedRelations: cloneRelations(createdRels), CorroboratedRelations: cloneRelations(corroborated),
		}
		return &change{batch: b, slots: slots}, nil
	})
	if err != nil {
		return newsgraph.WriteReport{}, err
	}
	return report, nil
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
