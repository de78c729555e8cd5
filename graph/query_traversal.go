package graph

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// Neighborhood resolves Query.neighborhood; an absent id is NOT_FOUND.
func (r *queryResolver) Neighborhood(ctx context.Context, id string, depth *int, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, limit *int, asOf *newsgraph.Date, induced *bool) (*model.Subgraph, error) {
	q := newsgraph.NeighborhoodQuery{
		ID:        id,
		Depth:     intOr(depth, 1),
		Direction: directionOr(direction),
		Types:     types,
		Kinds:     kinds,
		Limit:     intOr(limit, newsgraph.DefaultNeighborhood),
		AsOf:      dateOr(asOf),
		Induced:   induced != nil && *induced,
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	sgs, err := r.store.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{q})
	if err != nil {
		return nil, err
	}
	if len(sgs) != 1 {
		return nil, fmt.Errorf("store returned %d subgraphs for 1 query", len(sgs))
	}
	sg := sgs[0]
	// The edges' ends are the subgraph's nodes: one level holds both.
	level := r.level().WithEntities(sg.Nodes...).WithRelations(sg.Edges...)
	return &model.Subgraph{Nodes: model.WrapAll(sg.Nodes, level), Edges: model.WrapRelations(sg.Edges, level), Hops: sg.Hops, Truncated: sg.Truncated}, nil
}

// ShortestPath resolves Query.shortestPath: null when no path is short
// enough.
func (r *queryResolver) ShortestPath(ctx context.Context, from string, to string, maxDepth *int, types []string, direction *newsgraph.Direction, asOf *newsgraph.Date) (*model.Path, error) {
	q := newsgraph.PathQuery{
		From:      from,
		To:        to,
		MaxDepth:  intOr(maxDepth, newsgraph.DefaultPathDepth),
		Direction: directionOr(direction),
		Types:     types,
		AsOf:      dateOr(asOf),
	}
	if err := q.Validate(false); err != nil {
		return nil, err
	}
	p, err := r.store.ShortestPath(ctx, q)
	if err != nil || p == nil {
		return nil, err
	}
	return modelPaths([]newsgraph.Path{*p}, r.level())[0], nil
}

// Paths resolves Query.paths.
func (r *queryResolver) Paths(ctx context.Context, from string, to string, maxDepth *int, first *int, types []string, direction *newsgraph.Direction, asOf *newsgraph.Date) ([]*model.Path, error) {
	q := newsgraph.PathQuery{
		From:      from,
		To:        to,
		MaxDepth:  intOr(maxDepth, newsgraph.DefaultPathDepth),
		Direction: directionOr(direction),
		Types:     types,
		Limit:     intOr(first, newsgraph.DefaultPathCount),
		AsOf:      dateOr(asOf),
	}
	if err := q.Validate(true); err != nil {
		return nil, err
	}
	paths, err := r.store.Paths(ctx, q)
	if err != nil {
		return nil, err
	}
	return modelPaths(paths, r.level()), nil
}

// modelPaths returns the GraphQL paths of paths, whose nodes and edges all
// go to the one level l.
func modelPaths(paths []newsgraph.Path, l *loaders.Level) []*model.Path {
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		l.WithEntities(p.Nodes...).WithRelations(p.Edges...)
		out[i] = &model.Path{Length: p.Length(), Nodes: model.WrapAll(p.Nodes, l), Edges: model.WrapRelations(p.Edges, l)}
	}
	return out
}
