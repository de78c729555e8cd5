package graph

import (
	"context"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/vektah/gqlparser/v2/ast"
)

// queryCache keeps parsed queries by their text, least recently used
// evicted first, bounded both by count and by the bytes of text kept: a
// count alone let a thousand queries padded with a megabyte of comment each
// pin a gigabyte. A query longer than maxQuery bytes is never kept; it is
// parsed again each time it comes. It implements gqlgen's graphql.Cache.
type queryCache struct {
	mu       sync.Mutex
	lru      *simplelru.LRU[string, *ast.QueryDocument]
	bytes    int // text bytes of the cached keys
	maxBytes int
	maxQuery int
}

// newQueryCache returns a cache of at most size queries, maxBytes of text
// in all and maxQuery bytes each.
func newQueryCache(size, maxBytes, maxQuery int) *queryCache {
	c := &queryCache{maxBytes: maxBytes, maxQuery: maxQuery}
	// simplelru.NewLRU fails only for a size below 1, which
	// Config.withDefaults rules out.
	c.lru, _ = simplelru.NewLRU(size, func(key string, _ *ast.QueryDocument) { c.bytes -= len(key) })
	return c
}

// Get returns the parsed query of the text key, if kept.
func (c *queryCache) Get(_ context.Context, key string) (*ast.QueryDocument, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// Add keeps the parsed query of the text key, evicting the least recently
// used ones until the text kept fits maxBytes again.
func (c *queryCache) Add(_ context.Context, key string, value *ast.QueryDocument) {
	if len(key) > c.maxQuery || len(key) > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Contains(key) {
		c.lru.Add(key, value)
		return
	}
	c.bytes += len(key)
	c.lru.Add(key, value) // may evict the oldest entry, which lowers bytes
	for c.bytes > c.maxBytes {
		if _, _, ok := c.lru.RemoveOldest(); !ok {
			break
		}
	}
}

// Len reports the number of queries kept and the bytes of their text.
func (c *queryCache) Len() (queries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.bytes
}
