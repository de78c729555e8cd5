package loaders

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// The fields of a level's documents.

// Mentions answers Document.mentions for every document of the level,
// with one MentionsIn call and one EntitiesByID call for the mentioned
// entities not known: each document's mentions, by id, in ascending entity
// id order, without those whose entity is gone, and the entities mentioned,
// by id, whose level holds all of them.
func (l *Level) Mentions(ctx context.Context) (map[string][]newsgraph.Mention, map[string]*newsgraph.Entity, *Level, error) {
	type result struct {
		mentions map[string][]newsgraph.Mention
		entities map[string]*newsgraph.Entity
		level    *Level
	}
	r, err := answer(l, "mentions", func() (result, error) {
		out := result{mentions: map[string][]newsgraph.Mention{}, level: l.child()}
		ids := make([]string, len(l.documents))
		for i, d := range l.documents {
			ids[i] = d.ID
		}
		if ids = unique(ids); len(ids) == 0 {
			return out, nil
		}
		byDoc, err := l.src.MentionsIn(ctx, ids)
		if err != nil {
			return result{}, err
		}
		var entityIDs []string
		for _, list := range byDoc {
			for _, m := range list {
				entityIDs = append(entityIDs, m.EntityID)
			}
		}
		if out.entities, err = l.entitiesNamed(ctx, entityIDs); err != nil {
			return result{}, err
		}
		for _, e := range out.entities {
			out.level.WithEntities(e)
		}
		for _, id := range ids {
			list := []newsgraph.Mention{}
			for _, m := range byDoc[id] {
				if out.entities[m.EntityID] != nil {
					list = append(list, m)
				}
			}
			out.mentions[id] = list
		}
		return out, nil
	})
	return r.mentions, r.entities, r.level, err
}

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
