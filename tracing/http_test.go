package tracing_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/newsgraph/newsgraph/tracing"
)

// TestServerSpansAreNamedByRoute checks that no span is named after a path
// a client made up, wrapped around the stdlib mux directly (the pattern
// names the span) and around a handler that hides the mux (the served
// path does, unless it was a 404).
func TestServerSpansAreNamedByRoute(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("POST /graphql", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("{}")) })
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	hidden := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r.WithContext(r.Context())) // a copy: the mux's pattern stays on it
	})
	for _, tc := range []struct {
		name, method, path string
		hide               bool
		want               string
	}{
		{"pattern with a wildcard", "GET", "/items/42", false, "GET /items/{id}"},
		{"pattern", "POST", "/graphql", false, "POST /graphql"},
		{"unknown path, mux", "GET", "/wp-admin/123", false, "GET"},
		{"served path", "POST", "/graphql", true, "POST /graphql"},
		{"failed but served path", "GET", "/healthz", true, "GET /healthz"},
		{"unknown path", "GET", "/wp-admin/123", true, "GET"},
		{"odd method", "BREW", "/graphql", true, "HTTP /graphql"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exporter := tracetest.NewInMemoryExporter()
			tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
			var next http.Handler = mux
			if tc.hide {
				next = hidden
			}
			h := tracing.HTTP(next, tracing.WithTracerProvider(tp))
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(tc.method, tc.path, nil))
			spans := exporter.GetSpans()
			if len(spans) != 1 {
				t.Fatalf("%d spans, want 1", len(spans))
			}
			if spans[0].Name != tc.want {
				t.Errorf("span name %q, want %q", spans[0].Name, tc.want)
			}
		})
	}
}

// TestARequestContinuesTheCallersTrace checks that a W3C traceparent
// header makes the server span a child of the caller's.
func TestARequestContinuesTheCallersTrace(t *testing.T) {
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	h := tracing.HTTP(http.NotFoundHandler(), tracing.WithTracerProvider(tp))
	const traceID, parentID = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("traceparent", "00-"+traceID+"-"+parentID+"-01")
	h.ServeHTTP(httptest.NewRecorder(), r)
	spans := exporter.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans, want 1", len(spans))
	}
	if got := spans[0].SpanContext.TraceID().String(); got != traceID {
		t.Errorf("trace id %s, want the caller's %s", got, traceID)
	}
	if got := spans[0].Parent.SpanID().String(); got != parentID || !spans[0].Parent.IsRemote() {
		t.Errorf("parent %s (remote %v), want the caller's span %s", got, spans[0].Parent.IsRemote(), parentID)
	}
}
