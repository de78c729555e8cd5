// Package loaders batches the store reads of a GraphQL answer by level.
//
// A level is the entities, relations and documents that one field
// returned together: a page of relations, a subgraph's nodes and edges, a
// path, the hits of a search, the pages of relations of every entity of a
// page. The objects of the answer carry their level, and every field of
// theirs that needs the store asks the level, which answers it for all its
// objects at once, the first time any of them asks, with one batched store
// call, and remembers the answer for the others. A query therefore costs
// one store call per field per level, whatever the list sizes and however
// gqlgen schedules the resolvers: no wait, no lookahead, no prefetching.
// The fields that return objects give them a level of their own, the next
// one down.
//
// gqlgen's batch resolvers hand a resolver all the siblings of one list at
// once; a level also covers the objects gqlgen cannot batch, such as the
// node of each edge of a connection, and the objects of one answer split
// over several lists by type.
package loaders

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// Source is the part of newsgraph.Store the levels read: its batched
// methods.
type Source interface {
	EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error)
	DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error)
	Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error)
	Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error)
	DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error)
	MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error)
	Degrees(ctx context.Context, ids []string) (map[string]int, error)
}

// Level is one level of an answer. Build it with NewLevel and the With
// methods before handing it out; from then on it is safe for concurrent
// use, and its answers are remembered for as long as the answer lives.
type Level struct {
	src       Source
	entities  []*newsgraph.Entity
	relations []*newsgraph.Relation
	documents []*newsgraph.Document
	// known are entities at hand, by id: a relation end among them costs
	// no store call.
	known map[string]*newsgraph.Entity

	mu      sync.Mutex
	answers map[string]any // by field key: a func() (T, error) from sync.OnceValues
}

// NewLevel returns an empty level reading from src.
func NewLevel(src Source) *Level {
	return &Level{src: src, known: map[string]*newsgraph.Entity{}, answers: map[string]any{}}
}

// WithEntities adds entities to the level; they are known too.
func (l *Level) WithEntities(es ...*newsgraph.Entity) *Level {
	l.entities = append(l.entities, es...)
	return l.Knowing(es...)
}

// WithRelations adds relations to the level.
func (l *Level) WithRelations(rs ...*newsgraph.Relation) *Level {
	l.relations = append(l.relations, rs...)
	return l
}

// WithDocuments adds documents to the level.
func (l *Level) WithDocuments(ds ...*newsgraph.Document) *Level {
	l.documents = append(l.documents, ds...)
	return l
}

// Knowing makes entities at hand known to the level, such as a subgraph's
// nodes for its edges' ends, without adding them to it.
func (l *Level) Knowing(es ...*newsgraph.Entity) *Level {
	for _, e := range es {
		if e != nil {
			l.known[e.ID] = e
		}
	}
	return l
}

// answer returns the answer to the field key of l, computing it with
// compute the first time; callers of the same key wait for that one call.
func answer[T any](l *Level, key string, compute func() (T, error)) (T, error) {
	l.mu.Lock()
	f, ok := l.answers[key].(func() (T, error))
	if !ok {
		f = sync.OnceValues(compute)
		l.answers[key] = f
	}
	l.mu.Unlock()
	return f()
}

// keyOf renders a field's arguments as part of an answer key.
func keyOf(field string, args ...any) string {
	var b strings.Builder
	b.WriteString(field)
	for _, a := range args {
		fmt.Fprintf(&b, "|%v", a)
	}
	return b.String()
}

// unique returns ids without repeats and without the empty id, in order.
func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Next returns the level below l that key names, built by build the first
// time: the objects that one of l's fields returns (its relations' ends,
// say) form one level, whichever of l's objects asked first.
func (l *Level) Next(key string, build func(next *Level)) *Level {
	next, _ := answer(l, "next|"+key, func() (*Level, error) {
		n := l.child()
		build(n)
		return n, nil
	})
	return next
}
