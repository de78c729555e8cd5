package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph"
)

// PersistedQueries is how the handler treats persisted queries, requests
// that name their query by the SHA-256 of its text in
// extensions.persistedQuery.sha256Hash (Apollo's protocol).
type PersistedQueries string

// The persisted-query modes.
const (
	// PersistedQueriesAutomatic, the default, is Apollo's automatic
	// persisted queries: a client sends a query's hash; the first time
	// the server answers PERSISTED_QUERY_NOT_FOUND, the client sends hash
	// and text, and the server keeps the text (in a cache bounded like the
	// query cache) for the next time. Any query is still accepted.
	PersistedQueriesAutomatic PersistedQueries = "apq"
	// PersistedQueriesAllowlist accepts only the operations of
	// Config.Allowlist, by hash or by their exact text; any other is
	// FORBIDDEN. It is the mode of a public deployment that serves one
	// known frontend.
	PersistedQueriesAllowlist PersistedQueries = "allowlist"
	// PersistedQueriesOff ignores the persistedQuery extension.
	PersistedQueriesOff PersistedQueries = "off"
)

// persistedQueryCacheSize bounds the automatic persisted queries kept.
const persistedQueryCacheSize = 1000

// Allowlist is the set of operations a PersistedQueriesAllowlist handler
// accepts, by the hex SHA-256 of their text.
type Allowlist struct {
	byHash map[string]string
}

// manifest is Apollo's persisted query manifest, the file
// @apollo/generate-persisted-query-manifest writes.
type manifest struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	Operations []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
		Body string `json:"body"`
	} `json:"operations"`
}

// LoadAllowlist reads an Apollo persisted query manifest
// ({"format":"apollo-persisted-query-manifest","version":1,"operations":
// [{"id":SHA256,"name":...,"type":...,"body":QUERY}]}). Each id must be the
// SHA-256 of its body, so that a manifest cannot admit a query under
// another's hash.
func LoadAllowlist(r io.Reader) (*Allowlist, error) {
	var m manifest
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("persisted query manifest: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("persisted query manifest: more follows the JSON object")
	}
	if m.Format != "apollo-persisted-query-manifest" || m.Version != 1 {
		return nil, fmt.Errorf(`persisted query manifest: format %q version %d, want "apollo-persisted-query-manifest" version 1`, m.Format, m.Version)
	}
	a := &Allowlist{byHash: make(map[string]string, len(m.Operations))}
	for i, op := range m.Operations {
		if op.Body == "" {
			return nil, fmt.Errorf("persisted query manifest: operation %d (%q) has no body", i, op.Name)
		}
		if h := queryHash(op.Body); h != op.ID {
			return nil, fmt.Errorf("persisted query manifest: operation %d (%q) has id %q, but its body hashes to %s", i, op.Name, op.ID, h)
		}
		a.byHash[op.ID] = op.Body
	}
	return a, nil
}

// NewAllowlist returns the allowlist of the given query texts.
func NewAllowlist(queries ...string) *Allowlist {
	a := &Allowlist{byHash: make(map[string]string, len(queries))}
	for _, q := range queries {
		a.byHash[queryHash(q)] = q
	}
	return a
}

// Len is the number of operations the allowlist holds.
func (a *Allowlist) Len() int { return len(a.byHash) }

// queryHash is the hex SHA-256 of a query's text, the persisted-query id.
func queryHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// persistedQueryExtension returns the handler extension of a mode, or nil
// for PersistedQueriesOff.
func persistedQueryExtension(mode PersistedQueries, allow *Allowlist) (graphql.HandlerExtension, error) {
	switch mode {
	case PersistedQueriesAutomatic:
		return extension.AutomaticPersistedQuery{
			Cache: newTextCache(persistedQueryCacheSize, DefaultQueryCacheBytes, maxCachedQueryBytes),
		}, nil
	case PersistedQueriesAllowlist:
		if allow == nil || allow.Len() == 0 {
			return nil, fmt.Errorf("persisted queries %q needs an allowlist with at least one operation", mode)
		}
		return allowlistOnly{allow: allow}, nil
	case PersistedQueriesOff:
		return nil, nil
	}
	return nil, fmt.Errorf("unknown persisted-query mode %q: want %q, %q or %q", mode,
		PersistedQueriesAutomatic, PersistedQueriesAllowlist, PersistedQueriesOff)
}

// allowlistOnly admits only the allowlist's operations: by hash (the query
// text may be left out) or by their exact text.
type allowlistOnly struct {
	allow *Allowlist
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = allowlistOnly{}

// ExtensionName names the extension for gqlgen.
func (allowlistOnly) ExtensionName() string { return "PersistedQueryAllowlist" }

// Validate accepts any schema.
func (allowlistOnly) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters replaces a hash by its query and refuses any
// query the allowlist does not hold.
func (a allowlistOnly) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash, err := persistedHash(params.Extensions)
	if err != nil {
		return err
	}
	if hash == "" {
		hash = queryHash(params.Query)
	} else if params.Query != "" && queryHash(params.Query) != hash {
		return codedError(newsgraph.Invalid, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it")
	}
	query, ok := a.allow.byHash[hash]
	if !ok {
		return codedError(newsgraph.Forbidden, "this server accepts only its persisted queries, and this operation is not one of them")
	}
	params.Query = query
	return nil
}

// persistedHash reads extensions.persistedQuery: its sha256Hash, or "" when
// the extension is absent.
func persistedHash(extensions map[string]any) (string, *gqlerror.Error) {
	raw, ok := extensions["persistedQuery"]
	if !ok || raw == nil {
		return "", nil
	}
	pq, ok := raw.(map[string]any)
	if !ok {
		return "", codedError(newsgraph.Invalid, "extensions.persistedQuery must be an object with version and sha256Hash")
	}
	// A number decodes as json.Number from a POST body and as float64
	// from a GET's extensions parameter; both print 1 as "1".
	if fmt.Sprint(pq["version"]) != "1" {
		return "", codedError(newsgraph.Invalid, "extensions.persistedQuery.version must be 1")
	}
	hash, _ := pq["sha256Hash"].(string)
	if len(hash) != sha256.Size*2 {
		return "", codedError(newsgraph.Invalid, "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits")
	}
	return hash, nil
}
