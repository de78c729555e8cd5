package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Document resolves Query.document: null when the id names no document.
func (r *queryResolver) Document(ctx context.Context, id string) (*model.Document, error) {
	found, err := r.store.DocumentsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	d := found[id]
	if d == nil {
		return nil, nil
	}
	return &model.Document{Document: d, L: r.level().WithDocuments(d)}, nil
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
	return documentConnection(page, r.level().WithDocuments(page.Items...)), nil
}

type documentResolver struct{ *resolver }

// Relations resolves Document.relations: the relations quoting it.
func (r *documentResolver) Relations(ctx context.Context, objs []*model.Document, first *int, after *string) ([]*model.RelationConnection, error) {
	q := newsgraph.RelationQuery{First: intOr(first, newsgraph.DefaultPageSize), After: stringOr(after)}
	if len(objs) > 0 {
		q.Filter.DocumentID = objs[0].ID
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]*model.RelationConnection, len(objs))
	for i, obj := range objs {
		pages, level, err := obj.L.RelationsQuoting(ctx, q.First, q.After)
		if err != nil {
			return nil, err
		}
		out[i] = relationConnection(pages[obj.ID], level)
	}
	return out, nil
}

// Mentions resolves Document.mentions: the first of the mentions each
// document records, with their entities.
func (r *documentResolver) Mentions(ctx context.Context, objs []*model.Document, first *int) ([][]*model.Mention, error) {
	n := intOr(first, newsgraph.DefaultPageSize)
	if err := newsgraph.CheckListSize("mentions", n); err != nil {
		return nil, err
	}
	out := make([][]*model.Mention, len(objs))
	for i, obj := range objs {
		mentions, entities, level, err := obj.L.Mentions(ctx)
		if err != nil {
			return nil, err
		}
		list := mentions[obj.ID]
		out[i] = make([]*model.Mention, 0, min(len(list), n))
		for _, m := range list[:min(len(list), n)] {
			spans := m.Spans
			if spans == nil {
				spans = []newsgraph.Span{}
			}
			out[i] = append(out[i], &model.Mention{Entity: model.Wrap(entities[m.EntityID], level), Spans: spans})
		}
	}
	return out, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
