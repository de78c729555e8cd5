package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// The fields of Relation and Evidence that need the store. Each is a gqlgen
// batch resolver: it gets the siblings of one list at once, and answers
// them from their level (package loaders), which makes one store call for
// all the level's relations, whichever list they are in.

type relationResolver struct{ *resolver }

// From resolves Relation.from.
func (r *relationResolver) From(ctx context.Context, objs []*model.Relation) ([]model.Entity, error) {
	return relationEnds(ctx, objs, func(rel *model.Relation) string { return rel.From })
}

// To resolves Relation.to.
func (r *relationResolver) To(ctx context.Context, objs []*model.Relation) ([]model.Entity, error) {
	return relationEnds(ctx, objs, func(rel *model.Relation) string { return rel.To })
}

// relationEnds resolves one end of each relation: a missing end, which a
// store never leaves, is a NOT_FOUND error of that relation alone.
func relationEnds(ctx context.Context, objs []*model.Relation, end func(*model.Relation) string) ([]model.Entity, error) {
	out := make([]model.Entity, len(objs))
	errs := make(graphql.BatchErrorList, len(objs))
	failed := false
	for i, obj := range objs {
		ends, err := obj.L.Ends(ctx)
		if err != nil {
			return nil, err
		}
		id := end(obj)
		e := ends[id]
		if e == nil {
			errs[i] = newsgraph.Errorf(newsgraph.NotFound, "relation %s refers to entity %q, which does not exist", obj.ID, id)
			failed = true
			continue
		}
		out[i] = model.Wrap(e, endsLevel(obj.L, ends))
	}
	if failed {
		return out, errs
	}
	return out, nil
}

// endsLevel is the level of the ends of l's relations: one per level, so that
// the ends' own fields are batched too.
func endsLevel(l *loaders.Level, ends map[string]*newsgraph.Entity) *loaders.Level {
	return l.Next("ends", func(next *loaders.Level) {
		for _, e := range ends {
			next.WithEntities(e)
		}
	})
}

// Status resolves Relation.status: DISPUTED when an end is a claim that
// another relation contradicts (newsgraph.DisputedBy).
func (r *relationResolver) Status(ctx context.Context, objs []*model.Relation) ([]model.RelationStatus, error) {
	out := make([]model.RelationStatus, len(objs))
	for i, obj := range objs {
		disputed, err := obj.L.Disputed(ctx)
		if err != nil {
			return nil, err
		}
		out[i] = model.RelationStatusAsserted
		if disputed[obj.ID] {
			out[i] = model.RelationStatusDisputed
		}
	}
	return out, nil
}

// FirstReported resolves Relation.firstReported: the earliest publication
// day of its evidence documents.
func (r *relationResolver) FirstReported(ctx context.Context, objs []*model.Relation) ([]*newsgraph.Date, error) {
	return reported(ctx, objs, true)
}

// LastReported resolves Relation.lastReported: the latest publication day
// of its evidence documents.
func (r *relationResolver) LastReported(ctx context.Context, objs []*model.Relation) ([]*newsgraph.Date, error) {
	return reported(ctx, objs, false)
}

func reported(ctx context.Context, objs []*model.Relation, first bool) ([]*newsgraph.Date, error) {
	out := make([]*newsgraph.Date, len(objs))
	for i, obj := range objs {
		docs, err := obj.L.EvidenceDocuments(ctx)
		if err != nil {
			return nil, err
		}
		var quoted []*newsgraph.Document
		for _, id := range obj.DocumentIDs() {
			quoted = append(quoted, docs[id])
		}
		earliest, latest := publishedRange(quoted)
		out[i] = latest
		if first {
			out[i] = earliest
		}
	}
	return out, nil
}

type evidenceResolver struct{ *resolver }

// Document resolves Evidence.document: the quoted document, which a store
// never leaves missing (NOT_FOUND for that evidence alone if it did).
func (r *evidenceResolver) Document(ctx context.Context, objs []*model.Evidence) ([]*model.Document, error) {
	out := make([]*model.Document, len(objs))
	errs := make(graphql.BatchErrorList, len(objs))
	failed := false
	for i, obj := range objs {
		docs, err := obj.L.EvidenceDocuments(ctx)
		if err != nil {
			return nil, err
		}
		d := docs[obj.DocumentID]
		if d == nil {
			errs[i] = newsgraph.Errorf(newsgraph.NotFound, "evidence quotes document %q, which does not exist", obj.DocumentID)
			failed = true
			continue
		}
		out[i] = &model.Document{Document: d, L: documentsLevel(obj.L, docs)}
	}
	if failed {
		return out, errs
	}
	return out, nil
}

// documentsLevel is the level of the evidence documents of l's relations.
func documentsLevel(l *loaders.Level, docs map[string]*newsgraph.Document) *loaders.Level {
	return l.Next("evidence documents", func(next *loaders.Level) {
		for _, d := range docs {
			next.WithDocuments(d)
		}
	})
}

// publishedRange returns the earliest and latest PublishedAt of docs,
// ignoring nil documents and unknown days.
func publishedRange(docs []*newsgraph.Document) (first, last *newsgraph.Date) {
	for _, d := range docs {
		if d == nil || d.PublishedAt.IsZero() {
			continue
		}
		day := d.PublishedAt
		if first == nil || day.Compare(*first) < 0 {
			first = &day
		}
		if last == nil || day.Compare(*last) > 0 {
			last = &day
		}
	}
	return first, last
}
