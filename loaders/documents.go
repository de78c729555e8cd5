package loaders

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// The fields of a level's documents.

// RelationsQuoting answers Document.relations for every document of the
// level, with one Relations call: each document's page of the relations
// quoting it, by id, and the level of all the pages' relations.
func (l *Level) RelationsQuoting(ctx context.Context, first int, after string) (map[string]newsgraph.Page[*newsgraph.Relation], *Level, error) {
	type result struct {
		pages map[string]newsgraph.Page[*newsgraph.Relation]
		level *Level
	}
	r, err := answer(l, keyOf("relations quoting", first, after), func() (result, error) {
		ids := make([]string, len(l.documents))
		for i, d := range l.documents {
			ids[i] = d.ID
		}
		ids = unique(ids)
		qs := make([]newsgraph.RelationQuery, len(ids))
		for i, id := range ids {
			qs[i] = newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{DocumentID: id}, First: first, After: after}
		}
		pages, err := l.relationPages(ctx, qs)
		if err != nil {
			return result{}, err
		}
		out := result{pages: make(map[string]newsgraph.Page[*newsgraph.Relation], len(ids)), level: l.child()}
		for i, id := range ids {
			out.pages[id] = pages[i]
			out.level.WithRelations(pages[i].Items...)
		}
		return out, nil
	})
	return r.pages, r.level, err
}
