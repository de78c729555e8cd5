package loaders

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// relationKey is a comparable form of newsgraph.RelationQuery: the loader
// cache needs comparable keys, and a query holds a slice of types.
type relationKey struct {
	types      string
	from       string
	to         string
	involving  string
	documentID string
	asOf       newsgraph.Date
	first      int
	after      string
}

func newRelationKey(q newsgraph.RelationQuery) relationKey {
	f := q.Filter
	return relationKey{
		types:      strings.Join(f.Types, ","),
		from:       f.From,
		to:         f.To,
		involving:  f.Involving,
		documentID: f.DocumentID,
		asOf:       f.AsOf,
		first:      q.First,
		after:      q.After,
	}
}

func (k relationKey) query() newsgraph.RelationQuery {
	return newsgraph.RelationQuery{
		Filter: newsgraph.RelationFilter{
			Types:      splitList(k.types),
			From:       k.from,
			To:         k.to,
			Involving:  k.involving,
			DocumentID: k.documentID,
			AsOf:       k.asOf,
		},
		First: k.first,
		After: k.after,
	}
}

// Relations returns the page of relations q selects. Queries of concurrent
// resolvers are answered by one Store.Relations call. Validate q first: an
// invalid query fails the whole batch it joins.
func (l *Loaders) Relations(ctx context.Context, q newsgraph.RelationQuery) (newsgraph.Page[*newsgraph.Relation], error) {
	return l.relations.Load(ctx, newRelationKey(q))
}

// PrefetchRelations starts loading the pages qs select without waiting for
// them, like PrefetchEntities. Validate the queries first.
func (l *Loaders) PrefetchRelations(ctx context.Context, qs ...newsgraph.RelationQuery) {
	keys := make([]relationKey, len(qs))
	for i, q := range qs {
		keys[i] = newRelationKey(q)
	}
	for _, k := range keys {
		l.relations.LoadThunk(ctx, k)
	}
}

func fetchRelations(src Source) func(context.Context, []relationKey) (map[relationKey]newsgraph.Page[*newsgraph.Relation], error) {
	return func(ctx context.Context, keys []relationKey) (map[relationKey]newsgraph.Page[*newsgraph.Relation], error) {
		qs := make([]newsgraph.RelationQuery, len(keys))
		for i, k := range keys {
			qs[i] = k.query()
		}
		pages, err := src.Relations(ctx, qs)
		if err != nil {
			return nil, err
		}
		if len(pages) != len(keys) {
			return nil, fmt.Errorf("store returned %d relation pages for %d queries", len(pages), len(keys))
		}
		out := make(map[relationKey]newsgraph.Page[*newsgraph.Relation], len(keys))
		for i, k := range keys {
			out[k] = pages[i]
		}
		return out, nil
	}
}

// splitList reverses strings.Join(list, ","): the empty string is no items.
// Relation types and kinds never contain commas.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
