package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"io/fs"
	"strings"
	"sync/atomic"

	"github.com/newsgraph/newsgraph"
)

// KeySet is the set of valid keys a server accepts. It is safe for
// concurrent use; Reload swaps in a fresh copy without blocking requests.
// A nil *KeySet accepts no key.
type KeySet struct {
	// file and env are where LoadKeySet read the keys, for Reload.
	file, env string
	loaded    bool
	table     atomic.Pointer[keyTable]
	// fileInfo describes the key file as of the last successful Reload
	// (nil FileInfo when it did not exist), for Watch.
	fileInfo atomic.Pointer[fileInfo]
	// dummy is verified in place of an unknown key id, so that an unknown
	// id costs the same time as a known one with a wrong secret.
	dummy storedKey
}

// keyTable maps key ids to valid (unrevoked) keys.
type keyTable map[string]storedKey

// storedKey is a valid key's principal and decoded salt and hash.
type storedKey struct {
	principal  Principal
	salt, hash []byte
}

// LoadKeySet loads the keys of a key file (see KeyFile; "" or a missing
// file means none) and of env, the value of NEWSGRAPH_API_KEYS (see
// ParseEnvEntries; "" means none). A key id in both sources is an error.
// Revoked keys are loaded but never accepted.
func LoadKeySet(file string, env string) (*KeySet, error) {
	k, err := newKeySet()
	if err != nil {
		return nil, err
	}
	k.file, k.env, k.loaded = file, env, true
	if err := k.Reload(); err != nil {
		return nil, err
	}
	return k, nil
}

// NewKeySet returns a KeySet of the given entries, for tests and for
// callers that keep keys elsewhere. Reload does nothing on it.
func NewKeySet(entries []Entry) (*KeySet, error) {
	k, err := newKeySet()
	if err != nil {
		return nil, err
	}
	t, err := buildTable(entries, "entries")
	if err != nil {
		return nil, err
	}
	k.table.Store(&t)
	return k, nil
}

func newKeySet() (*KeySet, error) {
	k := &KeySet{dummy: storedKey{salt: make([]byte, saltBytes), hash: make([]byte, 32)}}
	for _, b := range [][]byte{k.dummy.salt, k.dummy.hash} {
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("key set: %w", err)
		}
	}
	empty := keyTable{}
	k.table.Store(&empty)
	return k, nil
}

// Reload reads the key file and the environment entries again, so that
// created and revoked keys take effect without a restart. On error the
// keys loaded before stay in force.
func (k *KeySet) Reload() error {
	if !k.loaded {
		return nil
	}
	info := fileInfo{statFile(k.file)} // before reading, so no change goes unseen
	fileEntries, err := ReadKeyFile(k.file)
	if err != nil {
		return err
	}
	envEntries, err := ParseEnvEntries(k.env)
	if err != nil {
		return err
	}
	t, err := buildTable(fileEntries, k.file)
	if err != nil {
		return err
	}
	for _, e := range envEntries {
		if hasID(fileEntries, e.ID) { // revoked ones included
			return fmt.Errorf("NEWSGRAPH_API_KEYS: key %s is also in %s", e.ID, k.file)
		}
	}
	envTable, err := buildTable(envEntries, "NEWSGRAPH_API_KEYS")
	if err != nil {
		return err
	}
	for id, sk := range envTable {
		t[id] = sk
	}
	k.table.Store(&t)
	k.fileInfo.Store(&info)
	return nil
}

// fileInfo wraps the key file's fs.FileInfo for an atomic.Pointer.
type fileInfo struct{ fs.FileInfo }

// buildTable validates entries and indexes the valid ones by id.
// Revoked entries are validated but left out.
func buildTable(entries []Entry, where string) (keyTable, error) {
	t := make(keyTable, len(entries))
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if err := e.validate(where); err != nil {
			return nil, err
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("%s: key %s appears twice", where, e.ID)
		}
		seen[e.ID] = true
		if e.Revoked() {
			continue
		}
		salt, _ := b64.DecodeString(e.Salt) // validated above
		hash, _ := b64.DecodeString(e.Hash)
		t[e.ID] = storedKey{principal: Principal{KeyID: e.ID, Scope: e.Scope, Name: e.Name}, salt: salt, hash: hash}
	}
	return t, nil
}

// Len returns the number of valid (unrevoked) keys.
func (k *KeySet) Len() int {
	if k == nil {
		return 0
	}
	return len(*k.table.Load())
}

// Authenticate returns the Principal of key, or an UNAUTHENTICATED error
// when key is malformed, unknown, revoked or wrong. The secret is compared
// in constant time, and an unknown key id is checked against a dummy hash,
// so response times reveal neither the secret nor which ids exist.
func (k *KeySet) Authenticate(key string) (Principal, error) {
	id, secret, err := ParseKey(key)
	if err != nil {
		return Principal{}, err
	}
	sk, known := k.lookup(id)
	match := subtle.ConstantTimeCompare(hashSecret(sk.salt, id, secret), sk.hash) == 1
	if !known || !match {
		return Principal{}, newsgraph.Errorf(newsgraph.Unauthenticated, "invalid or revoked API key %s", id)
	}
	return sk.principal, nil
}

// lookup returns the valid key with the given id, or the dummy key and
// false.
func (k *KeySet) lookup(id string) (storedKey, bool) {
	if k == nil {
		return storedKey{salt: make([]byte, saltBytes), hash: make([]byte, 32)}, false
	}
	if sk, ok := (*k.table.Load())[id]; ok {
		return sk, true
	}
	return k.dummy, false
}

// ParseEnvEntries parses the value of NEWSGRAPH_API_KEYS: key entries
// separated by commas or white space, each of the form
//
//	scope:id:salt:hash
//
// with the fields of an Entry (salt and hash in unpadded base64url), such as
// "write:3f9c0a1b2c3d:<salt>:<hash>". "newsgraph keys create --no-store"
// prints one. Entries hold hashes only: a plain key is rejected.
func ParseEnvEntries(value string) ([]Entry, error) {
	fields := strings.FieldsFunc(value, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	entries := make([]Entry, 0, len(fields))
	for i, f := range fields {
		where := fmt.Sprintf("NEWSGRAPH_API_KEYS entry %d", i+1)
		// Errors never echo the entry: it might be a misplaced plain key.
		if strings.Contains(f, KeyPrefix) {
			return nil, fmt.Errorf("%s looks like a plain API key; put its hashed entry scope:id:salt:hash there instead (see newsgraph keys create --no-store)", where)
		}
		parts := strings.Split(f, ":")
		if len(parts) != 4 {
			return nil, fmt.Errorf("%s is malformed: want scope:id:salt:hash", where)
		}
		e := Entry{Scope: Scope(parts[0]), ID: parts[1], Salt: parts[2], Hash: parts[3]}
		if err := e.validate(where); err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}
