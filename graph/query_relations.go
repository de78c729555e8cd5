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
	loadRelationFields(ctx, pages[0].Items, "edges", "node")
	return relationConnection(pages[0]), nil
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

type relationResolver struct{ *resolver }

// From resolves Relation.from through the entity loader.
func (r *relationResolver) From(ctx context.Context, obj *newsgraph.Relation) (model.Entity, error) {
	return relationEnd(ctx, obj, obj.From)
}

// To resolves Relation.to through the entity loader.
func (r *relationResolver) To(ctx context.Context, obj *newsgraph.Relation) (model.Entity, error) {
	return relationEnd(ctx, obj, obj.To)
}

func relationEnd(ctx context.Context, rel *newsgraph.Relation, id string) (model.Entity, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	e, err := l.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, newsgraph.Errorf(newsgraph.NotFound, "relation %s refers to entity %q, which does not exist", rel.ID, id)
	}
	return model.Wrap(e), nil
}

type evidenceResolver struct{ *resolver }

// Document resolves Evidence.document through the document loader.
func (r *evidenceResolver) Document(ctx context.Context, obj *newsgraph.Evidence) (*newsgraph.Document, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	d, err := l.Document(ctx, obj.DocumentID)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, newsgraph.Errorf(newsgraph.NotFound, "evidence quotes document %q, which does not exist", obj.DocumentID)
	}
	return d, nil
}
