package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

// loadEnds puts the entities the relations end at in c.ends, from the
// request's dataloaders: one store call for those not cached (a resolver's
// prefetch usually cached them all). It reports false when the loaders fail
// or an entity is missing.
func (c *plainCompiler) loadEnds(ctx context.Context, rels []*newsgraph.Relation) bool {
	l := loaders.For(ctx)
	if l == nil {
		return false
	}
	ids := make([]string, 0, 2*len(rels))
	for _, r := range rels {
		ids = append(ids, r.From, r.To)
	}
	if err := l.LoadEntitiesNow(ctx, ids...); err != nil {
		return false
	}
	for _, id := range ids {
		if c.ends[id] != nil {
			continue
		}
		e, err := l.Entity(ctx, id)
		if err != nil || e == nil {
			return false
		}
		c.ends[id] = e
	}
	return true
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
	if err := l.LoadDocumentsNow(ctx, ids...); err != nil {
		return false
	}
	c.documents = make(map[string]*newsgraph.Document, len(ids))
	for _, id := range ids {
		if c.documents[id] != nil {
			continue
		}
		d, err := l.Document(ctx, id)
		if err != nil || d == nil {
			return false
		}
		c.documents[id] = d
	}
	return true
}
