package metrics_test

import (
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// article is an ingestDocument input of two relations over new entities.
func article(quote string) map[string]any {
	return map[string]any{
		"document": map[string]any{"title": "Example meets example", "publishedAt": "2025-11-20",
			"text": "Alice Example met Bob Example in Springfield. Bob Example praised Alice Example."},
		"entities": []any{
			map[string]any{"ref": "alice", "kind": "PERSON", "name": "Alice Example"},
			map[string]any{"ref": "bob", "kind": "PERSON", "name": "Bob Example"},
		},
		"relations": []any{
			map[string]any{"type": "MET_WITH", "from": "alice", "to": "bob", "quotes": []string{quote}},
			map[string]any{"type": "PRAISED", "from": "bob", "to": "alice", "quotes": []string{"Bob Example praised Alice Example."}},
		},
	}
}

const ingest = `mutation Ingest($input: IngestInput!) { ingestDocument(input: $input) { relationsCreated } }`

// TestRequestsAreCountedByRouteOperationAndCode drives the API as clients
// do and checks each counter the requests move, with its labels and value.
func TestRequestsAreCountedByRouteOperationAndCode(t *testing.T) {
	var clients atomic.Int64
	a := startAPI(t, apiOptions{server: server.Config{RateLimit: server.RateLimit{
		PerSecond: 0.001, Burst: 1,
		// One client, "greedy", is limited; every other request is a
		// client of its own.
		ClientOf: func(r *http.Request) string {
			if c := r.Header.Get("X-Client"); c != "" {
				return c
			}
			return string(rune(clients.Add(1)))
		},
	}}})
	writeKey := http.Header{"Authorization": {"Bearer " + a.writeKey}}
	greedy := http.Header{"X-Client": {"greedy"}}
	requests := []struct {
		name   string
		header http.Header
		query  string
		vars   map[string]any
		status int
		code   string
	}{
		{"query", nil, `query Stats { stats { entities } }`, nil, 200, "ok"},
		{"anonymous query", nil, `{ stats { documents } }`, nil, 200, "ok"},
		{"invalid query", nil, `query Broken { stats { nope } }`, nil, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"failing query", nil, `query Deep { neighborhood(id: "person:x", depth: 1000) { truncated } }`, nil, 200, "LIMIT_EXCEEDED"},
		{"mutation without key", nil, ingest, map[string]any{"input": article("Alice Example met Bob Example")}, 200, "UNAUTHENTICATED"},
		{"mutation", writeKey, ingest, map[string]any{"input": article("Alice Example met Bob Example")}, 200, "ok"},
		{"rejected mutation", writeKey, ingest, map[string]any{"input": article("words the text does not hold")}, 200, "BAD_USER_INPUT"},
		{"first of a greedy client", greedy, `query Stats { stats { entities } }`, nil, 200, "ok"},
		{"rate-limited", greedy, `query Stats { stats { entities } }`, nil, 429, "LIMIT_EXCEEDED"},
	}
	for _, r := range requests {
		status, resp := a.post(t, r.header, r.query, r.vars)
		if status != r.status || resp.code() != r.code {
			t.Fatalf("%s: %d %s (%v), want %d %s", r.name, status, resp.code(), resp.Errors, r.status, r.code)
		}
	}
	if got := a.get(t, "/wp-login.php"); got != 404 {
		t.Fatalf("GET /wp-login.php: %d", got)
	}
	if got := a.get(t, "/healthz"); got != 200 {
		t.Fatalf("GET /healthz: %d", got)
	}

	s := a.scrape(t)
	for _, want := range []struct {
		series string
		value  float64
	}{
		{series("newsgraph_graphql_operations_total", "operation", "Stats", "type", "query", "code", "ok"), 2},
		{series("newsgraph_graphql_operations_total", "operation", "", "type", "query", "code", "ok"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "", "type", "", "code", "GRAPHQL_VALIDATION_FAILED"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "Deep", "type", "query", "code", "LIMIT_EXCEEDED"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "Ingest", "type", "mutation", "code", "UNAUTHENTICATED"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "Ingest", "type", "mutation", "code", "ok"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "Ingest", "type", "mutation", "code", "BAD_USER_INPUT"), 1},
		{series("newsgraph_graphql_operation_duration_seconds", "operation", "Stats", "type", "query"), 2},
		{series("newsgraph_graphql_operation_duration_seconds", "operation", "Ingest", "type", "mutation"), 3},
		{series("newsgraph_graphql_errors_total", "code", "GRAPHQL_VALIDATION_FAILED"), 1},
		{series("newsgraph_graphql_errors_total", "code", "UNAUTHENTICATED"), 1},
		{series("newsgraph_graphql_errors_total", "code", "BAD_USER_INPUT"), 1},
		{series("newsgraph_graphql_errors_total", "code", "LIMIT_EXCEEDED"), 1},
		{series("newsgraph_http_requests_total", "route", "/graphql", "code", "200"), 7},
		{series("newsgraph_http_requests_total", "route", "/graphql", "code", "422"), 1},
		{series("newsgraph_http_requests_total", "route", "/graphql", "code", "429"), 1},
		{series("newsgraph_http_requests_total", "route", "other", "code", "404"), 1},
		{series("newsgraph_http_requests_total", "route", "/healthz", "code", "200"), 1},
		{series("newsgraph_http_request_duration_seconds", "route", "/graphql"), 9},
		{series("newsgraph_http_refused_total", "reason", "rate_limited"), 1},
		{series("newsgraph_http_refused_total", "reason", "overloaded"), 0},
		{series("newsgraph_import_documents_total", "outcome", "committed"), 1},
		{series("newsgraph_import_documents_total", "outcome", "rejected"), 1},
		{series("newsgraph_import_relations_total"), 2},
		{series("newsgraph_graphql_subscriptions_active"), 0},
	} {
		if got, ok := s[want.series]; !ok || got != want.value {
			t.Errorf("%s = %v (present: %v), want %v", want.series, got, ok, want.value)
		}
	}
	// Nothing else: the refused request reached no operation, and no raw
	// path became a label.
	if got := s.with("newsgraph_graphql_operations_total").sum(); got != 8 {
		t.Errorf("%v operations counted, want 8:\n%s", got, s.dump("newsgraph_graphql_operations_total"))
	}
	if got := s.with("newsgraph_http_requests_total", "route", "/wp-login.php"); len(got) != 0 {
		t.Errorf("a raw path became a route label: %v", got)
	}
	// The store calls: the successful reads and the committed write, by
	// the store's name.
	if got := s[series("newsgraph_store_calls_total", "store", teststore.Name(), "operation", "Stats", "code", "ok")]; got != 3 {
		t.Errorf("Stats store calls = %v, want 3:\n%s", got, s.dump("newsgraph_store_calls_total"))
	}
	if got := s[series("newsgraph_store_calls_total", "store", teststore.Name(), "operation", "Upsert", "code", "ok")]; got != 1 {
		t.Errorf("Upsert store calls = %v, want 1:\n%s", got, s.dump("newsgraph_store_calls_total"))
	}
	if got := s[series("newsgraph_store_call_duration_seconds", "store", teststore.Name(), "operation", "Upsert")]; got != 1 {
		t.Errorf("Upsert store call latencies = %v, want 1", got)
	}
}
