package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

func TestErrorCodes(t *testing.T) {
	a := fixtureAPI(t)
	deep := `{ entity(id: "person:ana-lopez") { relations { edges { node { from { relations { edges { node { from { relations { edges { node { id } } } } } } } } } } } } }`
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		code  string
		want  []string // substrings of the message
	}{
		{"neighborhood depth", `{ neighborhood(id: "person:ana-lopez", depth: 5) { truncated } }`, nil, "LIMIT_EXCEEDED", []string{"depth", "at most 4", "got 5"}},
		{"neighborhood depth 0", `{ neighborhood(id: "person:ana-lopez", depth: 0) { truncated } }`, nil, "BAD_USER_INPUT", []string{"depth"}},
		{"neighborhood limit", `{ neighborhood(id: "person:ana-lopez", limit: 501) { truncated } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"neighborhood absent", `{ neighborhood(id: "person:nobody") { truncated } }`, nil, "NOT_FOUND", []string{"person:nobody"}},
		{"neighborhood malformed type", `{ neighborhood(id: "person:ana-lopez", types: ["works for"]) { truncated } }`, nil, "BAD_USER_INPUT", []string{"malformed"}},
		{"shortest path depth", `{ shortestPath(from: "person:ana-lopez", to: "person:bob-smith", maxDepth: 9) { length } }`, nil, "LIMIT_EXCEEDED", []string{"at most 8", "got 9"}},
		{"shortest path absent end", `{ shortestPath(from: "person:ana-lopez", to: "person:nobody") { length } }`, nil, "NOT_FOUND", nil},
		{"paths depth", `{ paths(from: "person:ana-lopez", to: "person:bob-smith", maxDepth: 9) { length } }`, nil, "LIMIT_EXCEEDED", []string{"at most 8"}},
		{"paths count", `{ paths(from: "person:ana-lopez", to: "person:bob-smith", first: 51) { length } }`, nil, "LIMIT_EXCEEDED", []string{"at most 50"}},
		{"entities page size", `{ entities(first: 501) { totalCount } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500", "got 501"}},
		{"entities negative page size", `{ entities(first: -1) { totalCount } }`, nil, "BAD_USER_INPUT", []string{"negative"}},
		{"relations page size", `{ relations(first: 501) { totalCount } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"documents page size", `{ documents(first: 501) { totalCount } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"search page size", `{ search(query: "a", first: 501) { score } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"search empty page", `{ search(query: "a", first: 0) { score } }`, nil, "BAD_USER_INPUT", []string{"at least 1"}},
		{"entity relations page size", `{ entity(id: "person:ana-lopez") { relations(first: 501) { totalCount } } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"neighbors count", `{ entity(id: "person:ana-lopez") { neighbors(first: 500) { id } } }`, nil, "LIMIT_EXCEEDED", []string{"at most 499"}},
		{"document relations page size", `{ document(id: "doc:alpha") { relations(first: 501) { totalCount } } }`, nil, "LIMIT_EXCEEDED", []string{"at most 500"}},
		{"malformed relation type", `{ relations(filter: {types: ["lower"]}) { totalCount } }`, nil, "BAD_USER_INPUT", []string{`"lower"`, "UPPER_SNAKE_CASE"}},
		{"malformed relation type on entity", `{ entity(id: "person:ana-lopez") { relations(types: ["A-B"]) { totalCount } } }`, nil, "BAD_USER_INPUT", []string{"malformed"}},
		{"malformed cursor", `{ entities(after: "garbage") { totalCount } }`, nil, "BAD_USER_INPUT", []string{"malformed cursor"}},
		{"malformed relations cursor", `query($after: String) { relations(after: $after) { totalCount } }`, map[string]any{"after": "!!"}, "BAD_USER_INPUT", []string{"malformed cursor"}},
		{"depth limit", deep, nil, "LIMIT_EXCEEDED", []string{"depth 13", "limit of 12"}},
		{"complexity limit", `{ entities(first: 500) { edges { node { relations(first: 500) { totalCount } } } } }`, nil, "LIMIT_EXCEEDED", []string{"limit of 30000"}},
		{"parse error", `{ entity(id: "x") `, nil, "GRAPHQL_PARSE_FAILED", nil},
		{"unknown field", `{ entity(id: "x") { nope } }`, nil, "GRAPHQL_VALIDATION_FAILED", []string{"nope"}},
		{"invalid enum variable", `query($k: [EntityKind!]) { entities(kinds: $k) { totalCount } }`, map[string]any{"k": []string{"ROBOT"}}, "GRAPHQL_VALIDATION_FAILED", []string{"ROBOT"}},
		{"missing required argument", `{ neighborhood { truncated } }`, nil, "GRAPHQL_VALIDATION_FAILED", []string{"id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.mustFail(t, tt.query, tt.vars, tt.code, tt.want...)
		})
	}
}

func TestErrorHasPathAndPartialData(t *testing.T) {
	a := fixtureAPI(t)
	resp := a.post(t, `{ stats { entities } shortestPath(from: "person:ana-lopez", to: "person:nobody") { length } }`, nil)
	if got, want := len(resp.Errors), 1; got != want {
		t.Fatalf("got %d errors, want %d: %+v", got, want, resp.Errors)
	}
	if got, want := fmt.Sprint(resp.Errors[0].Path), "[shortestPath]"; got != want {
		t.Errorf("path = %s, want %s", got, want)
	}
	assertJSON(t, resp.Data, `{"stats":{"entities":7},"shortestPath":null}`)
}

func TestConfiguredLimits(t *testing.T) {
	s := openStore(t)
	upsert(t, s, fixture())
	a := serve(t, s, graph.Config{DepthLimit: 3, ComplexityLimit: 100, TokenLimit: 40, DisableIntrospection: true})
	tests := []struct {
		name  string
		query string
		code  string
		want  []string
	}{
		{"depth", `{ entity(id: "person:ana-lopez") { relations { totalCount } } }`, "", nil},
		{"too deep", `{ entity(id: "person:ana-lopez") { relations { edges { cursor } } } }`, "LIMIT_EXCEEDED", []string{"depth 4", "limit of 3"}},
		{"fragments count toward depth", `{ entity(id: "person:ana-lopez") { ...R } } fragment R on Entity { relations { edges { cursor } } }`, "LIMIT_EXCEEDED", []string{"limit of 3"}},
		{"complexity", `{ entities(first: 100) { totalCount } }`, "LIMIT_EXCEEDED", []string{"limit of 100"}},
		{"tokens", `{ a: stats { entities } b: stats { entities } c: stats { entities } d: stats { entities } e: stats { entities } f: stats { entities } g: stats { entities } }`, "GRAPHQL_PARSE_FAILED", []string{"token limit"}},
		{"introspection disabled", `{ __schema { queryType { name } } }`, "GRAPHQL_VALIDATION_FAILED", []string{"introspection"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.code == "" {
				if resp := a.post(t, tt.query, nil); len(resp.Errors) > 0 {
					t.Fatalf("errors: %+v", resp.Errors)
				}
				return
			}
			a.mustFail(t, tt.query, nil, tt.code, tt.want...)
		})
	}
}

func TestExponentialFragmentsAreRejected(t *testing.T) {
	a := fixtureAPI(t)
	// Each fragment spreads the next twice: 2^40 fields once expanded.
	var b strings.Builder
	b.WriteString(`{ ...F0 }`)
	const n = 40
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { stats { entities } }", n)
	a.mustFail(t, b.String(), nil, "LIMIT_EXCEEDED", "exceeds the limit of 30000")
}

// faultyStore is the real store with one method broken, to check how the
// API reports failures that are not the client's.
type faultyStore struct {
	newsgraph.Store
	stats func(ctx context.Context, real newsgraph.Store) (newsgraph.Stats, error)
}

func (s faultyStore) Stats(ctx context.Context) (newsgraph.Stats, error) {
	return s.stats(ctx, s.Store)
}

func TestInternalFailures(t *testing.T) {
	tests := []struct {
		name    string
		stats   func(ctx context.Context, real newsgraph.Store) (newsgraph.Stats, error)
		timeout time.Duration
		code    string
		want    string
	}{
		{
			name: "plain error is hidden",
			stats: func(context.Context, newsgraph.Store) (newsgraph.Stats, error) {
				return newsgraph.Stats{}, errors.New("disk on fire at /secret/path")
			},
			code: "INTERNAL_SERVER_ERROR",
			want: "internal error",
		},
		{
			name: "domain internal error is hidden",
			stats: func(context.Context, newsgraph.Store) (newsgraph.Stats, error) {
				return newsgraph.Stats{}, newsgraph.Errorf(newsgraph.Internal, "index corrupt at /secret/path")
			},
			code: "INTERNAL_SERVER_ERROR",
			want: "internal error",
		},
		{
			name: "unavailable",
			stats: func(context.Context, newsgraph.Store) (newsgraph.Stats, error) {
				return newsgraph.Stats{}, &newsgraph.Error{Code: newsgraph.Unavailable, Message: "the store is unreachable", Err: errors.New("dial tcp: refused")}
			},
			code: "UNAVAILABLE",
			want: "the store is unreachable",
		},
		{
			name:  "panic is recovered",
			stats: func(context.Context, newsgraph.Store) (newsgraph.Stats, error) { panic("boom at /secret/path") },
			code:  "INTERNAL_SERVER_ERROR",
			want:  "internal error",
		},
		{
			name: "request deadline",
			stats: func(ctx context.Context, _ newsgraph.Store) (newsgraph.Stats, error) {
				<-ctx.Done()
				return newsgraph.Stats{}, fmt.Errorf("stats: %w", ctx.Err())
			},
			timeout: 20 * time.Millisecond,
			code:    "LIMIT_EXCEEDED",
			want:    "time limit of 20ms",
		},
		{
			// The store under test itself, called once the request's
			// deadline has passed: a store that answers reports the
			// deadline, which is the request's limit, not UNAVAILABLE.
			name: "request deadline reported by the store",
			stats: func(ctx context.Context, real newsgraph.Store) (newsgraph.Stats, error) {
				<-ctx.Done()
				return real.Stats(ctx)
			},
			timeout: 20 * time.Millisecond,
			code:    "LIMIT_EXCEEDED",
			want:    "time limit of 20ms",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			upsert(t, s, fixture())
			a := serve(t, faultyStore{Store: s, stats: tt.stats}, graph.Config{RequestTimeout: tt.timeout})
			e := a.mustFail(t, `{ stats { entities } }`, nil, tt.code, tt.want)
			if strings.Contains(e.Message, "secret") {
				t.Errorf("message %q leaks internal details", e.Message)
			}
			// The server keeps serving after the failure.
			var data struct{ Entity struct{ ID string } }
			a.query(t, `{ entity(id: "person:ana-lopez") { id } }`, nil, &data)
			if got, want := data.Entity.ID, ana; got != want {
				t.Errorf("entity id after failure = %q, want %q", got, want)
			}
		})
	}
}
