package export

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// Reader is the part of a store an export reads.
type Reader interface {
	newsgraph.EntityReader
	newsgraph.RelationReader
	newsgraph.DocumentReader
	newsgraph.Traverser
}

// Node is an entity with the attributes an export derives for it.
type Node struct {
	*newsgraph.Entity
	// Degree is the number of the entity's relations in the store, a
	// self-loop counted once, whatever the export's filters.
	Degree int
	// FirstSeen is the earliest publication day of a document that
	// mentions the entity; zero when none is dated.
	FirstSeen newsgraph.Date
}

// Edge is a relation with the attributes an export derives for it.
type Edge struct {
	*newsgraph.Relation
	// Disputed is newsgraph.DisputedBy: an end is a claim another relation
	// contradicts.
	Disputed bool
	// FirstReported and LastReported are the earliest and latest
	// publication days of the documents quoted as evidence; zero when none
	// is dated.
	FirstReported, LastReported newsgraph.Date
}

// Status is the relation's status as the GraphQL API names it: DISPUTED or
// ASSERTED.
func (e *Edge) Status() string {
	if e.Disputed {
		return "DISPUTED"
	}
	return "ASSERTED"
}

// Corroboration is the number of distinct documents quoted as evidence.
func (e *Edge) Corroboration() int { return len(e.DocumentIDs()) }

// Graph is a graph to export. Its nodes and edges can be walked more than
// once, always in the same order; every edge's ends are among its nodes.
type Graph interface {
	// Nodes calls yield for each node, stopping at the first error.
	Nodes(ctx context.Context, yield func(*Node) error) error
	// Edges calls yield for each edge, stopping at the first error.
	Edges(ctx context.Context, yield func(*Edge) error) error
}

// Query says what to export.
type Query struct {
	// Around is the id of the entity whose neighbourhood is exported; empty
	// exports the whole graph.
	Around string
	// Depth (1..newsgraph.MaxNeighborhoodDeep, default 1) and Limit (the
	// most nodes, 1..newsgraph.MaxPageSize, default MaxPageSize) bound the
	// neighbourhood; they are only for Around.
	Depth, Limit int
	// Types keeps the relations of these types when not empty.
	Types []string
	// Kinds keeps the entities of these kinds, and the relations between
	// them, when not empty.
	Kinds []newsgraph.Kind
	// AsOf, when not zero, keeps the relations valid on that day.
	AsOf newsgraph.Date
	// Induced adds to a neighbourhood every other relation among its nodes
	// that Types and AsOf keep (newsgraph.NeighborhoodQuery.Induced); it is
	// only for Around.
	Induced bool
}

// Validate checks q before anything is read: an Invalid or LimitExceeded
// *newsgraph.Error naming the offending value.
func (q Query) Validate() error {
	for _, k := range q.Kinds {
		if !k.Valid() {
			return newsgraph.Errorf(newsgraph.Invalid, "kinds: unknown kind %q (one of %v)", k, newsgraph.AllKinds)
		}
	}
	if q.Around == "" {
		if q.Depth != 0 || q.Limit != 0 || q.Induced {
			return newsgraph.Errorf(newsgraph.Invalid, "depth, limit and induced are for a neighbourhood: give the entity it is around")
		}
		return newsgraph.CheckRelationTypes(q.Types)
	}
	return q.neighborhood().Validate()
}

// neighborhood is the walk an Around query asks of the store.
func (q Query) neighborhood() newsgraph.NeighborhoodQuery {
	n := newsgraph.NeighborhoodQuery{ID: q.Around, Depth: q.Depth, Direction: newsgraph.Both, Types: q.Types, Kinds: q.Kinds, Limit: q.Limit, AsOf: q.AsOf, Induced: q.Induced}
	if n.Depth == 0 {
		n.Depth = 1
	}
	if n.Limit == 0 {
		n.Limit = newsgraph.MaxPageSize
	}
	return n
}

// Open returns the graph q selects from store. A neighbourhood is read
// here, whole; the whole graph is read as it is walked, a page at a time,
// after a first pass over the relations and documents that derives degrees,
// first-seen days and disputes (held per entity and per document).
func Open(ctx context.Context, store Reader, q Query) (Graph, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if q.Around != "" {
		return openNeighborhood(ctx, store, q)
	}
	return openWhole(ctx, store, q)
}

// keepsKind reports whether an entity of kind k is kept by kinds.
func keepsKind(kinds []newsgraph.Kind, k newsgraph.Kind) bool {
	return len(kinds) == 0 || slices.Contains(kinds, k)
}

// reportedRange returns the earliest and latest of the dated days of ids.
func reportedRange(days map[string]newsgraph.Date, ids []string) (first, last newsgraph.Date) {
	for _, id := range ids {
		d := days[id]
		if d.IsZero() {
			continue
		}
		if first.IsZero() || d.Compare(first) < 0 {
			first = d
		}
		if last.IsZero() || d.Compare(last) > 0 {
			last = d
		}
	}
	return first, last
}

// earliest returns the earlier of two days, a zero day counting as none.
func earliest(a, b newsgraph.Date) newsgraph.Date {
	if a.IsZero() || (!b.IsZero() && b.Compare(a) < 0) {
		return b
	}
	return a
}
