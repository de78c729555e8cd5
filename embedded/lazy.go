package embedded

import (
	"sync"
	"sync/atomic"
)

// lazy holds a derived part of the index, such as the search index or the
// traversal view, that is built when first needed: readers share it under
// the index's read lock, and the first reader to find none builds it while
// the others wait for it. Writes, under the write lock, update it in place
// or drop it for the next reader to build.
type lazy[T any] struct {
	mu      sync.Mutex
	current atomic.Pointer[T]
}

// get returns the value, building it with build when there is none. The
// caller holds the read lock.
func (l *lazy[T]) get(build func() *T) *T {
	if v := l.current.Load(); v != nil {
		return v
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if v := l.current.Load(); v != nil {
		return v
	}
	v := build()
	l.current.Store(v)
	return v
}

// built returns the value, or nil when it is not built.
func (l *lazy[T]) built() *T { return l.current.Load() }

// set replaces the value; nil drops it. The caller holds the write lock.
func (l *lazy[T]) set(v *T) { l.current.Store(v) }
