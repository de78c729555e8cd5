package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// EntitiesByID returns the entities with the given ids that exist, keyed by
// the requested id, in one round trip; an id merged away maps to its
// survivor.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	if len(ids) == 0 {
		return map[string]*newsgraph.Entity{}, nil
	}
	return readTx(ctx, s, "entitiesById", func(tx neo4j.ManagedTransaction) (map[string]*newsgraph.Entity, error) {
		recs, err := run(ctx, tx, entitiesByIDResolved, map[string]any{"ids": unique(ids)})
		if err != nil {
			return nil, err
		}
		out := make(map[string]*newsgraph.Entity, len(recs))
		for _, rec := range recs {
			requested, err := value[string](rec, "requested")
			if err != nil {
				return nil, err
			}
			if out[requested], err = entityOf(rec, "e"); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// Entities returns a page of entities in ascending id order.
func (s *Store) Entities(ctx context.Context, q newsgraph.EntityQuery) (newsgraph.Page[*newsgraph.Entity], error) {
	if err := q.Validate(); err != nil {
		return newsgraph.Page[*newsgraph.Entity]{}, err
	}
	after, _ := newsgraph.DecodeCursor(q.After) // Validate checked it.
	return readTx(ctx, s, "entities", func(tx neo4j.ManagedTransaction) (newsgraph.Page[*newsgraph.Entity], error) {
		recs, err := run(ctx, tx, entitiesPage, map[string]any{
			"kinds": kindStrings(q.Kinds), "after": after, "limit": int64(q.First + 1),
		})
		return nodePage(recs, err, q.First, entityFromProps)
	})
}

// DocumentsByID returns the documents with the given ids that exist, keyed
// by id, in one round trip.
func (s *Store) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	if len(ids) == 0 {
		return map[string]*newsgraph.Document{}, nil
	}
	return readTx(ctx, s, "documentsById", func(tx neo4j.ManagedTransaction) (map[string]*newsgraph.Document, error) {
		return lookupDocuments(ctx, tx, unique(ids))
	})
}

// Documents returns a page of documents in ascending id order.
func (s *Store) Documents(ctx context.Context, q newsgraph.DocumentQuery) (newsgraph.Page[*newsgraph.Document], error) {
	if err := q.Validate(); err != nil {
		return newsgraph.Page[*newsgraph.Document]{}, err
	}
	after, _ := newsgraph.DecodeCursor(q.After) // Validate checked it.
	return readTx(ctx, s, "documents", func(tx neo4j.ManagedTransaction) (newsgraph.Page[*newsgraph.Document], error) {
		recs, err := run(ctx, tx, documentsPage, map[string]any{"after": after, "limit": int64(q.First + 1)})
		return nodePage(recs, err, q.First, documentFromProps)
	})
}

// RelationTypes returns every relation type with its number of relations,
// by count descending, then type ascending.
func (s *Store) RelationTypes(ctx context.Context) ([]newsgraph.TypeCount, error) {
	return readTx(ctx, s, "relationTypes", func(tx neo4j.ManagedTransaction) ([]newsgraph.TypeCount, error) {
		recs, err := run(ctx, tx, relationTypes, nil)
		if err != nil {
			return nil, err
		}
		out := make([]newsgraph.TypeCount, 0, len(recs))
		for _, rec := range recs {
			typ, err := value[string](rec, "type")
			if err != nil {
				return nil, err
			}
			n, err := count(rec, "count")
			if err != nil {
				return nil, err
			}
			out = append(out, newsgraph.TypeCount{Type: typ, Count: n})
		}
		return out, nil
	})
}

// Stats counts entities (by kind), relations and documents.
func (s *Store) Stats(ctx context.Context) (newsgraph.Stats, error) {
	return readTx(ctx, s, "stats", func(tx neo4j.ManagedTransaction) (newsgraph.Stats, error) {
		var st newsgraph.Stats
		recs, err := run(ctx, tx, stats, nil)
		if err != nil || len(recs) != 1 {
			return st, resultErr(err, len(recs))
		}
		rec := recs[0]
		if st.Relations, err = count(rec, "relations"); err != nil {
			return st, err
		}
		if st.Documents, err = count(rec, "documents"); err != nil {
			return st, err
		}
		byKind, err := listOf[map[string]any](rec, "byKind")
		if err != nil {
			return st, err
		}
		counts := make(map[newsgraph.Kind]int, len(byKind))
		for _, kc := range byKind {
			kind, _ := kc["kind"].(string)
			n, _ := kc["count"].(int64)
			counts[newsgraph.Kind(kind)] = int(n)
		}
		for _, k := range newsgraph.AllKinds {
			st.ByKind = append(st.ByKind, newsgraph.KindCount{Kind: k, Count: counts[k]})
			st.Entities += counts[k]
		}
		return st, nil
	})
}

// cut trims items fetched with a limit of first+1 to the page size and
// reports whether more items follow.
func cut[T any](items []T, first int) ([]T, bool) {
	if len(items) > first {
		return items[:first], true
	}
	return items, false
}

// unique returns ids without duplicates, in first-seen order.
func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// resultErr returns err, or an error saying that a statement meant to
// return one record returned n.
func resultErr(err error, n int) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("statement returned %d records, want 1", n)
}

// nodePage reads the one record a page statement returns: "total", the
// number of matches, and "page", up to first+1 nodes in order, mapped with
// fromProps. The extra node only tells that a next page exists.
func nodePage[T any](recs []*neo4j.Record, err error, first int, fromProps func(map[string]any) (T, error)) (newsgraph.Page[T], error) {
	var page newsgraph.Page[T]
	if err != nil || len(recs) != 1 {
		return page, resultErr(err, len(recs))
	}
	if page.TotalCount, err = count(recs[0], "total"); err != nil {
		return page, err
	}
	nodes, err := listOf[neo4j.Node](recs[0], "page")
	if err != nil {
		return page, err
	}
	for _, n := range nodes {
		item, err := fromProps(n.Props)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, item)
	}
	page.Items, page.HasNextPage = cut(page.Items, first)
	return page, nil
}
