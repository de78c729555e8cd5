package graph

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Relations resolves Query.relations.
func (r *queryResolver) Relations(ctx context.Context, filter *model.RelationFilter, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	q := newsgraph.RelationQuery{Filter: relationFilter(filter), First: intOr(first, newsgraph.DefaultPageSize), After: stringOr(after)}
	q.Filter.AsOf = dateOr(asOf)
	if err := q.Validate(); err != nil {
		return nil, err
	}
	pages, err := r.store.Relations(ctx, []newsgraph.RelationQuery{q})
	if err != nil {
		return nil, err
	}
	if len(pages) != 1 {
		return nil, fmt.Errorf("store returned %d relation pages for 1 query", len(pages))
	}
	return relationConnection(pages[0], r.level().WithRelations(pages[0].Items...)), nil
}

// RelationTypes resolves Query.relationTypes.
func (r *queryResolver) RelationTypes(ctx context.Context) ([]*newsgraph.TypeCount, error) {
	counts, err := r.store.RelationTypes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*newsgraph.TypeCount, len(counts))
	for i := range counts {
		out[i] = &counts[i]
	}
	return out, nil
}
