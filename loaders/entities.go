package loaders

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// The fields of a level's entities.

// RelationSpec holds the arguments of Entity.relations.
type RelationSpec struct {
	Types     []string
	Direction newsgraph.Direction
	First     int
	After     string
	AsOf      newsgraph.Date
}

// Query is the relation query of the entity id: OUT pages the relations
// from it, IN those to it, BOTH those involving it.
func (s RelationSpec) Query(id string) newsgraph.RelationQuery {
	f := newsgraph.RelationFilter{Types: s.Types, AsOf: s.AsOf}
	switch s.Direction.OrBoth() {
	case newsgraph.Out:
		f.From = id
	case newsgraph.In:
		f.To = id
	default:
		f.Involving = id
	}
	return newsgraph.RelationQuery{Filter: f, First: s.First, After: s.After}
}

// RelationsOf answers Entity.relations with spec for every entity of the
// level, with one Relations call: each entity's page by id, and the level of
// all the pages' relations, which knows the level's entities. Validate the
// spec first (spec.Query(id).Validate()).
func (l *Level) RelationsOf(ctx context.Context, spec RelationSpec) (map[string]newsgraph.Page[*newsgraph.Relation], *Level, error) {
	type result struct {
		pages map[string]newsgraph.Page[*newsgraph.Relation]
		level *Level
	}
	r, err := answer(l, keyOf("relations", spec.Types, spec.Direction, spec.First, spec.After, spec.AsOf), func() (result, error) {
		ids := l.entityIDs()
		qs := make([]newsgraph.RelationQuery, len(ids))
		for i, id := range ids {
			qs[i] = spec.Query(id)
		}
		pages, err := l.relationPages(ctx, qs)
		if err != nil {
			return result{}, err
		}
		out := result{pages: make(map[string]newsgraph.Page[*newsgraph.Relation], len(ids)), level: l.child().Knowing(l.entities...)}
		for i, id := range ids {
			out.pages[id] = pages[i]
			out.level.WithRelations(pages[i].Items...)
		}
		return out, nil
	})
	return r.pages, r.level, err
}

// NeighborSpec holds the arguments of Entity.neighbors.
type NeighborSpec struct {
	Direction newsgraph.Direction
	Types     []string
	Kinds     []newsgraph.Kind
	First     int
	AsOf      newsgraph.Date
}

// Query is the depth-1 neighbourhood of the entity id that holds its first
// neighbours: the limit counts the entity itself.
func (s NeighborSpec) Query(id string) newsgraph.NeighborhoodQuery {
	return newsgraph.NeighborhoodQuery{ID: id, Depth: 1, Direction: s.Direction, Types: s.Types, Kinds: s.Kinds, Limit: s.First + 1, AsOf: s.AsOf}
}

// NeighborsOf answers Entity.neighbors with spec for every entity of the
// level, with one Neighborhoods call: each entity's neighbours by id, in
// walk order, and the level of all of them. Validate the spec first.
func (l *Level) NeighborsOf(ctx context.Context, spec NeighborSpec) (map[string][]*newsgraph.Entity, *Level, error) {
	type result struct {
		neighbors map[string][]*newsgraph.Entity
		level     *Level
	}
	r, err := answer(l, keyOf("neighbors", spec.Direction, spec.Types, spec.Kinds, spec.First, spec.AsOf), func() (result, error) {
		ids := l.entityIDs()
		qs := make([]newsgraph.NeighborhoodQuery, len(ids))
		for i, id := range ids {
			qs[i] = spec.Query(id)
		}
		subgraphs, err := l.src.Neighborhoods(ctx, qs)
		if err != nil {
			return result{}, err
		}
		if len(subgraphs) != len(qs) {
			return result{}, fmt.Errorf("store returned %d subgraphs for %d queries", len(subgraphs), len(qs))
		}
		out := result{neighbors: make(map[string][]*newsgraph.Entity, len(ids)), level: l.child()}
		for i, id := range ids {
			var neighbors []*newsgraph.Entity
			for _, n := range subgraphs[i].Nodes {
				if n != nil && n.ID != id {
					neighbors = append(neighbors, n)
				}
			}
			out.neighbors[id] = neighbors
			out.level.WithEntities(neighbors...)
		}
		return out, nil
	})
	return r.neighbors, r.level, err
}

