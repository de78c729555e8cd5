package graph_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// allEntityFields selects every plain field of every entity type.
const allEntityFields = `id name kind aliases description __typename
	... on Person { roles }
	... on LegalConcept { jurisdiction }
	... on Event { startDate endDate }
	... on Claim { claimText verdict counterEvidence }`

// allRelationFields selects every plain field of a relation.
const allRelationFields = `id type fromId toId validFrom validTo confidence evidence { quote } __typename`

// equivalenceRequest is one request sent to both handlers.
type equivalenceRequest struct {
	name   string
	query  string
	vars   map[string]any
	accept string
	body   string // sent as is instead of query and vars when set
}

// TestShortcutsMatchStockGqlgen sends the same requests to the handler and
// to the handler with its shortcuts off (graph.StockGqlgen: every field
// through gqlgen's executor, every response through transport.POST) and
// requires the same status, content type and JSON, value for value and in
// the same order. The requests cover the plain shapes (every plain field,
// aliases, fragments, @skip and @include, __typename), shapes that must
// fall back to the executor, errors, and content negotiation.
func TestShortcutsMatchStockGqlgen(t *testing.T) {
	fixtureStore := openStore(t)
	upsert(t, fixtureStore, fixture())
	upsert(t, fixtureStore, newsgraph.Batch{Entities: []*newsgraph.Entity{
		{ID: "claim:odd-text", Kind: newsgraph.KindClaim, Name: "Odd \"quoted\" <b>&</b> \\ text\twith\ncontrols \u0001 and \u2028 é", ClaimText: "A \"claim\"", CounterEvidence: "None <at> all"},
		{ID: "place:nowhere", Kind: newsgraph.KindPlace, Name: "Nowhere"},
	}})

	cfg := gen.Config{Entities: 300, Relations: 3000, Seed: 7}
	g, err := gen.Graph(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// A second store: on Neo4j the generated graph goes to the embedded
	// one, so the two graphs stay apart.
	genStore := teststore.OpenReference(t)
	upsert(t, genStore, *g)
	hub := gen.Hubs(cfg, 1)[0]
	pair := gen.RandomPairs(cfg, 1, 1)[0]

	neighborhood := func(selection string) string {
		return `query($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 200) { ` + selection + ` } }`
	}
	everything := `truncated __typename nodes { ` + allEntityFields + ` } edges { ` + allRelationFields + ` }`
	fixtureRequests := []equivalenceRequest{
		{name: "every plain field", query: neighborhood(everything), vars: map[string]any{"id": acme, "depth": 2}},
		{name: "aliases and repeated fields", query: neighborhood(`n: nodes { key: id id name: kind label: name } edges { id edgeType: type fromId fromId }`), vars: map[string]any{"id": acme}},
		{name: "named fragments", query: neighborhood(`nodes { ...E } edges { ...R }`) + ` fragment E on Entity { id ... on Person { roles } } fragment R on Relation { type }`, vars: map[string]any{"id": ana, "depth": 2}},
		{name: "skip and include", query: `query($id: ID!, $yes: Boolean!, $no: Boolean!) { neighborhood(id: $id) { nodes { id name @include(if: $yes) kind @skip(if: $yes) } edges @skip(if: $no) { id } truncated @include(if: $no) } }`, vars: map[string]any{"id": bob, "yes": true, "no": false}},
		{name: "odd strings", query: neighborhood(`nodes { ` + allEntityFields + ` }`), vars: map[string]any{"id": "claim:odd-text"}},
		{name: "shortest path", query: `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length __typename nodes { ` + allEntityFields + ` } edges { ` + allRelationFields + ` } } }`, vars: map[string]any{"a": ana, "b": claimEvil}},
		{name: "no path", query: `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes { id } } }`, vars: map[string]any{"a": ana, "b": "place:nowhere"}},
		{name: "paths", query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, first: 5) { length nodes { id name } edges { id fromId toId } } }`, vars: map[string]any{"a": ana, "b": springfield}},
		{name: "no paths", query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length } }`, vars: map[string]any{"a": ana, "b": "place:nowhere"}},
		{name: "search", query: `query($q: String!) { search(query: $q, first: 10) { score __typename entity { ` + allEntityFields + ` } } }`, vars: map[string]any{"q": "ac"}},
		{name: "search nothing", query: `{ search(query: "zzzzqqq") { score } }`},
		{name: "two root fields", query: `query($id: ID!) { a: neighborhood(id: $id) { nodes { id } } b: neighborhood(id: $id, depth: 2) { edges { id } } stats { entities } }`, vars: map[string]any{"id": acme}},
		// Shapes the executor must resolve: resolver fields at some level.
		{name: "edge ends as entities", query: neighborhood(`nodes { id } edges { id from { id name } to { name } }`), vars: map[string]any{"id": acme}},
		{name: "evidence documents", query: neighborhood(`edges { evidence { quote document { id title } } }`), vars: map[string]any{"id": acme}},
		{name: "entity documents", query: neighborhood(`nodes { id documents { id } firstSeen }`), vars: map[string]any{"id": acme}},
		{name: "event place", query: neighborhood(`nodes { id ... on Event { place { name } } ... on Claim { claimant { id } } }`), vars: map[string]any{"id": summit, "depth": 2}},
		{name: "relation status", query: neighborhood(`edges { id status corroboration firstReported lastReported }`), vars: map[string]any{"id": bob}},
		{name: "entity relations", query: `{ search(query: "acme") { entity { id relations(first: 2) { totalCount } } } }`},
		{name: "relation page", query: `query($id: ID!) { relations(filter: {involving: $id}, first: 3) { totalCount __typename edges { cursor __typename node { ` + allRelationFields + ` from { ` + allEntityFields + ` } to { id name } evidence { quote document { __typename id title publishedAt source url text } } } } pageInfo { hasNextPage endCursor __typename } } }`, vars: map[string]any{"id": acme}},
		{name: "relation page, next page", query: `query($id: ID!, $after: String) { relations(filter: {involving: $id}, first: 3, after: $after) { totalCount edges { cursor node { id from { name } } } pageInfo { hasNextPage endCursor } } }`, vars: map[string]any{"id": acme, "after": "cmVsOmFjbWU"}},
		{name: "empty relation page", query: `{ relations(filter: {types: ["NOPE"]}) { totalCount edges { node { id from { id } } } pageInfo { hasNextPage endCursor } } }`},
		{name: "subgraph evidence documents", query: neighborhood(`edges { id evidence { quote document { id title } } }`), vars: map[string]any{"id": acme, "depth": 2}},
		{name: "relation page, entity fields that need a resolver", query: `{ relations(first: 2) { edges { node { from { documents { id } } } } } }`},
		// Errors, before and during execution.
		{name: "unknown entity", query: neighborhood(`nodes { id }`), vars: map[string]any{"id": "person:nobody"}},
		{name: "bad depth", query: neighborhood(`nodes { id }`), vars: map[string]any{"id": acme, "depth": 9}},
		{name: "bad id", query: neighborhood(`nodes { id }`), vars: map[string]any{"id": "not an id"}},
		{name: "parse error", query: `{ neighborhood(id: "x") { nodes { id }`},
		{name: "validation error", query: `{ neighborhood(id: "x") { nodes { nope } } }`},
		{name: "malformed body", body: `{"query": `},
		// Content negotiation.
		{name: "accept graphql-response+json", query: neighborhood(`nodes { id }`), vars: map[string]any{"id": acme}, accept: "application/graphql-response+json"},
		{name: "accept graphql-response+json, validation error", query: `{ nope }`, accept: "application/graphql-response+json"},
		{name: "accept anything", query: `{ nope }`, accept: "*/*"},
		{name: "accept something else", query: `{ stats { entities } }`, accept: "text/html"},
	}
	genRequests := []equivalenceRequest{
		{name: "hub depth 2", query: neighborhood(everything), vars: map[string]any{"id": hub, "depth": 2}},
		{name: "hub depth 2, ends as entities", query: neighborhood(`nodes { id name kind } edges { id type from { id name } to { id kind ... on Person { roles } } }`), vars: map[string]any{"id": hub, "depth": 2}},
		{name: "random pair paths, ends as entities", query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, first: 10) { edges { from { id } to { name } } } }`, vars: map[string]any{"a": pair[0], "b": pair[1]}},
		{name: "relation page of the hub", query: `query($id: ID!) { relations(filter: {from: $id}, first: 100) { totalCount edges { node { id type confidence from { id name } to { id name } evidence { quote document { id title publishedAt } } } } } }`, vars: map[string]any{"id": hub}},
		{name: "hub depth 1", query: neighborhood(`truncated nodes { id name kind } edges { id type fromId toId }`), vars: map[string]any{"id": hub}},
		{name: "random pair path", query: `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes { id name kind } edges { id type fromId toId } } }`, vars: map[string]any{"a": pair[0], "b": pair[1]}},
		{name: "random pair paths", query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, first: 10) { length nodes { id } edges { id } } }`, vars: map[string]any{"a": pair[0], "b": pair[1]}},
	}
	for _, set := range []struct {
		name     string
		store    newsgraph.Store
		requests []equivalenceRequest
	}{{"fixture", fixtureStore, fixtureRequests}, {"generated", genStore, genRequests}} {
		fast := graph.NewHandler(set.store, graph.Config{Logger: discardLogger()})
		stock := graph.NewHandler(set.store, graph.StockGqlgen(graph.Config{Logger: discardLogger()}))
		for _, rq := range set.requests {
			t.Run(set.name+"/"+rq.name, func(t *testing.T) {
				got, want := rq.send(t, fast), rq.send(t, stock)
				if got.status != want.status || got.contentType != want.contentType {
					t.Errorf("status %d %q, stock gqlgen %d %q", got.status, got.contentType, want.status, want.contentType)
				}
				gotTokens, wantTokens := jsonTokens(t, got.body), jsonTokens(t, want.body)
				if !slices.Equal(gotTokens, wantTokens) {
					t.Errorf("bodies differ\n got: %s\nwant: %s", got.body, want.body)
				}
				if len(wantTokens) < 4 {
					t.Errorf("suspiciously short answer: %s", want.body)
				}
			})
		}
	}
}

// recorded is an HTTP answer.
type recorded struct {
	status      int
	contentType string
	body        []byte
}

// send posts the request to h.
func (rq equivalenceRequest) send(t *testing.T, h http.Handler) recorded {
	t.Helper()
	body := rq.body
	if body == "" {
		b, err := json.Marshal(map[string]any{"query": rq.query, "variables": rq.vars})
		if err != nil {
			t.Fatal(err)
		}
		body = string(b)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if rq.accept != "" {
		req.Header.Set("Accept", rq.accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return recorded{status: rec.Code, contentType: rec.Header().Get("Content-Type"), body: rec.Body.Bytes()}
}

// jsonTokens returns the JSON value in raw as its tokens, in order, so that
// two encodings of the same value (escaping aside) compare equal.
func jsonTokens(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tokens []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return tokens
		}
		if err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, raw)
		}
		tokens = append(tokens, fmt.Sprintf("%T:%v", tok, tok))
	}
}
