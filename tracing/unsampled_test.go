package tracing_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
	"github.com/newsgraph/newsgraph/tracing"
)

// countingProvider counts the spans its tracers are asked to start.
type countingProvider struct {
	trace.TracerProvider
	starts *atomic.Int64
}

func (p countingProvider) Tracer(name string, opts ...trace.TracerOption) trace.Tracer {
	return countingTracer{p.TracerProvider.Tracer(name, opts...), p.starts}
}

type countingTracer struct {
	trace.Tracer
	starts *atomic.Int64
}

func (t countingTracer) Start(ctx context.Context, name string, opts ...trace.SpanStartOption) (context.Context, trace.Span) {
	t.starts.Add(1)
	return t.Tracer.Start(ctx, name, opts...)
}

// TestAnUnrecordedTraceStartsNoFieldOrStoreSpan checks the cost of tracing
// a request that is not recorded (tracing off, or sampled out): the server
// and operation spans are asked for, and nothing below them, however many
// resolvers and store calls the request makes.
func TestAnUnrecordedTraceStartsNoFieldOrStoreSpan(t *testing.T) {
	for _, tc := range []struct {
		name     string
		provider trace.TracerProvider
		want     int64
	}{
		{"no-op provider", noop.NewTracerProvider(), 2},
		{"sampled out", sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.NeverSample())), 2},
		{"sampled", sdktrace.NewTracerProvider(), 6}, // server, operation, Query.entity, store.EntitiesByID, Person.relations, store.Relations
	} {
		t.Run(tc.name, func(t *testing.T) {
			starts := &atomic.Int64{}
			opt := tracing.WithTracerProvider(countingProvider{tc.provider, starts})
			store := teststore.Open(t)
			if _, err := store.Upsert(t.Context(), storetest.Fixture()); err != nil {
				t.Fatal(err)
			}
			store = instrument.Store(store, tracing.StoreObserver(teststore.Name(), opt))
			h := tracing.HTTP(graph.NewHandler(store, graph.Config{Extensions: []graphql.HandlerExtension{tracing.GraphQL(opt)}}), opt)
			body, _ := json.Marshal(map[string]any{"query": `{ entity(id: "` + storetest.PersonSheinbaum + `") { name relations(first: 5) { edges { node { type } } } } }`})
			r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if got := starts.Load(); got != tc.want {
				t.Errorf("%d spans started, want %d", got, tc.want)
			}
		})
	}
}
