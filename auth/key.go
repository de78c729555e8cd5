package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Key format and sizes.
const (
	// KeyPrefix starts every key, so that keys are easy to recognise (and to
	// find with secret scanners).
	KeyPrefix = "ngk_"
	// keyIDBytes random bytes, hex-encoded, make a key id.
	keyIDBytes = 6
	// secretBytes random bytes, base64url-encoded, make a key's secret.
	secretBytes = 32
	// saltBytes random bytes salt each stored hash.
	saltBytes = 16
)

// b64 encodes secrets, salts and hashes: unpadded base64url, which holds
// neither ':' nor ',' (the separators of environment entries).
var b64 = base64.RawURLEncoding

// Entry is one stored key: everything needed to verify it, and nothing from
// which the key could be recovered.
type Entry struct {
	// ID is the key's non-secret id, 12 lower-case hex digits.
	ID string `json:"id"`
	// Name is an optional human-readable label.
	Name string `json:"name,omitempty"`
	// Scope is what the key may do.
	Scope Scope `json:"scope"`
	// Salt is the random salt of Hash, unpadded base64url.
	Salt string `json:"salt"`
	// Hash is HMAC-SHA-256(salt, id ":" secret), unpadded base64url.
	Hash string `json:"hash"`
	// CreatedAt is when the key was created.
	CreatedAt time.Time `json:"createdAt"`
	// RevokedAt is when the key was revoked; nil while it is valid.
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
}

// Revoked reports whether the key was revoked.
func (e Entry) Revoked() bool { return e.RevokedAt != nil }

// EnvString returns the entry in the form NEWSGRAPH_API_KEYS takes:
// scope:id:salt:hash.
func (e Entry) EnvString() string {
	return string(e.Scope) + ":" + e.ID + ":" + e.Salt + ":" + e.Hash
}

// validate checks that the entry is well formed; where names the entry's
// source in the error message.
func (e Entry) validate(where string) error {
	if !validKeyID(e.ID) {
		// The malformed id is not echoed: it might be a misplaced secret.
		return fmt.Errorf("%s: key id is malformed: want %d lower-case hex digits", where, 2*keyIDBytes)
	}
	if !e.Scope.Valid() {
		return fmt.Errorf("%s: key %s has unknown scope %q: want read, write or admin", where, e.ID, e.Scope)
	}
	if salt, err := b64.DecodeString(e.Salt); err != nil || len(salt) < saltBytes {
		return fmt.Errorf("%s: key %s has a malformed salt: want at least %d bytes in unpadded base64url", where, e.ID, saltBytes)
	}
	if hash, err := b64.DecodeString(e.Hash); err != nil || len(hash) != sha256.Size {
		return fmt.Errorf("%s: key %s has a malformed hash: want %d bytes in unpadded base64url", where, e.ID, sha256.Size)
	}
	return nil
}

// NewKey generates a key with the given scope and name. It returns the key,
// to be shown once to its owner, and the Entry to store.
func NewKey(scope Scope, name string, now time.Time) (key string, e Entry, err error) {
	if !scope.Valid() {
		return "", Entry{}, newsgraph.Errorf(newsgraph.Invalid, "unknown scope %q: want read, write or admin", scope)
	}
	id := make([]byte, keyIDBytes)
	secret := make([]byte, secretBytes)
	salt := make([]byte, saltBytes)
	for _, b := range [][]byte{id, secret, salt} {
		if _, err := rand.Read(b); err != nil {
			return "", Entry{}, fmt.Errorf("generate key: %w", err)
		}
	}
	e = Entry{
		ID:        hex.EncodeToString(id),
		Name:      name,
		Scope:     scope,
		Salt:      b64.EncodeToString(salt),
		Hash:      b64.EncodeToString(hashSecret(salt, hex.EncodeToString(id), secret)),
		CreatedAt: now.UTC().Truncate(time.Second),
	}
	return KeyPrefix + e.ID + "_" + b64.EncodeToString(secret), e, nil
}

// hashSecret hashes a key's secret for storage and verification.
//
// Why not bcrypt, scrypt or argon2: those are deliberately slow to make
// guessing low-entropy passwords expensive. A key's secret is 256 random
// bits, which no amount of guessing can find, so a slow hash would add no
// security, while every request verifies a key and must stay fast. A
// per-key random salt still makes equal secrets hash differently and rules
// out precomputed tables; binding the key id into the message ties each
// hash to its key.
func hashSecret(salt []byte, id string, secret []byte) []byte {
	mac := hmac.New(sha256.New, salt)
	mac.Write([]byte(id))
	mac.Write([]byte{':'})
	mac.Write(secret)
	return mac.Sum(nil)
}

// ParseKey splits a key of the form ngk_<id>_<secret> into its id and its
// decoded secret. The error is UNAUTHENTICATED and never contains the key.
func ParseKey(key string) (id string, secret []byte, err error) {
	rest, ok := strings.CutPrefix(key, KeyPrefix)
	if !ok {
		return "", nil, malformedKey()
	}
	id, enc, ok := strings.Cut(rest, "_")
	if !ok || !validKeyID(id) || len(enc) != b64.EncodedLen(secretBytes) {
		return "", nil, malformedKey()
	}
	secret, err = b64.Strict().DecodeString(enc)
	if err != nil || len(secret) != secretBytes {
		return "", nil, malformedKey()
	}
	return id, secret, nil
}

// malformedKey is the error of a key that cannot be one of ours.
func malformedKey() error {
	return newsgraph.Errorf(newsgraph.Unauthenticated, "malformed API key: want ngk_<id>_<secret>")
}

// validKeyID reports whether id is 12 lower-case hex digits.
func validKeyID(id string) bool {
	if len(id) != 2*keyIDBytes {
		return false
	}
	for _, c := range []byte(id) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
