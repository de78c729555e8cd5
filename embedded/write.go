package embedded

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// DeleteRelation deletes the relation with the given id and returns it as
// it was; an absent id is NotFound.
func (s *Store) DeleteRelation(ctx context.Context, id string) (*newsgraph.Relation, error) {
	var deleted *newsgraph.Relation
	err := s.write(ctx, "deleteRelation", func(ix *index) (*change, error) {
		r := ix.relation(id)
		if r == nil {
			return nil, notFound("deleteRelation", "relation", id)
		}
		deleted = r.Clone()
		return &change{deleteRelations: []string{id}}, nil
	})
	if err != nil {
		return nil, err
	}
	return deleted, nil
}

// DeleteEntity deletes the entity with the given id and every relation at
// either end of it, and returns them as they were. An absent id, or one
// merged away, is NotFound; documents stay.
//
// Events whose PlaceID and claims whose ClaimantID name the entity are kept
// with that reference cleared, since it would otherwise dangle. Ids merged
// into the entity stop redirecting to it, so they name nothing afterwards;
// its merge records stay for Merges.
func (s *Store) DeleteEntity(ctx context.Context, id string) (newsgraph.Deletion, error) {
	var deleted newsgraph.Deletion
	err := s.write(ctx, "deleteEntity", func(ix *index) (*change, error) {
		e := ix.entities[id]
		if e == nil {
			return nil, notFound("deleteEntity", "entity", id)
		}
		c := &change{deleteEntities: []string{id}, deleteRedirects: slices.Clone(ix.merged[id])}
		deleted.Entity = e.Clone()
		for _, r := range ix.involving(id) {
			c.deleteRelations = append(c.deleteRelations, r.ID)
			deleted.Relations = append(deleted.Relations, r)
		}
		c.deleteMentions = ix.mentions.of(id)
		deleted.Relations = cloneRelations(deleted.Relations)
		slices.SortFunc(deleted.Relations, newsgraph.CompareRelationIDs)
		for _, ref := range sortedKeys(ix.referrers[id]) {
			if ref == id {
				continue
			}
			e := ix.entities[ref].Clone()
			if e.PlaceID == id {
				e.PlaceID = ""
			}
			if e.ClaimantID == id {
				e.ClaimantID = ""
			}
			c.batch.Entities = append(c.batch.Entities, e)
		}
		return c, nil
	})
	if err != nil {
		return newsgraph.Deletion{}, err
	}
	return deleted, nil
}

// Merges returns the merge history of the entity each id resolves to,
// keyed by the requested id: the records the index keeps under the
// survivor (see index.addMerge).
func (s *Store) Merges(ctx context.Context, ids []string) (map[string][]newsgraph.Merge, error) {
	out := map[string][]newsgraph.Merge{}
	err := s.read(ctx, func(ix *index) error {
		for _, id := range ids {
			records := ix.merges[ix.resolve(id)]
			if len(records) == 0 {
				continue
			}
			list := make([]newsgraph.Merge, len(records))
			for i, m := range records {
				m.From = slices.Clone(m.From)
				list[i] = m
			}
			out[id] = list
		}
		return nil
	})
	return out, err
}

// DocumentIDsMentioning returns, for each requested entity that exists
// (after resolving ids merged away), the ascending ids of the documents
// recording a mention of it or holding evidence of its relations, keyed
// by the requested id.
func (s *Store) DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error) {
	out := make(map[string][]string, len(entityIDs))
	err := s.read(ctx, func(ix *index) error {
		for _, requested := range entityIDs {
			id := ix.resolve(requested)
			if ix.entities[id] == nil {
				continue
			}
			docs := sortedKeys(ix.mentions.byEntity[id])
			for _, r := range ix.involving(id) {
				for _, ev := range r.Evidence {
					docs = append(docs, ev.DocumentID)
				}
			}
			slices.Sort(docs)
			out[requested] = slices.Compact(docs)
		}
		return nil
	})
	return out, err
}

// notFound is the NotFound error of an absent item.
func notFound(op, what, id string) error {
	return &newsgraph.Error{Code: newsgraph.NotFound, Op: op, Message: what + " " + id + " does not exist"}
}

// sortedKeys returns the keys of a set in ascending order.
func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
