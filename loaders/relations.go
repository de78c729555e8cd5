package loaders

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// The fields of a level's relations.

// Ends returns the entities at the ends of the level's relations, by id:
// the known ones and, with one EntitiesByID call, the others. An end that
// does not exist is missing from the map.
func (l *Level) Ends(ctx context.Context) (map[string]*newsgraph.Entity, error) {
	return answer(l, "ends", func() (map[string]*newsgraph.Entity, error) {
		ends := make(map[string]*newsgraph.Entity, 2*len(l.relations))
		var missing []string
		for _, r := range l.relations {
			for _, id := range []string{r.From, r.To} {
				if e, ok := l.known[id]; ok {
					ends[id] = e
				} else {
					missing = append(missing, id)
				}
			}
		}
		if missing = unique(missing); len(missing) == 0 {
			return ends, nil
		}
		found, err := l.src.EntitiesByID(ctx, missing)
		if err != nil {
			return nil, err
		}
		for id, e := range found {
			ends[id] = e
		}
		return ends, nil
	})
}

// EvidenceDocuments returns the documents the level's relations quote, by
// id, with one DocumentsByID call; one that does not exist is missing.
func (l *Level) EvidenceDocuments(ctx context.Context) (map[string]*newsgraph.Document, error) {
	return answer(l, "evidence documents", func() (map[string]*newsgraph.Document, error) {
		var ids []string
		for _, r := range l.relations {
			for _, ev := range r.Evidence {
				ids = append(ids, ev.DocumentID)
			}
		}
		if ids = unique(ids); len(ids) == 0 {
			return map[string]*newsgraph.Document{}, nil
		}
		return l.src.DocumentsByID(ctx, ids)
	})
}

// Disputed returns the ids of the level's relations that are disputed
// (newsgraph.DisputedAmong), with one Relations call for all of them.
func (l *Level) Disputed(ctx context.Context) (map[string]bool, error) {
	return answer(l, "disputed", func() (map[string]bool, error) {
		return newsgraph.DisputedAmong(ctx, l.src, l.relations)
	})
}
