package graph

import (
	"context"
	"slices"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// Prefetching makes batching independent of scheduling. The loaders batch
// the keys that arrive within a short wait; the item resolvers of a long
// list, each in its own goroutine, may straggle past it on a busy machine.
// A list resolver that queues every item's key at once, before any item
// resolves, gets one store call per field however the goroutines are
// scheduled (barring a stall longer than the wait within that one loop);
// the item resolvers then find their values in the loader cache.
// Prefetching is only an optimisation: whatever it skips, the item
// resolvers load themselves.
//
// Root fields go further: they know every key their items need as soon as
// their own store call returns, so waiting for more keys would only add
// latency (the whole loader wait, on every request). They use the load*
// variants, which call the store at once for the keys not cached yet
// (loaders.Loaders.LoadEntitiesNow and friends); the item resolvers then
// find everything cached. Fields nested in lists keep the queued prefetch,
// so that siblings' keys still share a batch.

// prefetchRelationFields starts loading the ends, evidence documents and
// status counts of rels that the current field's selection asks for; path leads from the
// current field to the Relation objects ("edges", "node" for a connection).
func prefetchRelationFields(ctx context.Context, rels []*newsgraph.Relation, path ...string) {
	queueRelationFields(ctx, queue, rels, path...)
}

// loadRelationFields is prefetchRelationFields for root fields: it loads
// the values at once (see loaders.Loaders.LoadEntitiesNow), without the
// loaders' wait.
func loadRelationFields(ctx context.Context, rels []*newsgraph.Relation, path ...string) {
	queueRelationFields(ctx, loadNow, rels, path...)
}

// fetchMode says how the prefetch functions hand keys to the loaders:
// queued for the next batch, or loaded at once.
type fetchMode bool

const (
	queue   fetchMode = false
	loadNow fetchMode = true
)

func queueRelationFields(ctx context.Context, mode fetchMode, rels []*newsgraph.Relation, path ...string) {
	l := loaders.For(ctx)
	if l == nil || len(rels) == 0 {
		return
	}
	var entityIDs []string
	if selected(ctx, slices.Concat(path, []string{"from"})...) {
		for _, r := range rels {
			entityIDs = append(entityIDs, r.From)
		}
	}
	if selected(ctx, slices.Concat(path, []string{"to"})...) {
		for _, r := range rels {
			entityIDs = append(entityIDs, r.To)
		}
	}
	var statusQs []newsgraph.RelationQuery
	if selected(ctx, slices.Concat(path, []string{"status"})...) {
		for _, r := range rels {
			statusQs = append(statusQs, statusQueries(r)...)
		}
	}
	var docIDs []string
	if selected(ctx, slices.Concat(path, []string{"evidence", "document"})...) ||
		selected(ctx, slices.Concat(path, []string{"firstReported"})...) ||
		selected(ctx, slices.Concat(path, []string{"lastReported"})...) {
		for _, r := range rels {
			for _, ev := range r.Evidence {
				docIDs = append(docIDs, ev.DocumentID)
			}
		}
	}
	if mode == loadNow {
		// Errors are left to the item resolvers, which load what is
		// missing themselves and report the failure where it belongs.
		if len(entityIDs) > 0 {
			_ = l.LoadEntitiesNow(ctx, entityIDs...)
		}
		if len(statusQs) > 0 {
			_ = l.LoadRelationsNow(ctx, statusQs...)
		}
		if len(docIDs) > 0 {
			_ = l.LoadDocumentsNow(ctx, docIDs...)
		}
		return
	}
	l.PrefetchEntities(ctx, entityIDs...)
	l.PrefetchRelations(ctx, statusQs...)
	l.PrefetchDocuments(ctx, docIDs...)
}

// prefetchEntityFields starts loading the relations pages, neighbours and
// mentioning documents that the current field's selection asks for on each of entities; path
// leads from the current field to the Entity objects ("edges", "node" for
// a connection, nothing for a list of entities). The queries are built
// first and queued in one go, so that building them cannot outlast the
// loaders' wait.
func prefetchEntityFields(ctx context.Context, entities []*newsgraph.Entity, path ...string) {
	queueEntityFields(ctx, queue, entities, path...)
}

// loadEntityFields is prefetchEntityFields for root fields: it loads the
// values at once, without the loaders' wait.
func loadEntityFields(ctx context.Context, entities []*newsgraph.Entity, path ...string) {
	queueEntityFields(ctx, loadNow, entities, path...)
}

func queueEntityFields(ctx context.Context, mode fetchMode, entities []*newsgraph.Entity, path ...string) {
	l := loaders.For(ctx)
	if l == nil || len(entities) == 0 {
		return
	}
	// ArgumentMap panics on argument values that validation has already
	// rejected; should one get through, skipping the prefetch is right.
	defer func() { _ = recover() }()
	sets := selectionsAt(ctx, path...)
	if len(sets) == 0 {
		return
	}
	argsByKind := map[newsgraph.Kind]entityFieldArgs{}
	var relationQueries []newsgraph.RelationQuery
	var neighborQueries []newsgraph.NeighborhoodQuery
	var mentioned []string
	for _, e := range entities {
		fa, ok := argsByKind[e.Kind]
		if !ok {
			fa = collectEntityFieldArgs(ctx, sets, model.ObjectTypeName(e.Kind))
			argsByKind[e.Kind] = fa
		}
		if fa.documents {
			mentioned = append(mentioned, e.ID)
		}
		for _, a := range fa.relations {
			if q, ok := relationsQueryOf(a, e.ID); ok {
				relationQueries = append(relationQueries, q)
			}
		}
		for _, a := range fa.neighbors {
			if q, ok := neighborsQueryOf(a, e.ID); ok {
				neighborQueries = append(neighborQueries, q)
			}
		}
	}
	if mode == loadNow {
		if len(relationQueries) > 0 {
			_ = l.LoadRelationsNow(ctx, relationQueries...)
		}
		if len(neighborQueries) > 0 {
			_ = l.LoadNeighborhoodsNow(ctx, neighborQueries...)
		}
		if len(mentioned) > 0 {
			_ = l.LoadDocumentsMentioningNow(ctx, mentioned...)
		}
		return
	}
	l.PrefetchRelations(ctx, relationQueries...)
	l.PrefetchNeighborhoods(ctx, neighborQueries...)
	l.PrefetchDocumentsMentioning(ctx, mentioned...)
}

// entityFieldArgs holds the arguments of every occurrence of the relations
// and neighbors fields selected on one Entity object type, and whether
// documents or firstSeen is selected.
type entityFieldArgs struct {
	relations []args
	neighbors []args
	documents bool
}

func collectEntityFieldArgs(ctx context.Context, sets []ast.SelectionSet, typeName string) entityFieldArgs {
	var fa entityFieldArgs
	for _, set := range sets {
		for _, f := range fieldsOn(ctx, set, typeName, "Entity") {
			switch f.Name {
			case "relations":
				fa.relations = append(fa.relations, fieldArgs(ctx, f))
			case "neighbors":
				fa.neighbors = append(fa.neighbors, fieldArgs(ctx, f))
			case "documents", "firstSeen":
				fa.documents = true
			}
		}
	}
	return fa
}

// relationsQueryOf is the query Entity.relations runs with arguments a, if
// a is readable and valid.
func relationsQueryOf(a args, id string) (newsgraph.RelationQuery, bool) {
	types, okTypes := a.strings("types")
	direction, okDirection := a.string("direction")
	first, okFirst := a.int("first", newsgraph.DefaultPageSize)
	after, okAfter := a.string("after")
	asOf, okAsOf := a.date("asOf")
	if !okTypes || !okDirection || !okFirst || !okAfter || !okAsOf {
		return newsgraph.RelationQuery{}, false
	}
	q := relationsQuery(id, types, newsgraph.Direction(direction).OrBoth(), first, after, asOf)
	return q, q.Validate() == nil
}

// neighborsQueryOf is the query Entity.neighbors runs with arguments a, if
// a is readable and valid.
func neighborsQueryOf(a args, id string) (newsgraph.NeighborhoodQuery, bool) {
	direction, okDirection := a.string("direction")
	types, okTypes := a.strings("types")
	kindNames, okKinds := a.strings("kinds")
	first, okFirst := a.int("first", newsgraph.DefaultPageSize)
	asOf, okAsOf := a.date("asOf")
	if !okDirection || !okTypes || !okKinds || !okFirst || !okAsOf {
		return newsgraph.NeighborhoodQuery{}, false
	}
	var kinds []newsgraph.Kind
	for _, k := range kindNames {
		kinds = append(kinds, newsgraph.Kind(k))
	}
	q, err := neighborsQuery(id, newsgraph.Direction(direction).OrBoth(), types, kinds, first, asOf)
	return q, err == nil
}
