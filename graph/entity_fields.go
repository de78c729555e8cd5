package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// The fields every Entity type shares, relations and neighbors, are resolved
// once here; the per-type resolvers in entity_types.go delegate to them.

// entityRelations resolves Entity.relations through the relations loader, so
// that a page of entities costs one Store.Relations call.
func entityRelations(ctx context.Context, e *newsgraph.Entity, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return loadRelations(ctx, relationsQuery(e.ID, types, directionOr(direction), intOr(first, newsgraph.DefaultPageSize), stringOr(after), dateOr(asOf)))
}

// relationsQuery is the query of Entity.relations with its arguments
// resolved; prefetching builds the same query, so both share a loader key.
func relationsQuery(id string, types []string, direction newsgraph.Direction, first int, after string, asOf newsgraph.Date) newsgraph.RelationQuery {
	f := newsgraph.RelationFilter{Types: types, AsOf: asOf}
	switch direction {
	case newsgraph.Out:
		f.From = id
	case newsgraph.In:
		f.To = id
	default:
		f.Involving = id
	}
	return newsgraph.RelationQuery{Filter: f, First: first, After: after}
}

// loadRelations validates q, so that an invalid query never joins (and
// fails) a batch, and loads its page.
func loadRelations(ctx context.Context, q newsgraph.RelationQuery) (*model.RelationConnection, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	page, err := l.Relations(ctx, q)
	if err != nil {
		return nil, err
	}
	prefetchRelationFields(ctx, page.Items, "edges", "node")
	return relationConnection(page), nil
}

// maxNeighbors is the most neighbours one field returns: the neighbourhood
// limit counts the entity itself.
const maxNeighbors = newsgraph.MaxPageSize - 1

// entityNeighbors resolves Entity.neighbors as a depth-1 neighbourhood
// through the neighbourhood loader, so that a page of entities costs one
// Store.Neighborhoods call.
func entityNeighbors(ctx context.Context, e *newsgraph.Entity, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	q, err := neighborsQuery(e.ID, directionOr(direction), types, kinds, intOr(first, newsgraph.DefaultPageSize), dateOr(asOf))
	if err != nil {
		return nil, err
	}
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	sg, err := l.Neighborhood(ctx, q)
	if err != nil {
		return nil, err
	}
	neighbors := make([]*newsgraph.Entity, 0, len(sg.Nodes))
	for _, node := range sg.Nodes {
		if node != nil && node.ID != e.ID {
			neighbors = append(neighbors, node)
		}
	}
	prefetchEntityFields(ctx, neighbors)
	return model.WrapAll(neighbors), nil
}

// neighborsQuery is the validated depth-1 neighbourhood query of
// Entity.neighbors with its arguments resolved; prefetching builds the same
// query, so both share a loader key.
func neighborsQuery(id string, direction newsgraph.Direction, types []string, kinds []newsgraph.Kind, first int, asOf newsgraph.Date) (newsgraph.NeighborhoodQuery, error) {
	switch {
	case first < 0:
		return newsgraph.NeighborhoodQuery{}, newsgraph.Errorf(newsgraph.Invalid, "first must not be negative, got %d", first)
	case first > maxNeighbors:
		return newsgraph.NeighborhoodQuery{}, newsgraph.Errorf(newsgraph.LimitExceeded, "first must be at most %d, got %d", maxNeighbors, first)
	}
	q := newsgraph.NeighborhoodQuery{ID: id, Depth: 1, Direction: direction, Types: types, Kinds: kinds, Limit: first + 1, AsOf: asOf}
	return q, q.Validate()
}

// eventPlace resolves Event.place through the entity loader.
func eventPlace(ctx context.Context, e *newsgraph.Entity) (*model.Place, error) {
	if e.PlaceID == "" {
		return nil, nil
	}
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	p, err := l.Entity(ctx, e.PlaceID)
	if err != nil || p == nil || p.Kind != newsgraph.KindPlace {
		return nil, err
	}
	return &model.Place{Node: model.Node{E: p}}, nil
}

// claimClaimant resolves Claim.claimant through the entity loader.
func claimClaimant(ctx context.Context, e *newsgraph.Entity) (model.Entity, error) {
	if e.ClaimantID == "" {
		return nil, nil
	}
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := l.Entity(ctx, e.ClaimantID)
	if err != nil || c == nil {
		return nil, err
	}
	return model.Wrap(c), nil
}
