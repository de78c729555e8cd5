package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

// loadEnds puts the entities the relations end at in c.ends, from the
// request's dataloaders. It reports false when the loaders fail or an
// entity is missing.
func (c *plainCompiler) loadEnds(ctx context.Context, rels []*newsgraph.Relation) bool {
	l := loaders.For(ctx)
	if l == nil {
		return false
	}
	ids := make([]string, 0, 2*len(rels))
	for _, r := range rels {
		ids = append(ids, r.From, r.To)
	}
	return loadInto(ctx, c.ends, ids, l.LoadEntitiesNow, l.Entity)
}

// loadDocuments puts the documents the relations' evidence quotes in
// c.documents, as loadEnds does entities.
func (c *plainCompiler) loadDocuments(ctx context.Context, rels []*newsgraph.Relation) bool {
	l := loaders.For(ctx)
	if l == nil {
		return false
	}
	var ids []string
	for _, r := range rels {
		for _, ev := range r.Evidence {
			ids = append(ids, ev.DocumentID)
		}
	}
	c.documents = make(map[string]*newsgraph.Document, len(ids))
	return loadInto(ctx, c.documents, ids, l.LoadDocumentsNow, l.Document)
}

// loadInto puts the values of ids that into lacks in it from a dataloader:
// loadNow makes one store call for those not cached (a resolver's prefetch
// usually cached them all), get reads each from the cache. It reports false
// when loading fails or a value is missing.
func loadInto[V any](ctx context.Context, into map[string]*V, ids []string,
	loadNow func(context.Context, ...string) error, get func(context.Context, string) (*V, error)) bool {
	if err := loadNow(ctx, ids...); err != nil {
		return false
	}
	for _, id := range ids {
		if into[id] != nil {
			continue
		}
		v, err := get(ctx, id)
		if err != nil || v == nil {
			return false
		}
		into[id] = v
	}
	return true
}
