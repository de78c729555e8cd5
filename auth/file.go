package auth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph"
)

// KeyFileFormat names the version of the key file format.
const KeyFileFormat = "newsgraph-api-keys/1"

// KeyFile is the JSON document of a key file, such as
//
//	{
//	  "format": "newsgraph-api-keys/1",
//	  "keys": [
//	    {"id": "3f9c0a1b2c3d", "name": "ingest bot", "scope": "write",
//	     "salt": "<16 bytes, unpadded base64url>", "hash": "<32 bytes, unpadded base64url>",
//	     "createdAt": "2026-11-24T08:30:00Z"}
//	  ]
//	}
//
// A revoked key keeps its entry with a "revokedAt" time. The file holds
// salted hashes only, never a key; it is written with mode 0600, atomically
// (a temporary file renamed over the old one).
type KeyFile struct {
	// Format is KeyFileFormat.
	Format string `json:"format"`
	// Keys are the stored keys, oldest first.
	Keys []Entry `json:"keys"`
}

// ReadKeyFile returns the entries of the key file at path. A missing file,
// or an empty path, holds no entries.
func ReadKeyFile(path string) ([]Entry, error) {
	if path == "" {
		return nil, nil
	}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	var kf KeyFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&kf); err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	if kf.Format != KeyFileFormat {
		return nil, fmt.Errorf("key file %s: format %q is not %q", path, kf.Format, KeyFileFormat)
	}
	for _, e := range kf.Keys {
		if err := e.validate("key file " + path); err != nil {
			return nil, err
		}
	}
	return kf.Keys, nil
}

// writeKeyFile replaces the key file at path with entries, atomically and
// with mode 0600, creating its directory (mode 0700) when needed.
func writeKeyFile(path string, entries []Entry) (err error) {
	raw, err := json.MarshalIndent(KeyFile{Format: KeyFileFormat, Keys: entries}, "", "  ")
	if err != nil {
		return fmt.Errorf("encode key file: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create key file directory: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	if _, err := tmp.Write(append(raw, '\n')); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a directory entry change (a rename) to disk, where the
// platform allows it. Failure only weakens durability, so it is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// updateKeyFile applies change to the entries of the key file at path and
// writes the result, holding a lock so that concurrent updates (from
// several processes) do not lose each other's keys.
func updateKeyFile(path string, change func([]Entry) ([]Entry, error)) error {
	if path == "" {
		return errors.New("no key file configured")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create key file directory: %w", err)
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return fmt.Errorf("lock key file: %w", err)
	}
	defer unlock()
	entries, err := ReadKeyFile(path)
	if err != nil {
		return err
	}
	entries, err = change(entries)
	if err != nil {
		return err
	}
	return writeKeyFile(path, entries)
}

// CreateKey generates a key with the given scope and name, stores its
// salted hash in the key file at path (creating the file when missing), and
// returns the key. The key is not stored anywhere: this is the only chance
// to see it.
func CreateKey(path string, scope Scope, name string) (key string, err error) {
	key, _, err = CreateKeyEntry(path, scope, name)
	return key, err
}

// CreateKeyEntry is CreateKey that also returns the stored entry.
func CreateKeyEntry(path string, scope Scope, name string) (key string, e Entry, err error) {
	err = updateKeyFile(path, func(entries []Entry) ([]Entry, error) {
		for {
			key, e, err = NewKey(scope, name, time.Now())
			if err != nil {
				return nil, err
			}
			if !hasID(entries, e.ID) {
				return append(entries, e), nil
			}
		}
	})
	if err != nil {
		return "", Entry{}, err
	}
	return key, e, nil
}

// RevokeKey marks the key with the given id revoked in the key file at
// path and returns its entry. Revoking a revoked key changes nothing. An
// unknown id is a NOT_FOUND error. Running servers stop accepting the key
// when they reload their keys.
func RevokeKey(path string, id string) (Entry, error) {
	var revoked Entry
	err := updateKeyFile(path, func(entries []Entry) ([]Entry, error) {
		for i := range entries {
			if entries[i].ID != id {
				continue
			}
			if entries[i].RevokedAt == nil {
				now := time.Now().UTC().Truncate(time.Second)
				entries[i].RevokedAt = &now
			}
			revoked = entries[i]
			return entries, nil
		}
		return nil, newsgraph.Errorf(newsgraph.NotFound, "no key %q in %s", id, path)
	})
	return revoked, err
}

func hasID(entries []Entry, id string) bool {
	for _, e := range entries {
		if e.ID == id {
			return true
		}
	}
	return false
}
