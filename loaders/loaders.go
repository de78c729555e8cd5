// Package loaders batches and caches the store reads of one GraphQL request.
//
// Resolvers that run for every item of a list, such as Relation.from over a
// page of relations, ask the per-request Loaders instead of the store. The
// loaders gather the keys requested within a short wait and answer them with
// one batched store call, so a page costs one call per field, not one per
// item. Values are cached for the rest of the request.
//
// The wait makes batching depend on scheduling: on a busy machine the
// resolvers of a long list may straggle past it. Resolvers that return a
// list therefore prefetch what their items will ask for (the Prefetch
// methods queue keys without waiting), which puts all of them in one batch.
// Resolvers that know every key at once and would otherwise only wait, root
// fields above all, load them directly instead (the Load*Now methods): one
// store call per field, no wait.
package loaders

import (
	"context"
	"errors"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph"
)

// Source is the part of newsgraph.Store the loaders read from: its batched
// methods.
type Source interface {
	EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error)
	DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error)
	Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error)
	Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error)
	DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error)
}

// Defaults of the batching options.
const (
	// DefaultWait is how long a loader gathers keys before calling the
	// store. Root fields load their items' keys directly (the Load*Now
	// methods), so only lists nested in lists wait; their resolvers queue
	// their keys in one loop, which takes microseconds, so a short wait
	// batches them while adding little latency.
	DefaultWait = 500 * time.Microsecond
	// DefaultMaxBatch is the most keys one store call carries.
	DefaultMaxBatch = 1000
)

// Option changes how the loaders batch.
type Option func(*options)

type options struct {
	wait     time.Duration
	maxBatch int
}

// WithWait sets how long a loader gathers keys before calling the store; a
// value <= 0 keeps DefaultWait.
func WithWait(d time.Duration) Option {
	return func(o *options) {
		if d > 0 {
			o.wait = d
		}
	}
}

// WithMaxBatch sets the most keys one store call carries; a value <= 0 keeps
// DefaultMaxBatch.
func WithMaxBatch(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.maxBatch = n
		}
	}
}

// Loaders holds the dataloaders of one request. Create one per request with
// New (or Middleware); its cache lives as long as the request.
type Loaders struct {
	entities  *dataloadgen.Loader[string, *newsgraph.Entity]
	documents *dataloadgen.Loader[string, *newsgraph.Document]
	relations *dataloadgen.Loader[relationKey, newsgraph.Page[*newsgraph.Relation]]
	neighbors *dataloadgen.Loader[neighborhoodKey, newsgraph.Subgraph]
	mentions  *dataloadgen.Loader[string, []*newsgraph.Document]

	// src and the seen sets serve the Load*Now methods (now.go).
	src               Source
	seenEntities      seenKeys[string]
	seenDocuments     seenKeys[string]
	seenRelations     seenKeys[relationKey]
	seenNeighborhoods seenKeys[neighborhoodKey]
	seenMentions      seenKeys[string]
}

// New returns fresh loaders reading from src.
func New(src Source, opts ...Option) *Loaders {
	o := options{wait: DefaultWait, maxBatch: DefaultMaxBatch}
	for _, opt := range opts {
		opt(&o)
	}
	dlOpts := []dataloadgen.Option{dataloadgen.WithWait(o.wait), dataloadgen.WithBatchCapacity(o.maxBatch)}
	l := &Loaders{src: src}
	l.entities = dataloadgen.NewMappedLoader(src.EntitiesByID, dlOpts...)
	l.documents = dataloadgen.NewMappedLoader(src.DocumentsByID, dlOpts...)
	l.relations = dataloadgen.NewMappedLoader(fetchRelations(src), dlOpts...)
	l.neighbors = dataloadgen.NewMappedLoader(l.fetchNeighborhoods(src), dlOpts...)
	l.mentions = dataloadgen.NewMappedLoader(l.fetchMentions(src), dlOpts...)
	return l
}

// Entity returns the entity with the given id, or nil when there is none.
func (l *Loaders) Entity(ctx context.Context, id string) (*newsgraph.Entity, error) {
	return absentIsNil(l.entities.Load(ctx, id))
}

// Document returns the document with the given id, or nil when there is none.
func (l *Loaders) Document(ctx context.Context, id string) (*newsgraph.Document, error) {
	return absentIsNil(l.documents.Load(ctx, id))
}

// PrefetchEntities starts loading the entities with the given ids without
// waiting for them. Queued together, they join one batch; later Entity
// calls for them wait for that batch instead of starting their own.
func (l *Loaders) PrefetchEntities(ctx context.Context, ids ...string) {
	for _, id := range ids {
		l.entities.LoadThunk(ctx, id)
	}
}

// PrefetchDocuments starts loading the documents with the given ids without
// waiting for them, like PrefetchEntities.
func (l *Loaders) PrefetchDocuments(ctx context.Context, ids ...string) {
	for _, id := range ids {
		l.documents.LoadThunk(ctx, id)
	}
}

// PrimeEntities caches entities the caller already holds, so that later
// lookups of their ids cost no store call.
func (l *Loaders) PrimeEntities(es ...*newsgraph.Entity) {
	ids := make([]string, 0, len(es))
	for _, e := range es {
		if e != nil {
			l.entities.Prime(e.ID, e)
			ids = append(ids, e.ID)
		}
	}
	l.seenEntities.mark(ids)
}

// PrimeDocuments caches documents the caller already holds.
func (l *Loaders) PrimeDocuments(ds ...*newsgraph.Document) {
	ids := make([]string, 0, len(ds))
	for _, d := range ds {
		if d != nil {
			l.documents.Prime(d.ID, d)
			ids = append(ids, d.ID)
		}
	}
	l.seenDocuments.mark(ids)
}

func absentIsNil[T any](v *T, err error) (*T, error) {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	return v, err
}

type contextKey struct{}

// NewContext returns a copy of ctx carrying l.
func NewContext(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, contextKey{}, l)
}

// For returns the loaders of the request ctx belongs to, or nil when ctx
// carries none.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(contextKey{}).(*Loaders)
	return l
}
