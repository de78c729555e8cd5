package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Provenance and time: what supports a relation and since when, whether it
// is disputed, and where an entity is mentioned. Everything is read through
// the per-request loaders, so a list costs one batched store call per field.

// Corroboration resolves Relation.corroboration: distinct documents.
func (r *relationResolver) Corroboration(_ context.Context, obj *newsgraph.Relation) (int, error) {
	return len(obj.DocumentIDs()), nil
}

// FirstReported resolves Relation.firstReported.
func (r *relationResolver) FirstReported(ctx context.Context, obj *newsgraph.Relation) (*newsgraph.Date, error) {
	first, _, err := reportedRange(ctx, obj)
	return first, err
}

// LastReported resolves Relation.lastReported.
func (r *relationResolver) LastReported(ctx context.Context, obj *newsgraph.Relation) (*newsgraph.Date, error) {
	_, last, err := reportedRange(ctx, obj)
	return last, err
}

// reportedRange returns the earliest and latest publication day of the
// relation's evidence documents; nil when none has one.
func reportedRange(ctx context.Context, rel *newsgraph.Relation) (first, last *newsgraph.Date, err error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, nil, err
	}
	ids := rel.DocumentIDs()
	l.PrefetchDocuments(ctx, ids...)
	docs := make([]*newsgraph.Document, 0, len(ids))
	for _, id := range ids {
		d, err := l.Document(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d)
	}
	first, last = publishedRange(docs)
	return first, last, nil
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

// contradictsType is the relation type that disputes a claim.
const contradictsType = "CONTRADICTS"

// Status resolves Relation.status: DISPUTED when an end of the relation is
// a CLAIM that another relation CONTRADICTS.
func (r *relationResolver) Status(ctx context.Context, obj *newsgraph.Relation) (model.RelationStatus, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return "", err
	}
	queries := statusQueries(obj)
	l.PrefetchRelations(ctx, queries...)
	for _, q := range queries {
		page, err := l.Relations(ctx, q)
		if err != nil {
			return "", err
		}
		n := page.TotalCount
		if obj.Type == contradictsType && obj.To == q.Filter.To {
			n-- // the relation itself does not dispute its own ends
		}
		if n > 0 {
			return model.RelationStatusDisputed, nil
		}
	}
	return model.RelationStatusAsserted, nil
}

// statusQueries are the count-only queries Relation.status runs: the
// CONTRADICTS relations ending at each CLAIM end of rel.
func statusQueries(rel *newsgraph.Relation) []newsgraph.RelationQuery {
	var qs []newsgraph.RelationQuery
	for i, end := range []string{rel.From, rel.To} {
		if newsgraph.KindOfID(end) != newsgraph.KindClaim || (i == 1 && end == rel.From) {
			continue
		}
		qs = append(qs, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{To: end, Types: []string{contradictsType}}})
	}
	return qs
}

// entityDocuments resolves Entity.documents through the mentions loader.
func entityDocuments(ctx context.Context, e *newsgraph.Entity) ([]*newsgraph.Document, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	return l.DocumentsMentioning(ctx, e.ID)
}

// entityFirstSeen resolves Entity.firstSeen: the earliest publication day
// among the documents mentioning the entity.
func entityFirstSeen(ctx context.Context, e *newsgraph.Entity) (*newsgraph.Date, error) {
	docs, err := entityDocuments(ctx, e)
	if err != nil {
		return nil, err
	}
	first, _ := publishedRange(docs)
	return first, nil
}

// MergeHistory resolves Query.mergeHistory.
func (r *queryResolver) MergeHistory(ctx context.Context, id string) ([]*newsgraph.Merge, error) {
	merges, err := r.store.Merges(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*newsgraph.Merge, len(merges))
	for i := range merges {
		out[i] = &merges[i]
	}
	return out, nil
}

type mergeResolver struct{ *resolver }

// Actor resolves Merge.actor: null when the merge named no actor.
func (r *mergeResolver) Actor(_ context.Context, obj *newsgraph.Merge) (*string, error) {
	return optional(obj.Actor), nil
}
