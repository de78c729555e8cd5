package embedded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// FileName is the name of the database file Open creates in its directory.
const FileName = "newsgraph.db"

// initialMmapSize is the address space mapped for the database file at
// Open; bbolt doubles it as the file grows beyond.
const initialMmapSize = 1 << 30

// lockTimeout bounds how long Open waits for the file lock that another
// process (or another open Store) holds.
const lockTimeout = time.Second

// Store is the embedded newsgraph store. It is safe for concurrent use.
type Store struct {
	db *bolt.DB

	// writeMu serialises writers: validation, the bbolt transaction and the
	// index update of one write happen without another writer in between.
	writeMu sync.Mutex
	// mu guards idx: readers hold it shared, the index update of a
	// committed write holds it exclusively.
	mu  sync.RWMutex
	idx *index

	closeOnce sync.Once
	closeErr  error
}

var _ newsgraph.Store = (*Store)(nil)

// Open opens the store in dir, creating the directory and the database file
// dir/newsgraph.db when they do not exist, and loads the graph into memory.
// A database file that another process holds open is an Unavailable error.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("embedded: create %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      lockTimeout,
		FreelistType: bolt.FreelistMapType,
		// Mapping 1 GiB of address space up front (not of memory or disk)
		// spares a growing file the remaps that copy every dirty node.
		InitialMmapSize: initialMmapSize,
	})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, &newsgraph.Error{
			Code:    newsgraph.Unavailable,
			Op:      "open",
			Message: fmt.Sprintf("database %s is locked by another process (waited %s): stop it or use another directory", path, lockTimeout),
			Err:     err,
		}
	}
	if err != nil {
		return nil, fmt.Errorf("embedded: open %s: %w", path, err)
	}
	s := &Store{db: db}
	idx, err := load(ctx, db)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("embedded: load %s: %w", path, err)
	}
	s.idx = idx
	go s.warm()
	return s, nil
}

// Ping reports whether the store is open.
func (s *Store) Ping(ctx context.Context) error {
	return s.read(ctx, func(*index) error { return nil })
}

// Close closes the database file and drops the in-memory indexes. Calling
// it again returns the first call's result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		s.mu.Lock()
		s.idx = nil
		s.mu.Unlock()
		s.closeErr = s.db.Close()
	})
	return s.closeErr
}

// read runs fn with the index under the read lock, or returns Unavailable
// when the store is closed.
func (s *Store) read(ctx context.Context, fn func(ix *index) error) error {
	if err := ctx.Err(); err != nil {
		return contextErr(err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.idx == nil {
		return newsgraph.Errorf(newsgraph.Unavailable, "the embedded store is closed")
	}
	return fn(s.idx)
}

// contextErr reports that the caller's context ended: its deadline passed
// (which the API reports as LIMIT_EXCEEDED with its time limit) or it was
// cancelled. The error matches context.DeadlineExceeded or
// context.Canceled with errors.Is and carries no domain code: the embedded
// store always answers, so a deadline is the caller's, never the store's.
func contextErr(err error) error {
	return fmt.Errorf("embedded: %w", err)
}
