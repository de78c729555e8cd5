// Package auth authenticates API clients by key and authorizes them by scope.
//
// A key looks like ngk_<id>_<secret>: the id is short, random and not
// secret (it names the key in logs, in "newsgraph keys list" and in error
// messages), the secret is 32 random bytes in unpadded base64url. Only a
// salted hash of the secret is ever stored, in a key file (see KeyFile) or
// in the NEWSGRAPH_API_KEYS environment variable (see ParseEnvEntries).
//
// Every key has a Scope. Scopes are ordered read < write < admin, and a key
// allows everything its scope and the weaker scopes allow. Middleware puts
// the Principal of a valid key into the request context; resolvers call
// Require to demand a scope.
package auth

import (
	"context"
	"log/slog"

	"github.com/newsgraph/newsgraph"
)

// Scope is what a key may do. The zero value allows nothing.
type Scope string

// The scopes, from weakest to strongest. Each one includes the ones before it.
const (
	// ScopeRead allows queries.
	ScopeRead Scope = "read"
	// ScopeWrite allows ingestion and upserts, and everything ScopeRead allows.
	ScopeWrite Scope = "write"
	// ScopeAdmin allows merges and deletions, and everything ScopeWrite allows.
	ScopeAdmin Scope = "admin"
)

// Scopes returns the valid scopes from weakest to strongest.
func Scopes() []Scope { return []Scope{ScopeRead, ScopeWrite, ScopeAdmin} }

// rank orders the scopes; unknown scopes rank 0 and allow nothing.
func (s Scope) rank() int {
	switch s {
	case ScopeRead:
		return 1
	case ScopeWrite:
		return 2
	case ScopeAdmin:
		return 3
	}
	return 0
}

// Valid reports whether s is one of the defined scopes.
func (s Scope) Valid() bool { return s.rank() > 0 }

// Allows reports whether a key with scope s may do what needs scope need.
// An unknown scope, on either side, allows nothing.
func (s Scope) Allows(need Scope) bool {
	return s.Valid() && need.Valid() && s.rank() >= need.rank()
}

// ParseScope returns the scope named by name, or a BAD_USER_INPUT error.
func ParseScope(name string) (Scope, error) {
	if s := Scope(name); s.Valid() {
		return s, nil
	}
	return "", newsgraph.Errorf(newsgraph.Invalid, "unknown scope %q: want read, write or admin", name)
}

// Principal is the authenticated caller of a request. It holds nothing
// secret, so it is safe to log.
type Principal struct {
	// KeyID is the non-secret id of the key the caller presented.
	KeyID string
	// Scope is the scope of that key.
	Scope Scope
	// Name is the human-readable name given to the key when it was created,
	// if any.
	Name string
}

// LogValue lets log/slog log a Principal as a group of its key id and
// scope (never anything secret).
func (p Principal) LogValue() slog.Value {
	return slog.GroupValue(slog.String("keyId", p.KeyID), slog.String("scope", string(p.Scope)))
}

// principalKey is the context key of the Principal.
type principalKey struct{}

// WithPrincipal returns a copy of ctx that carries p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the Principal in ctx, if the request was authenticated.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// Require returns nil when ctx carries a Principal whose scope allows need,
// an UNAUTHENTICATED error when it carries none, and a FORBIDDEN error when
// the principal's scope is too weak.
func Require(ctx context.Context, need Scope) error {
	p, ok := FromContext(ctx)
	if !ok {
		return newsgraph.Errorf(newsgraph.Unauthenticated,
			"this operation needs an API key with scope %s: send the header Authorization: Bearer <key>", need)
	}
	if !p.Scope.Allows(need) {
		return newsgraph.Errorf(newsgraph.Forbidden,
			"this operation needs scope %s; key %s has %s", need, p.KeyID, p.Scope)
	}
	return nil
}
