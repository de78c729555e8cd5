package graph

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Neighborhood resolves Query.neighborhood; an absent id is NOT_FOUND.
func (r *queryResolver) Neighborhood(ctx context.Context, id string, depth *int, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, limit *int, asOf *newsgraph.Date) (*model.Subgraph, error) {
	q := newsgraph.NeighborhoodQuery{
		ID:        id,
		Depth:     intOr(depth, 1),
		Direction: directionOr(direction),
		Types:     types,
		Kinds:     kinds,
		Limit:     intOr(limit, newsgraph.DefaultNeighborhood),
		AsOf:      dateOr(asOf),
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
	prepareGraph(ctx, sg.Nodes, sg.Edges)
	return &model.Subgraph{Nodes: model.WrapAll(sg.Nodes), Edges: nonNilRelations(sg.Edges), Truncated: sg.Truncated}, nil
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
	return toPath(ctx, *p), nil
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
	// The paths' nodes and edges load together: one store call per field
	// for all the paths.
	var nodes []*newsgraph.Entity
	var edges []*newsgraph.Relation
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		nodes = append(nodes, p.Nodes...)
		edges = append(edges, p.Edges...)
		out[i] = modelPath(p)
	}
	prepareGraph(ctx, nodes, edges)
	return out, nil
}

func toPath(ctx context.Context, p newsgraph.Path) *model.Path {
	prepareGraph(ctx, p.Nodes, p.Edges)
	return modelPath(p)
}

// prepareGraph readies the dataloaders for the fields of a result's nodes
// and edges that gqlgen will resolve: an answer written plainly (plain.go)
// resolves none.
func prepareGraph(ctx context.Context, nodes []*newsgraph.Entity, edges []*newsgraph.Relation) {
	if plainAnswer(ctx) {
		return
	}
	prime(ctx, nodes...)
	loadEntityFields(ctx, nodes, "nodes")
	loadRelationFields(ctx, edges, "edges")
}

func modelPath(p newsgraph.Path) *model.Path {
	return &model.Path{Length: p.Length(), Nodes: model.WrapAll(p.Nodes), Edges: nonNilRelations(p.Edges)}
}

func nonNilRelations(rs []*newsgraph.Relation) []*newsgraph.Relation {
	out := make([]*newsgraph.Relation, 0, len(rs))
	for _, r := range rs {
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}
