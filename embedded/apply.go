package embedded

import "sync"

// This file applies a committed change to memory; commit.go writes it to
// disk first.

// parallelApply is the number of entities and of relations from which
// applyChange applies them on two cores.
const parallelApply = 256

// applyChange updates the index with a committed change and takes
// ownership of its items.
func (ix *index) applyChange(c *change) {
	goneSlots, gone := ix.removeRelations(c.deleteRelations)
	ix.removeEntities(c.deleteEntities)
	ix.applyDocuments(c.batch.Documents)
	// Entities and relations update disjoint fields of the index (relations
	// take their ends from their ids, not from the entities): a large batch
	// updates them on two cores.
	var added []int32
	if len(c.batch.Entities) >= parallelApply && len(c.batch.Relations) >= parallelApply {
		var wg sync.WaitGroup
		wg.Go(func() { ix.applyEntities(c.batch.Entities) })
		added = ix.applyRelations(c.batch.Relations, c.seqs, c.slots)
		wg.Wait()
	} else {
		ix.applyEntities(c.batch.Entities)
		added = ix.applyRelations(c.batch.Relations, c.seqs, c.slots)
	}
	ix.applyRedirects(c.redirects, c.deleteRedirects)
	ix.applyMentions(c)
	if c.merge != nil {
		ix.addMerge(*c.merge)
	}
	ix.updateAdjacency(c, goneSlots, gone, added)
}

// seq returns the sequence number the relation with the given id is
// stored under.
func (ix *index) seq(id string) (uint64, bool) {
	s, ok := ix.relations[id]
	if !ok {
		return 0, false
	}
	return ix.seqs[s], true
}
