package embedded_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storetest"
	bolt "go.etcd.io/bbolt"
)

// writeVersion1 writes b into a new database file in dir the way schema
// version 1 stored it: JSON values keyed by id.
func writeVersion1(t *testing.T, dir string, version string, b newsgraph.Batch) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, embedded.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	put := func(tx *bolt.Tx, bucket, key string, v any) {
		t.Helper()
		bk, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := bk.Put([]byte(key), raw); err != nil {
			t.Fatal(err)
		}
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("schema"), []byte(version)); err != nil {
			return err
		}
		for _, d := range b.Documents {
			put(tx, "documents", d.ID, d)
		}
		for _, e := range b.Entities {
			put(tx, "entities", e.ID, e)
		}
		for _, r := range b.Relations {
			put(tx, "relations", r.ID, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenUpgradesSchemaVersion1(t *testing.T) {
	dir := t.TempDir()
	want := storetest.Fixture()
	want.Normalize()
	writeVersion1(t, dir, "1", want)

	for _, pass := range []string{"upgrading", "after the upgrade"} {
		s, err := embedded.Open(t.Context(), dir)
		if err != nil {
			t.Fatalf("Open %s: %v", pass, err)
		}
		storetest.CheckHolds(t, s, want)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := bolt.Open(filepath.Join(dir, embedded.FileName), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if got, want := string(tx.Bucket([]byte("meta")).Get([]byte("schema"))), "2"; got != want {
			t.Errorf("schema version after the upgrade = %q, want %q", got, want)
		}
		return nil
	})
}

func TestOpenRefusesUnknownSchemaVersion(t *testing.T) {
	dir := t.TempDir()
	writeVersion1(t, dir, "99", newsgraph.Batch{})
	s, err := embedded.Open(t.Context(), dir)
	if err == nil {
		_ = s.Close()
		t.Fatal("Open of a version 99 file succeeded, want an error")
	}
	if !strings.Contains(err.Error(), `schema version "99" is not supported`) {
		t.Errorf("Open error = %v, want it to name the unsupported version", err)
	}
}
