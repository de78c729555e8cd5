package embedded

import (
	"context"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph"
)

// MergeEntities merges the entities m.From into m.Into, all or nothing, as
// newsgraph.Writer specifies, and returns the survivor and the merge's
// record (nil when nothing was left to merge). Ids merged away
// earlier, m.Into included, resolve to their survivors first. The merge,
// its redirects and its record are one bbolt transaction.
//
// Events whose PlaceID and claims whose ClaimantID name a merged entity are
// re-pointed to the survivor.
func (s *Store) MergeEntities(ctx context.Context, m newsgraph.Merge) (newsgraph.Merged, error) {
	if err := m.Validate(); err != nil {
		return newsgraph.Merged{}, err
	}
	var out newsgraph.Merged
	err := s.write(ctx, "mergeEntities", func(ix *index) (*change, error) {
		into := ix.resolve(m.Into)
		stored := ix.entities[into]
		if stored == nil {
			return nil, notFound("mergeEntities", "entity", m.Into)
		}
		var from []string
		for _, id := range m.From {
			resolved := ix.resolve(id)
			switch {
			case resolved == into || slices.Contains(from, resolved):
				continue
			case ix.entities[resolved] == nil:
				return nil, notFound("mergeEntities", "entity", id)
			}
			from = append(from, resolved)
		}
		if len(from) == 0 {
			out.Survivor = stored.Clone()
			return nil, nil
		}
		merged := stored.Clone()
		c := ix.planMerge(merged, from)
		// The index takes merged and the record; the caller gets copies.
		out.Survivor = merged.Clone()
		record := newsgraph.Merge{Into: into, From: from, Actor: m.Actor, At: m.At.UTC()}
		if m.At.IsZero() {
			record.At = time.Now().UTC()
		}
		c.merge = &record
		copied := record
		copied.From = slices.Clone(from)
		out.Merge = &copied
		return c, nil
	})
	if err != nil {
		return newsgraph.Merged{}, err
	}
	return out, nil
}

// planMerge returns the change that merges the entities from into
// survivor, a copy of the stored survivor that it updates.
func (ix *index) planMerge(survivor *newsgraph.Entity, from []string) *change {
	into := survivor.ID
	merging := make(map[string]bool, len(from))
	for _, id := range from {
		merging[id] = true
	}
	target := func(id string) string {
		if merging[id] {
			return into
		}
		return id
	}
	c := &change{redirects: map[string]string{}}

	// The survivor gains the merged names; the merged ids, and the ids
	// merged into them before, redirect to it.
	for _, id := range from {
		e := ix.entities[id]
		survivor.AddAliases(append([]string{e.Name}, e.Aliases...)...)
		c.deleteEntities = append(c.deleteEntities, id)
		c.redirects[id] = into
		for _, earlier := range ix.merged[id] {
			c.redirects[earlier] = into
		}
	}

	// Events and claims naming a merged entity name the survivor instead.
	updated := map[string]*newsgraph.Entity{into: survivor}
	for _, id := range from {
		for _, ref := range sortedKeys(ix.referrers[id]) {
			if merging[ref] {
				continue
			}
			e := updated[ref]
			if e == nil {
				e = ix.entities[ref].Clone()
				updated[ref] = e
			}
			e.PlaceID, e.ClaimantID = target(e.PlaceID), target(e.ClaimantID)
		}
	}
	for _, id := range sortedKeys(boolSet(updated)) {
		c.batch.Entities = append(c.batch.Entities, updated[id])
	}

	// Relations at either end of a merged entity move to the survivor,
	// in ascending id order; one whose new id exists gives it its evidence.
	var moving []*newsgraph.Relation
	seen := map[*newsgraph.Relation]bool{}
	for _, id := range from {
		for _, r := range ix.involving(id) {
			if !seen[r] {
				seen[r] = true
				moving = append(moving, r)
			}
		}
	}
	ix.planMergeMentions(c, into, from)
	slices.SortFunc(moving, cmpRelation)
	moved := map[string]*newsgraph.Relation{}
	for _, r := range moving {
		c.deleteRelations = append(c.deleteRelations, r.ID)
		from, to := target(r.From), target(r.To)
		id := newsgraph.RelationID(from, r.Type, to)
		if dest := moved[id]; dest != nil {
			dest.Evidence = newsgraph.UnionEvidence(dest.Evidence, r.Evidence)
			continue
		}
		var dest *newsgraph.Relation
		if existing := ix.relation(id); existing != nil {
			dest = existing.Clone()
			dest.Evidence = newsgraph.UnionEvidence(dest.Evidence, r.Evidence)
		} else {
			dest = r.Clone()
			dest.ID, dest.From, dest.To = id, from, to
		}
		moved[id] = dest
		c.batch.Relations = append(c.batch.Relations, dest)
	}
	return c
}

// boolSet returns the keys of m as a set.
func boolSet[T any](m map[string]T) map[string]bool {
	set := make(map[string]bool, len(m))
	for k := range m {
		set[k] = true
	}
	return set
}
