// Package countstore wraps a store to count the calls of its read methods
// and the keys (ids or queries) the batched ones are given: the tests that
// bound the store round trips of an answer (packages graph, loaders,
// subgraph) count with it, on the real store.
package countstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// Store is a newsgraph.Store that counts the calls of every read method;
// writes pass through uncounted. It is safe for concurrent use.
type Store struct {
	newsgraph.Store
	mu    sync.Mutex
	calls map[string]int
	keys  map[string]int
}

// New returns s counting.
func New(s newsgraph.Store) *Store {
	return &Store{Store: s, calls: map[string]int{}, keys: map[string]int{}}
}

func (s *Store) count(method string, keys int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
	s.keys[method] += keys
}

// Calls returns the number of calls of method so far.
func (s *Store) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Keys returns the number of keys (ids or queries) method was given so
// far, over all its calls.
func (s *Store) Keys(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[method]
}

// All returns the calls so far by method; methods not called are absent.
func (s *Store) All() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.calls)
}

// Total returns the number of calls so far and a summary by method, such
// as "EntitiesByID=1 Relations=2".
func (s *Store) Total() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	var parts []string
	for _, m := range slices.Sorted(maps.Keys(s.calls)) {
		n += s.calls[m]
		parts = append(parts, fmt.Sprintf("%s=%d", m, s.calls[m]))
	}
	return n, strings.Join(parts, " ")
}

// Reset forgets the calls so far.
func (s *Store) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.calls)
	clear(s.keys)
}

// EntitiesByID counts a call and its keys, then asks the store.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	s.count("EntitiesByID", len(ids))
	return s.Store.EntitiesByID(ctx, ids)
}

// Entities counts a call, then asks the store.
func (s *Store) Entities(ctx context.Context, q newsgraph.EntityQuery) (newsgraph.Page[*newsgraph.Entity], error) {
	s.count("Entities", 0)
	return s.Store.Entities(ctx, q)
}

// Search counts a call, then asks the store.
func (s *Store) Search(ctx context.Context, q newsgraph.SearchQuery) ([]newsgraph.SearchHit, error) {
	s.count("Search", 0)
	return s.Store.Search(ctx, q)
}

// EntitiesNamed counts a call and its keys, then asks the store.
func (s *Store) EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
	s.count("EntitiesNamed", len(keys))
	return s.Store.EntitiesNamed(ctx, keys)
}

// RelationsByID counts a call and its keys, then asks the store.
func (s *Store) RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error) {
	s.count("RelationsByID", len(ids))
	return s.Store.RelationsByID(ctx, ids)
}

// Relations counts a call and its keys, then asks the store.
func (s *Store) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	s.count("Relations", len(qs))
	return s.Store.Relations(ctx, qs)
}

// RelationTypes counts a call, then asks the store.
func (s *Store) RelationTypes(ctx context.Context) ([]newsgraph.TypeCount, error) {
	s.count("RelationTypes", 0)
	return s.Store.RelationTypes(ctx)
}

// Stats counts a call, then asks the store.
func (s *Store) Stats(ctx context.Context) (newsgraph.Stats, error) {
	s.count("Stats", 0)
	return s.Store.Stats(ctx)
}

// DocumentsByID counts a call and its keys, then asks the store.
func (s *Store) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	s.count("DocumentsByID", len(ids))
	return s.Store.DocumentsByID(ctx, ids)
}

// Documents counts a call, then asks the store.
func (s *Store) Documents(ctx context.Context, q newsgraph.DocumentQuery) (newsgraph.Page[*newsgraph.Document], error) {
	s.count("Documents", 0)
	return s.Store.Documents(ctx, q)
}

// DocumentIDsMentioning counts a call and its keys, then asks the store.
func (s *Store) DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error) {
	s.count("DocumentIDsMentioning", len(entityIDs))
	return s.Store.DocumentIDsMentioning(ctx, entityIDs)
}

// MentionsIn counts a call and its keys, then asks the store.
func (s *Store) MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error) {
	s.count("MentionsIn", len(documentIDs))
	return s.Store.MentionsIn(ctx, documentIDs)
}

// Neighborhoods counts a call and its keys, then asks the store.
func (s *Store) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	s.count("Neighborhoods", len(qs))
	return s.Store.Neighborhoods(ctx, qs)
}

// Degrees counts a call and its keys, then asks the store.
func (s *Store) Degrees(ctx context.Context, ids []string) (map[string]int, error) {
	s.count("Degrees", len(ids))
	return s.Store.Degrees(ctx, ids)
}

// ShortestPath counts a call, then asks the store.
func (s *Store) ShortestPath(ctx context.Context, q newsgraph.PathQuery) (*newsgraph.Path, error) {
	s.count("ShortestPath", 0)
	return s.Store.ShortestPath(ctx, q)
}

// Paths counts a call, then asks the store.
func (s *Store) Paths(ctx context.Context, q newsgraph.PathQuery) ([]newsgraph.Path, error) {
	s.count("Paths", 0)
	return s.Store.Paths(ctx, q)
}
