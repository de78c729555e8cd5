package graph

import (
	"context"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/vektah/gqlparser/v2/ast"
)

// boundedCache keeps values by a text key, least recently used evicted
// first, bounded both by count and by the bytes the entries weigh: a count
// alone let a thousand queries padded with a megabyte of comment each pin a
// gigabyte. An entry heavier than maxEntry bytes is never kept. It
// implements gqlgen's graphql.Cache, for parsed queries and for the query
// texts of automatic persisted queries.
type boundedCache[V any] struct {
	mu       sync.Mutex
	lru      *simplelru.LRU[string, V]
	weight   func(key string, value V) int
	bytes    int // the weight of the entries kept
	maxBytes int
	maxEntry int
}

// newBoundedCache returns a cache of at most size entries, maxBytes of
// weight in all and maxEntry bytes each.
func newBoundedCache[V any](size, maxBytes, maxEntry int, weight func(key string, value V) int) *boundedCache[V] {
	c := &boundedCache[V]{weight: weight, maxBytes: maxBytes, maxEntry: maxEntry}
	// simplelru.NewLRU fails only for a size below 1, which
	// Config.withDefaults rules out.
	c.lru, _ = simplelru.NewLRU(size, func(key string, value V) { c.bytes -= c.weight(key, value) })
	return c
}

// newQueryCache returns the cache of parsed queries, which weigh the bytes
// of their text: the parsed form is proportional to it.
func newQueryCache(size, maxBytes, maxQuery int) *boundedCache[*ast.QueryDocument] {
	return newBoundedCache(size, maxBytes, maxQuery, func(key string, _ *ast.QueryDocument) int { return len(key) })
}

// newTextCache returns the cache of automatic persisted queries: query
// texts by their hash.
func newTextCache(size, maxBytes, maxQuery int) *boundedCache[string] {
	return newBoundedCache(size, maxBytes, maxQuery, func(key, value string) int { return len(key) + len(value) })
}

// Get returns the value kept under key, if any.
func (c *boundedCache[V]) Get(_ context.Context, key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// Add keeps value under key, evicting the least recently used entries until
// the weight kept fits maxBytes again.
func (c *boundedCache[V]) Add(_ context.Context, key string, value V) {
	w := c.weight(key, value)
	if w > c.maxEntry || w > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key) // an update re-weighs the entry
	c.bytes += w
	c.lru.Add(key, value) // may evict the oldest entry, which lowers bytes
	for c.bytes > c.maxBytes {
		if _, _, ok := c.lru.RemoveOldest(); !ok {
			break
		}
	}
}

// Len reports the number of entries kept and their weight in bytes.
func (c *boundedCache[V]) Len() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.bytes
}
