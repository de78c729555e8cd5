package embedded_test

import (
	"encoding/binary"
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

// TestOpenReadsFreeTextVerdicts checks that claims stored before verdicts
// were an enum, with free text such as "unsubstantiated", read as valid
// entities: the verdict newsgraph.UpgradeVerdict reads in the text, which
// is kept as the note, in a version 1 file and in a version 2 one written
// without verdict notes.
func TestOpenReadsFreeTextVerdicts(t *testing.T) {
	want := map[string]struct {
		verdict newsgraph.Verdict
		note    string
	}{
		"claim:a": {newsgraph.VerdictUnsupported, "unsubstantiated"},
		"claim:b": {newsgraph.VerdictUnverified, "who knows"},
		"claim:c": {newsgraph.VerdictDisputed, ""},
	}
	claims := newsgraph.Batch{Entities: []*newsgraph.Entity{
		{ID: "claim:a", Kind: newsgraph.KindClaim, Name: "A", Verdict: "unsubstantiated"},
		{ID: "claim:b", Kind: newsgraph.KindClaim, Name: "B", Verdict: "who knows"},
		{ID: "claim:c", Kind: newsgraph.KindClaim, Name: "C", Verdict: "disputed"},
	}}
	for _, version := range []string{"1", "2"} {
		t.Run("version "+version, func(t *testing.T) {
			dir := t.TempDir()
			if version == "1" {
				writeVersion1(t, dir, "1", claims)
			} else {
				writeVersion2Entities(t, dir, claims.Entities)
			}
			s, err := embedded.Open(t.Context(), dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			got, err := s.EntitiesByID(t.Context(), []string{"claim:a", "claim:b", "claim:c"})
			if err != nil {
				t.Fatal(err)
			}
			for id, w := range want {
				if e := got[id]; e == nil || e.Verdict != w.verdict || e.VerdictNote != w.note {
					t.Errorf("%s = %+v, want verdict %s, note %q", id, e, w.verdict, w.note)
				}
			}
		})
	}
}

// writeVersion2Entities writes entities into a new version 2 file the way
// it stored them before verdict notes: the binary layout ending with the
// counter-evidence.
func writeVersion2Entities(t *testing.T, dir string, entities []*newsgraph.Entity) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, embedded.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	str := func(b []byte, s string) []byte { return append(binary.AppendUvarint(b, uint64(len(s))), s...) }
	date := func(b []byte) []byte { return append(b, 0, 0, 0) } // three zero varints
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("schema"), []byte("2")); err != nil {
			return err
		}
		bk, err := tx.CreateBucketIfNotExists([]byte("entities"))
		if err != nil {
			return err
		}
		for _, e := range entities {
			var v []byte
			v = str(v, string(e.Kind))
			v = str(v, e.Name)
			v = binary.AppendUvarint(v, 0) // aliases
			v = str(v, e.Description)
			v = binary.AppendUvarint(v, 0) // roles
			v = date(date(v))
			for _, s := range []string{e.PlaceID, e.Jurisdiction, e.ClaimText, e.ClaimantID, string(e.Verdict), e.CounterEvidence} {
				v = str(v, s)
			}
			if err := bk.Put([]byte(e.ID), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
