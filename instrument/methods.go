package instrument

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// The Store methods, each one call through call.

func (o *observed) Ping(ctx context.Context) error {
	_, err := call(o, ctx, "Ping", func(ctx context.Context) (struct{}, error) { return struct{}{}, o.store.Ping(ctx) })
	return err
}

func (o *observed) Close() error { return o.store.Close() }

func (o *observed) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	return call(o, ctx, "EntitiesByID", func(ctx context.Context) (map[string]*newsgraph.Entity, error) {
		return o.store.EntitiesByID(ctx, ids)
	})
}

func (o *observed) Entities(ctx context.Context, q newsgraph.EntityQuery) (newsgraph.Page[*newsgraph.Entity], error) {
	return call(o, ctx, "Entities", func(ctx context.Context) (newsgraph.Page[*newsgraph.Entity], error) {
		return o.store.Entities(ctx, q)
	})
}

func (o *observed) Search(ctx context.Context, q newsgraph.SearchQuery) ([]newsgraph.SearchHit, error) {
	return call(o, ctx, "Search", func(ctx context.Context) ([]newsgraph.SearchHit, error) { return o.store.Search(ctx, q) })
}

func (o *observed) EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
	return call(o, ctx, "EntitiesNamed", func(ctx context.Context) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
		return o.store.EntitiesNamed(ctx, keys)
	})
}

func (o *observed) RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error) {
	return call(o, ctx, "RelationsByID", func(ctx context.Context) (map[string]*newsgraph.Relation, error) {
		return o.store.RelationsByID(ctx, ids)
	})
}

func (o *observed) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	return call(o, ctx, "Relations", func(ctx context.Context) ([]newsgraph.Page[*newsgraph.Relation], error) {
		return o.store.Relations(ctx, qs)
	})
}

func (o *observed) RelationTypes(ctx context.Context) ([]newsgraph.TypeCount, error) {
	return call(o, ctx, "RelationTypes", o.store.RelationTypes)
}

func (o *observed) Stats(ctx context.Context) (newsgraph.Stats, error) {
	return call(o, ctx, "Stats", o.store.Stats)
}

func (o *observed) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	return call(o, ctx, "DocumentsByID", func(ctx context.Context) (map[string]*newsgraph.Document, error) {
		return o.store.DocumentsByID(ctx, ids)
	})
}

func (o *observed) Documents(ctx context.Context, q newsgraph.DocumentQuery) (newsgraph.Page[*newsgraph.Document], error) {
	return call(o, ctx, "Documents", func(ctx context.Context) (newsgraph.Page[*newsgraph.Document], error) {
		return o.store.Documents(ctx, q)
	})
}

func (o *observed) DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error) {
	return call(o, ctx, "DocumentIDsMentioning", func(ctx context.Context) (map[string][]string, error) {
		return o.store.DocumentIDsMentioning(ctx, entityIDs)
	})
}

func (o *observed) MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error) {
	return call(o, ctx, "MentionsIn", func(ctx context.Context) (map[string][]newsgraph.Mention, error) {
		return o.store.MentionsIn(ctx, documentIDs)
	})
}

func (o *observed) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	return call(o, ctx, "Neighborhoods", func(ctx context.Context) ([]newsgraph.Subgraph, error) {
		return o.store.Neighborhoods(ctx, qs)
	})
}

func (o *observed) Degrees(ctx context.Context, ids []string) (map[string]int, error) {
	return call(o, ctx, "Degrees", func(ctx context.Context) (map[string]int, error) { return o.store.Degrees(ctx, ids) })
}

func (o *observed) ShortestPath(ctx context.Context, q newsgraph.PathQuery) (*newsgraph.Path, error) {
	return call(o, ctx, "ShortestPath", func(ctx context.Context) (*newsgraph.Path, error) { return o.store.ShortestPath(ctx, q) })
}

func (o *observed) Paths(ctx context.Context, q newsgraph.PathQuery) ([]newsgraph.Path, error) {
	return call(o, ctx, "Paths", func(ctx context.Context) ([]newsgraph.Path, error) { return o.store.Paths(ctx, q) })
}

func (o *observed) Upsert(ctx context.Context, b newsgraph.Batch) (newsgraph.WriteReport, error) {
	return call(o, ctx, "Upsert", func(ctx context.Context) (newsgraph.WriteReport, error) { return o.store.Upsert(ctx, b) })
}

func (o *observed) DeleteRelation(ctx context.Context, id string) (*newsgraph.Relation, error) {
	return call(o, ctx, "DeleteRelation", func(ctx context.Context) (*newsgraph.Relation, error) {
		return o.store.DeleteRelation(ctx, id)
	})
}

func (o *observed) DeleteEntity(ctx context.Context, id string) (newsgraph.Deletion, error) {
	return call(o, ctx, "DeleteEntity", func(ctx context.Context) (newsgraph.Deletion, error) {
		return o.store.DeleteEntity(ctx, id)
	})
}

func (o *observed) MergeEntities(ctx context.Context, m newsgraph.Merge) (newsgraph.Merged, error) {
	return call(o, ctx, "MergeEntities", func(ctx context.Context) (newsgraph.Merged, error) {
		return o.store.MergeEntities(ctx, m)
	})
}

func (o *observed) Merges(ctx context.Context, ids []string) (map[string][]newsgraph.Merge, error) {
	return call(o, ctx, "Merges", func(ctx context.Context) (map[string][]newsgraph.Merge, error) { return o.store.Merges(ctx, ids) })
}
