package loaders

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// neighborhoodKey is a comparable form of newsgraph.NeighborhoodQuery.
type neighborhoodKey struct {
	id        string
	depth     int
	direction newsgraph.Direction
	types     string
	kinds     string
	limit     int
	asOf      newsgraph.Date
}

func newNeighborhoodKey(q newsgraph.NeighborhoodQuery) neighborhoodKey {
	kinds := make([]string, len(q.Kinds))
	for i, k := range q.Kinds {
		kinds[i] = string(k)
	}
	return neighborhoodKey{
		id:        q.ID,
		depth:     q.Depth,
		direction: q.Direction,
		types:     strings.Join(q.Types, ","),
		kinds:     strings.Join(kinds, ","),
		limit:     q.Limit,
		asOf:      q.AsOf,
	}
}

func (k neighborhoodKey) query() newsgraph.NeighborhoodQuery {
	var kinds []newsgraph.Kind
	for _, s := range splitList(k.kinds) {
		kinds = append(kinds, newsgraph.Kind(s))
	}
	return newsgraph.NeighborhoodQuery{
		ID:        k.id,
		Depth:     k.depth,
		Direction: k.direction,
		Types:     splitList(k.types),
		Kinds:     kinds,
		Limit:     k.limit,
		AsOf:      k.asOf,
	}
}

// Neighborhood returns the subgraph q asks for; the queries of concurrent
// resolvers (such as Entity.neighbors over a page of entities, with depth 1)
// are answered by one Store.Neighborhoods call. The subgraph's nodes are
// primed into the entity cache. Validate q first: an invalid query, or an
// absent root, fails the whole batch it joins.
func (l *Loaders) Neighborhood(ctx context.Context, q newsgraph.NeighborhoodQuery) (newsgraph.Subgraph, error) {
	return l.neighbors.Load(ctx, newNeighborhoodKey(q))
}

// PrefetchNeighborhoods starts loading the subgraphs qs ask for without
// waiting for them, like PrefetchEntities. Validate the queries first.
func (l *Loaders) PrefetchNeighborhoods(ctx context.Context, qs ...newsgraph.NeighborhoodQuery) {
	keys := make([]neighborhoodKey, len(qs))
	for i, q := range qs {
		keys[i] = newNeighborhoodKey(q)
	}
	for _, k := range keys {
		l.neighbors.LoadThunk(ctx, k)
	}
}

func (l *Loaders) fetchNeighborhoods(src Source) func(context.Context, []neighborhoodKey) (map[neighborhoodKey]newsgraph.Subgraph, error) {
	return func(ctx context.Context, keys []neighborhoodKey) (map[neighborhoodKey]newsgraph.Subgraph, error) {
		qs := make([]newsgraph.NeighborhoodQuery, len(keys))
		for i, k := range keys {
			qs[i] = k.query()
		}
		subgraphs, err := src.Neighborhoods(ctx, qs)
		if err != nil {
			return nil, err
		}
		if len(subgraphs) != len(keys) {
			return nil, fmt.Errorf("store returned %d subgraphs for %d queries", len(subgraphs), len(keys))
		}
		out := make(map[neighborhoodKey]newsgraph.Subgraph, len(keys))
		for i, k := range keys {
			out[k] = subgraphs[i]
			l.PrimeEntities(subgraphs[i].Nodes...)
		}
		return out, nil
	}
}