// DocumentsMentioning answers Entity.documents and Entity.firstSeen for
// every entity of the level, with one DocumentIDsMentioning call and one
// DocumentsByID call: each entity's documents by id, in ascending id order,
// and the level of all of them.
func (l *Level) DocumentsMentioning(ctx context.Context) (map[string][]*newsgraph.Document, *Level, error) {
	type result struct {
		documents map[string][]*newsgraph.Document
		level     *Level
	}
	r, err := answer(l, "documents mentioning", func() (result, error) {
		out := result{documents: map[string][]*newsgraph.Document{}, level: l.child()}
		ids := l.entityIDs()
		if len(ids) == 0 {
			return out, nil
		}
		byEntity, err := l.src.DocumentIDsMentioning(ctx, ids)
		if err != nil {
			return result{}, err
		}
		var docIDs []string
		for _, list := range byEntity {
			docIDs = append(docIDs, list...)
		}
		docs := map[string]*newsgraph.Document{}
		if docIDs = unique(docIDs); len(docIDs) > 0 {
			if docs, err = l.src.DocumentsByID(ctx, docIDs); err != nil {
				return result{}, err
			}
		}
		slices.Sort(docIDs)
		for _, id := range docIDs {
			if d := docs[id]; d != nil {
				out.level.WithDocuments(d)
			}
		}
		for _, id := range ids {
			list := []*newsgraph.Document{}
			for _, docID := range byEntity[id] {
				if d := docs[docID]; d != nil {
					list = append(list, d)
				}
			}
			out.documents[id] = list
		}
		return out, nil
	})
	return r.documents, r.level, err
}

// Referenced answers Event.place and Claim.claimant for every entity of the
// level, with one EntitiesByID call for those not known: the entities the
// level's places and claimants name, by id, and the level of all of them.
// One that does not exist is missing.
func (l *Level) Referenced(ctx context.Context) (map[string]*newsgraph.Entity, *Level, error) {
	type result struct {
		entities map[string]*newsgraph.Entity
		level    *Level
	}
	r, err := answer(l, "referenced", func() (result, error) {
		out := result{level: l.child()}
		var ids []string
		for _, e := range l.entities {
			for _, id := range []string{e.PlaceID, e.ClaimantID} {
				if id != "" {
					ids = append(ids, id)
				}
			}
		}
		var err error
		if out.entities, err = l.entitiesNamed(ctx, ids); err != nil {
			return result{}, err
		}
		for _, e := range out.entities {
			out.level.WithEntities(e)
		}
		return out, nil
	})
	return r.entities, r.level, err
}

// entitiesNamed returns the entities with the given ids, by id: those
// the level knows, and the others from one EntitiesByID call. One that
// does not exist is missing.
func (l *Level) entitiesNamed(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	out := map[string]*newsgraph.Entity{}
	var missing []string
	for _, id := range ids {
		if k, ok := l.known[id]; ok {
			out[id] = k
		} else {
			missing = append(missing, id)
		}
	}
	if missing = unique(missing); len(missing) > 0 {
		found, err := l.src.EntitiesByID(ctx, missing)
		if err != nil {
			return nil, err
		}
		for id, e := range found {
			out[id] = e
		}
	}
	return out, nil
}

// Degrees answers Entity.degree for every entity of the level, with one
// Degrees call: each entity's number of relations, by id.
func (l *Level) Degrees(ctx context.Context) (map[string]int, error) {
	return answer(l, "degrees", func() (map[string]int, error) {
		return l.src.Degrees(ctx, l.entityIDs())
	})
}

// entityIDs returns the ids of the level's entities, each once.
func (l *Level) entityIDs() []string {
	ids := make([]string, len(l.entities))
	for i, e := range l.entities {
		ids[i] = e.ID
	}
	return unique(ids)
}

// child returns a new, empty level reading from the same source.
func (l *Level) child() *Level { return NewLevel(l.src) }

// relationPages runs qs in one Relations call.
func (l *Level) relationPages(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	if len(qs) == 0 {
		return nil, nil
	}
	pages, err := l.src.Relations(ctx, qs)
	if err != nil {
		return nil, err
	}
	if len(pages) != len(qs) {
		return nil, fmt.Errorf("store returned %d relation pages for %d queries", len(pages), len(qs))
	}
	return pages, nil
}
