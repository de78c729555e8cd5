package tracing_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
	"github.com/newsgraph/newsgraph/tracing"
)

// traced is the whole API, wired as serve wires it, over a store holding
// storetest's fixture, tracing to an in-memory exporter.
type traced struct {
	url      string
	exporter *tracetest.InMemoryExporter
	logs     *lockedBuffer
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTraced starts the API; wrap, when not nil, wraps the store under the
// tracing observer (to make it fail, say).
func newTraced(t *testing.T, wrap func(newsgraph.Store) newsgraph.Store) traced {
	t.Helper()
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	t.Cleanup(func() { _ = tp.Shutdown(t.Context()) })
	opt := tracing.WithTracerProvider(tp)

	store := teststore.Open(t)
	if _, err := store.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if wrap != nil {
		store = wrap(store)
	}
	store = instrument.Store(store, tracing.StoreObserver(teststore.Name(), opt))
	logs := &lockedBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	gql := graph.NewHandler(store, graph.Config{Logger: logger, Extensions: []graphql.HandlerExtension{tracing.GraphQL(opt)}})
	cfg := server.Config{Logger: logger, Middleware: []func(http.Handler) http.Handler{
		func(next http.Handler) http.Handler { return tracing.HTTP(next, opt) },
	}}
	srv := httptest.NewServer(server.Handler(server.Routes{GraphQL: gql}, store, cfg))
	t.Cleanup(srv.Close)
	return traced{url: srv.URL, exporter: exporter, logs: logs}
}

// post sends query to /graphql and returns the response's error codes.
func (a traced) post(t *testing.T, query string) []string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := http.Post(a.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d, body %s: %v", resp.StatusCode, raw, err)
	}
	var got []string
	for _, e := range out.Errors {
		c, _ := e.Extensions["code"].(string)
		got = append(got, c)
	}
	return got
}

