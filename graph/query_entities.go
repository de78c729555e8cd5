package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Entity resolves Query.entity: null when the id names no entity.
func (r *queryResolver) Entity(ctx context.Context, id string) (model.Entity, error) {
	found, err := r.store.EntitiesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	e := found[id]
	if e == nil {
		return nil, nil
	}
	return model.Wrap(e, r.level().WithEntities(e)), nil
}

// Entities resolves Query.entities.
func (r *queryResolver) Entities(ctx context.Context, kinds []newsgraph.Kind, first *int, after *string) (*model.EntityConnection, error) {
	q := newsgraph.EntityQuery{Kinds: kinds, First: intOr(first, newsgraph.DefaultPageSize), After: stringOr(after)}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	page, err := r.store.Entities(ctx, q)
	if err != nil {
		return nil, err
	}
	return entityConnection(page, r.level().WithEntities(page.Items...)), nil
}

// Search resolves Query.search.
func (r *queryResolver) Search(ctx context.Context, query string, kinds []newsgraph.Kind, first *int) ([]*model.SearchHit, error) {
	q := newsgraph.SearchQuery{Text: query, Kinds: kinds, Limit: intOr(first, newsgraph.DefaultSearchLimit)}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	hits, err := r.store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	level := r.level()
	out := make([]*model.SearchHit, 0, len(hits))
	for _, h := range hits {
		if h.Entity != nil {
			level.WithEntities(h.Entity)
			out = append(out, &model.SearchHit{Entity: model.Wrap(h.Entity, level), Score: h.Score})
		}
	}
	return out, nil
}

// Stats resolves Query.stats.
func (r *queryResolver) Stats(ctx context.Context) (*newsgraph.Stats, error) {
	s, err := r.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &s, nil
}
