package loaders

import (
	"context"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// The Load*Now methods serve resolvers that know every key they need at
// once, such as a root field over a page of results. They call the store
// directly, without the loaders' wait, for the keys not cached yet, and
// cache what it returns (absent keys included, as absent), so that the item
// resolvers find their values in the cache and never wait. A root field
// thus costs no wait at all, and one store call per field it prefetches,
// however the goroutines are scheduled. The Prefetch methods remain for
// resolvers nested in lists, which batch their siblings' keys by the wait.

// seenKeys remembers the keys a loader has cached or is loading directly,
// so that a direct load skips them.
type seenKeys[K comparable] struct {
	mu   sync.Mutex
	keys map[K]struct{}
}

// claim marks keys as seen and returns those not seen before, each once.
func (s *seenKeys[K]) claim(keys []K) []K {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = make(map[K]struct{}, len(keys))
	}
	var out []K
	for _, k := range keys {
		if _, ok := s.keys[k]; !ok {
			s.keys[k] = struct{}{}
			out = append(out, k)
		}
	}
	return out
}

// mark marks keys as seen.
func (s *seenKeys[K]) mark(keys []K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = make(map[K]struct{}, len(keys))
	}
	for _, k := range keys {
		s.keys[k] = struct{}{}
	}
}

// LoadEntityNow returns the entity with the given id, or nil when there is
// none, calling the store at once unless it is cached.
func (l *Loaders) LoadEntityNow(ctx context.Context, id string) (*newsgraph.Entity, error) {
	if err := l.LoadEntitiesNow(ctx, id); err != nil {
		return nil, err
	}
	return l.Entity(ctx, id)
}

// LoadEntitiesNow loads the entities with the given ids that are not cached
// with one direct store call and caches them.
func (l *Loaders) LoadEntitiesNow(ctx context.Context, ids ...string) error {
	missing := l.seenEntities.claim(ids)
	if len(missing) == 0 {
		return nil
	}
	found, err := l.src.EntitiesByID(ctx, missing)
	if err != nil {
		l.seenEntities.forget(missing)
		return err
	}
	for _, id := range missing {
		l.entities.Prime(id, found[id]) // nil: absent
	}
	return nil
}

// LoadDocumentsNow loads the documents with the given ids that are not
// cached with one direct store call and caches them.
func (l *Loaders) LoadDocumentsNow(ctx context.Context, ids ...string) error {
	missing := l.seenDocuments.claim(ids)
	if len(missing) == 0 {
		return nil
	}
	found, err := l.src.DocumentsByID(ctx, missing)
	if err != nil {
		l.seenDocuments.forget(missing)
		return err
	}
	for _, id := range missing {
		l.documents.Prime(id, found[id])
	}
	return nil
}

// LoadRelationsNow loads the relation pages qs select with one direct store
// call and caches them. Validate the queries first.
func (l *Loaders) LoadRelationsNow(ctx context.Context, qs ...newsgraph.RelationQuery) error {
	keys := make([]relationKey, len(qs))
	for i, q := range qs {
		keys[i] = newRelationKey(q)
	}
	missing := l.seenRelations.claim(keys)
	if len(missing) == 0 {
		return nil
	}
	pages, err := fetchRelations(l.src)(ctx, missing)
	if err != nil {
		l.seenRelations.forget(missing)
		return err
	}
	for _, k := range missing {
		l.relations.Prime(k, pages[k])
	}
	return nil
}

// LoadNeighborhoodsNow loads the subgraphs qs ask for with one direct store
// call and caches them, their nodes included. Validate the queries first.
func (l *Loaders) LoadNeighborhoodsNow(ctx context.Context, qs ...newsgraph.NeighborhoodQuery) error {
	keys := make([]neighborhoodKey, len(qs))
	for i, q := range qs {
		keys[i] = newNeighborhoodKey(q)
	}
	missing := l.seenNeighborhoods.claim(keys)
	if len(missing) == 0 {
		return nil
	}
	subgraphs, err := l.fetchNeighborhoods(l.src)(ctx, missing)
	if err != nil {
		l.seenNeighborhoods.forget(missing)
		return err
	}
	for _, k := range missing {
		l.neighbors.Prime(k, subgraphs[k])
	}
	return nil
}

// LoadDocumentsMentioningNow loads the documents mentioning the entities
// with the given ids with direct store calls (see DocumentsMentioning) and
// caches them.
func (l *Loaders) LoadDocumentsMentioningNow(ctx context.Context, entityIDs ...string) error {
	missing := l.seenMentions.claim(entityIDs)
	if len(missing) == 0 {
		return nil
	}
	docs, err := l.fetchMentions(l.src)(ctx, missing)
	if err != nil {
		l.seenMentions.forget(missing)
		return err
	}
	for _, id := range missing {
		list, ok := docs[id]
		if !ok {
			list = []*newsgraph.Document{}
		}
		l.mentions.Prime(id, list)
	}
	return nil
}

// forget unmarks keys whose direct load failed, so that a later one retries.
func (s *seenKeys[K]) forget(keys []K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		delete(s.keys, k)
	}
}
