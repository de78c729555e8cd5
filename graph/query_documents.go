package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// Document resolves Query.document: null when the id names no document.
func (r *queryResolver) Document(ctx context.Context, id string) (*newsgraph.Document, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	if err := l.LoadDocumentsNow(ctx, id); err != nil {
		return nil, err
	}
	return l.Document(ctx, id)
}

// Documents resolves Query.documents.
func (r *queryResolver) Documents(ctx context.Context, first *int, after *string) (*model.DocumentConnection, error) {
	q := newsgraph.DocumentQuery{First: intOr(first, newsgraph.DefaultPageSize), After: stringOr(after)}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	page, err := r.store.Documents(ctx, q)
	if err != nil {
		return nil, err
	}
	if l := loaders.For(ctx); l != nil {
		l.PrimeDocuments(page.Items...)
	}
	return documentConnection(page), nil
}

type documentResolver struct{ *resolver }

// Source resolves Document.source: null when unknown.
func (r *documentResolver) Source(_ context.Context, obj *newsgraph.Document) (*string, error) {
	return optional(obj.Source), nil
}

// URL resolves Document.url: null when unknown.
func (r *documentResolver) URL(_ context.Context, obj *newsgraph.Document) (*string, error) {
	return optional(obj.URL), nil
}

// Relations resolves Document.relations: the relations quoting it.
func (r *documentResolver) Relations(ctx context.Context, obj *newsgraph.Document, first *int, after *string) (*model.RelationConnection, error) {
	q := newsgraph.RelationQuery{
		Filter: newsgraph.RelationFilter{DocumentID: obj.ID},
		First:  intOr(first, newsgraph.DefaultPageSize),
		After:  stringOr(after),
	}
	return loadRelations(ctx, q)
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
