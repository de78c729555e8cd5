package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// The fields every Entity type shares, and Event.place and Claim.claimant.
// The per-type batch resolvers (entity_types.go) hand their siblings here
// as model.Nodes; each field is answered from the level of the entities
// (package loaders): one store call for all the level's entities.

// nodesOf returns the shared part of each entity of objs.
func nodesOf[T interface{ Base() model.Node }](objs []T) []model.Node {
	out := make([]model.Node, len(objs))
	for i, obj := range objs {
		out[i] = obj.Base()
	}
	return out
}

// entityRelations resolves Entity.relations.
func entityRelations(ctx context.Context, nodes []model.Node, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	spec := loaders.RelationSpec{Types: types, Direction: directionOr(direction), First: intOr(first, newsgraph.DefaultPageSize), After: stringOr(after), AsOf: dateOr(asOf)}
	if len(nodes) > 0 {
		if err := spec.Query(nodes[0].E.ID).Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]*model.RelationConnection, len(nodes))
	for i, n := range nodes {
		pages, level, err := n.L.RelationsOf(ctx, spec)
		if err != nil {
			return nil, err
		}
		out[i] = relationConnection(pages[n.E.ID], level)
	}
	return out, nil
}

// maxNeighbors is the most neighbours one field returns: the neighbourhood
// limit counts the entity itself.
const maxNeighbors = newsgraph.MaxPageSize - 1

// entityNeighbors resolves Entity.neighbors as depth-1 neighbourhoods.
func entityNeighbors(ctx context.Context, nodes []model.Node, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	spec := loaders.NeighborSpec{Direction: directionOr(direction), Types: types, Kinds: kinds, First: intOr(first, newsgraph.DefaultPageSize), AsOf: dateOr(asOf)}
	switch {
	case spec.First < 0:
		return nil, newsgraph.Errorf(newsgraph.Invalid, "first must not be negative, got %d", spec.First)
	case spec.First > maxNeighbors:
		return nil, newsgraph.Errorf(newsgraph.LimitExceeded, "first must be at most %d, got %d", maxNeighbors, spec.First)
	}
	if len(nodes) > 0 {
		if err := spec.Query(nodes[0].E.ID).Validate(); err != nil {
			return nil, err
		}
	}
	out := make([][]model.Entity, len(nodes))
	for i, n := range nodes {
		neighbors, level, err := n.L.NeighborsOf(ctx, spec)
		if err != nil {
			return nil, err
		}
		out[i] = model.WrapAll(neighbors[n.E.ID], level)
	}
	return out, nil
}

// entityDocuments resolves Entity.documents: the first of the documents
// mentioning it.
func entityDocuments(ctx context.Context, nodes []model.Node, first *int) ([][]*model.Document, error) {
	n := intOr(first, newsgraph.DefaultPageSize)
	if err := newsgraph.CheckListSize("documents", n); err != nil {
		return nil, err
	}
	out := make([][]*model.Document, len(nodes))
	for i, node := range nodes {
		docs, level, err := node.L.DocumentsMentioning(ctx)
		if err != nil {
			return nil, err
		}
		list := docs[node.E.ID]
		out[i] = model.WrapDocuments(list[:min(len(list), n)], level)
	}
	return out, nil
}

// entityFirstSeen resolves Entity.firstSeen: the earliest publication day
// among the documents mentioning the entity.
func entityFirstSeen(ctx context.Context, nodes []model.Node) ([]*newsgraph.Date, error) {
	out := make([]*newsgraph.Date, len(nodes))
	for i, n := range nodes {
		docs, _, err := n.L.DocumentsMentioning(ctx)
		if err != nil {
			return nil, err
		}
		out[i], _ = publishedRange(docs[n.E.ID])
	}
	return out, nil
}

// entityDegree resolves Entity.degree. An entity deleted since it was read
// has no relations left: 0.
func entityDegree(ctx context.Context, nodes []model.Node) ([]int, error) {
	out := make([]int, len(nodes))
	for i, n := range nodes {
		degrees, err := n.L.Degrees(ctx)
		if err != nil {
			return nil, err
		}
		out[i] = degrees[n.E.ID]
	}
	return out, nil
}

// referenced resolves Event.place and Claim.claimant: the entity id names,
// null when none or absent (and, for a place, when it is not a PLACE).
func referenced(ctx context.Context, nodes []model.Node, idOf func(*newsgraph.Entity) string, kind newsgraph.Kind) ([]model.Entity, error) {
	out := make([]model.Entity, len(nodes))
	for i, n := range nodes {
		id := idOf(n.E)
		if id == "" {
			continue
		}
		found, level, err := n.L.Referenced(ctx)
		if err != nil {
			return nil, err
		}
		if e := found[id]; e != nil && (kind == "" || e.Kind == kind) {
			out[i] = model.Wrap(e, level)
		}
	}
	return out, nil
}
