package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// FuzzGraphQLQuery sends arbitrary queries and variables and checks that the
// handler neither panics nor fails internally, and always answers with a
// well-formed GraphQL response.
func FuzzGraphQLQuery(f *testing.F) {
	seeds := []struct{ query, vars string }{
		{`{ entity(id: "person:ana-lopez") { id name ... on Person { roles } } }`, ``},
		{`query($id: ID!) { entity(id: $id) { relations { edges { node { from { id } to { id } evidence { quote document { title } } } } } } }`, `{"id":"organization:acme"}`},
		{`{ entities(first: 3, after: "bmcxOnBlcnNvbjphbmEtbG9wZXo") { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, ``},
		{`{ search(query: "fto", kinds: [LEGAL_CONCEPT]) { score entity { id } } }`, ``},
		{`query($f: RelationFilter) { relations(filter: $f, first: 2) { totalCount } }`, `{"f":{"types":["WORKS_FOR"],"involving":"person:ana-lopez"}}`},
		{`{ neighborhood(id: "organization:acme", depth: 2, direction: IN, limit: 3) { nodes { id } edges { id } truncated } }`, ``},
		{`{ shortestPath(from: "person:ana-lopez", to: "person:bob-smith", maxDepth: 3) { length } paths(from: "person:ana-lopez", to: "place:springfield") { length } }`, ``},
		{`{ document(id: "doc:alpha") { title relations { totalCount } } documents { totalCount } relationTypes { type count } stats { byKind { kind count } } }`, ``},
		{`{ __schema { types { name } } }`, ``},
		{`{ entity(id: "x") { ...F } } fragment F on Entity { ...F }`, ``},
		{`query($k: [EntityKind!], $n: Int) { entities(kinds: $k, first: $n) { totalCount } }`, `{"k":["PERSON"],"n":-3}`},
		{`{ neighborhood(id: "", depth: 99) { truncated } }`, `[1,2]`},
		{`{`, `{"a":`},
		{``, `null`},
	}
	for _, s := range seeds {
		f.Add(s.query, s.vars)
	}
	s := openStore(f)
	upsert(f, s, fixture())
	h := graph.NewHandler(s, graph.Config{RequestTimeout: 5 * time.Second, Logger: discardLogger()})

	f.Fuzz(func(t *testing.T, query, vars string) {
		req := map[string]any{"query": query}
		if json.Valid([]byte(vars)) {
			req["variables"] = json.RawMessage(vars)
		}
		body, err := json.Marshal(req)
		if err != nil {
			t.Skip("query is not valid UTF-8 JSON")
		}
		rec := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body)).WithContext(t.Context())
		r.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, r)
		if rec.Code >= http.StatusInternalServerError {
			t.Fatalf("status %d for query %q: %s", rec.Code, query, rec.Body)
		}
		var resp gqlResponse
		dec := json.NewDecoder(rec.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&resp); err != nil {
			t.Fatalf("response is not a GraphQL response: %v", err)
		}
		if resp.Data == nil && len(resp.Errors) == 0 {
			t.Fatal("response has neither data nor errors")
		}
		for _, e := range resp.Errors {
			if e.Message == "" {
				t.Errorf("error without a message: %+v", e)
			}
			if e.code() == "" || e.code() == "INTERNAL_SERVER_ERROR" {
				t.Errorf("error code %q for query %q: %s", e.code(), query, e.Message)
			}
		}
	})
}