// spans waits for the request's server span to end (it ends as the
// handler returns, which can be just after the client has the response)
// and returns every span ended.
func (a traced) spans(t *testing.T) tracetest.SpanStubs {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		spans := a.exporter.GetSpans()
		for _, s := range spans {
			if strings.HasPrefix(s.Name, "POST ") {
				return spans
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no server span ended; spans: %v", names(spans))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func names(spans tracetest.SpanStubs) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name)
	}
	return out
}

// find returns the spans named name.
func find(spans tracetest.SpanStubs, name string) []tracetest.SpanStub {
	var out []tracetest.SpanStub
	for _, s := range spans {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

// lineage returns the names of span and its ancestors, span first.
func lineage(spans tracetest.SpanStubs, span tracetest.SpanStub) []string {
	byID := map[string]tracetest.SpanStub{}
	for _, s := range spans {
		byID[s.SpanContext.SpanID().String()] = s
	}
	out := []string{span.Name}
	for span.Parent.IsValid() {
		parent, ok := byID[span.Parent.SpanID().String()]
		if !ok {
			out = append(out, "(parent not exported)")
			break
		}
		if parent.SpanContext.TraceID() != span.SpanContext.TraceID() {
			out = append(out, "(another trace)")
			break
		}
		out = append(out, parent.Name)
		span = parent
	}
	return out
}

func attr(s tracetest.SpanStub, key string) string {
	for _, kv := range s.Attributes {
		if string(kv.Key) == key {
			return kv.Value.String()
		}
	}
	return ""
}

// TestARequestIsOneTreeDownToTheStore runs real requests through the API
// and checks each trace: server span, operation, resolvers, store calls,
// and the code of a failed operation.
func TestARequestIsOneTreeDownToTheStore(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		// lineages are span paths, leaf first, that the trace must hold.
		lineages [][]string
		// absent are span names the trace must not hold.
		absent []string
		// code is the operation's error.type; "" for success.
		code string
		// failed are spans below the operation that must have failed
		// with code.
		failed []string
		wrap   func(newsgraph.Store) newsgraph.Store
	}{
		{
			name:  "entity and its relations",
			query: `query Who { entity(id: "` + storetest.PersonSheinbaum + `") { name relations(first: 2) { totalCount } } }`,
			lineages: [][]string{
				{"store.EntitiesByID", "Query.entity", "query Who", "POST /graphql"},
				{"store.Relations", "Person.relations", "Query.entity", "query Who", "POST /graphql"},
			},
			absent: []string{"Person.name", "RelationConnection.totalCount"},
		},
		{
			name:     "anonymous stats",
			query:    `{ stats { entities relations } }`,
			lineages: [][]string{{"store.Stats", "Query.stats", "query", "POST /graphql"}},
			absent:   []string{"Stats.entities"},
		},
		{
			name:     "a query that does not parse",
			query:    `{ stats {`,
			lineages: [][]string{{"GraphQL Operation", "POST /graphql"}},
			absent:   []string{"Query.stats", "store.Stats"},
			code:     "GRAPHQL_PARSE_FAILED",
		},
		{
			name:     "an unknown field",
			query:    `query Bad { nope }`,
			lineages: [][]string{{"GraphQL Operation", "POST /graphql"}},
			code:     "GRAPHQL_VALIDATION_FAILED",
		},
		{
			name:     "a store call that fails",
			query:    `query Counts { stats { entities } }`,
			lineages: [][]string{{"store.Stats", "Query.stats", "query Counts", "POST /graphql"}},
			code:     "UNAVAILABLE",
			failed:   []string{"store.Stats", "Query.stats"},
			wrap:     func(s newsgraph.Store) newsgraph.Store { return failingStore{s} },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := newTraced(t, tc.wrap)
			gotCodes := api.post(t, tc.query)
			if got := strings.Join(gotCodes, ","); (tc.code == "") != (got == "") || (tc.code != "" && !strings.HasPrefix(got, tc.code)) {
				t.Fatalf("response error codes %q, want %q", got, tc.code)
			}
			spans := api.spans(t)
			for _, want := range tc.lineages {
				found := find(spans, want[0])
				if len(found) == 0 {
					t.Errorf("no span %q; spans: %v", want[0], names(spans))
					continue
				}
				for _, s := range found {
					if got := lineage(spans, s); strings.Join(got, " < ") != strings.Join(want, " < ") {
						t.Errorf("span lineage %v, want %v", got, want)
					}
				}
			}
			for _, name := range tc.absent {
				if len(find(spans, name)) > 0 {
					t.Errorf("span %q exists; plain fields and unreached calls must have none", name)
				}
			}
			op := tc.lineages[0][len(tc.lineages[0])-2]
			for _, s := range find(spans, op) {
				if got := attr(s, "error.type"); got != tc.code {
					t.Errorf("operation span %q error.type %q, want %q", op, got, tc.code)
				}
				if failed := s.Status.Code == codes.Error; failed != (tc.code != "") {
					t.Errorf("operation span %q status %v, want failed=%v", op, s.Status, tc.code != "")
				}
			}
			for _, name := range tc.failed {
				for _, s := range find(spans, name) {
					if s.Status.Code != codes.Error || attr(s, "error.type") != tc.code {
						t.Errorf("span %q: status %v, error.type %q; want failed with %s", name, s.Status, attr(s, "error.type"), tc.code)
					}
				}
			}
			server := find(spans, "POST /graphql")
			if len(server) != 1 {
				t.Fatalf("%d server spans, want 1", len(server))
			}
			if traceID := server[0].SpanContext.TraceID().String(); !strings.Contains(api.logs.String(), `"traceId":"`+traceID+`"`) {
				t.Errorf("the request log line does not carry trace id %s:\n%s", traceID, api.logs.String())
			}
		})
	}
}

// TestOperationAndStoreAttributes checks the attributes a backend groups
// spans by.
func TestOperationAndStoreAttributes(t *testing.T) {
	api := newTraced(t, nil)
	if errs := api.post(t, `query Counts { stats { entities } }`); len(errs) > 0 {
		t.Fatalf("errors %v", errs)
	}
	spans := api.spans(t)
	for _, tc := range []struct {
		span, key, want string
	}{
		{"query Counts", "graphql.operation.name", "Counts"},
		{"query Counts", "graphql.operation.type", "query"},
		{"Query.stats", "graphql.field.path", "stats"},
		{"store.Stats", "db.system.name", teststore.Name()},
		{"store.Stats", "db.operation.name", "Stats"},
		{"POST /graphql", "http.route", "/graphql"},
		{"POST /graphql", "http.response.status_code", "200"},
	} {
		found := find(spans, tc.span)
		if len(found) != 1 {
			t.Errorf("%d spans %q, want 1; spans: %v", len(found), tc.span, names(spans))
			continue
		}
		if got := attr(found[0], tc.key); got != tc.want {
			t.Errorf("span %q: %s = %q, want %q", tc.span, tc.key, got, tc.want)
		}
	}
	for _, s := range spans {
		for _, kv := range s.Attributes {
			if kv.Key == attribute.Key("graphql.document") || strings.Contains(kv.Value.String(), "stats {") {
				t.Errorf("span %q records the query text in %s", s.Name, kv.Key)
			}
		}
	}
}

// failingStore fails every Stats call.
type failingStore struct{ newsgraph.Store }

func (failingStore) Stats(context.Context) (newsgraph.Stats, error) {
	return newsgraph.Stats{}, newsgraph.Errorf(newsgraph.Unavailable, "the store is down")
}
