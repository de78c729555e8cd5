package tracing_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace/noop"
	coltrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"

	"github.com/newsgraph/newsgraph/tracing"
)

// otelEnv are the variables Setup looks at; each test starts with them
// unset.
var otelEnv = []string{
	"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED",
	"OTEL_TRACES_EXPORTER", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
}

func clearOTelEnv(t *testing.T) {
	t.Helper()
	for _, k := range otelEnv {
		t.Setenv(k, "")
	}
}

// TestTracingIsOffUnlessAnEndpointIsNamed checks that without an OTLP
// endpoint (or with tracing turned off explicitly) Setup reports tracing
// off and leaves the process's provider and propagator as they were.
func TestTracingIsOffUnlessAnEndpointIsNamed(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"no environment", nil, false},
		{"a service name only", map[string]string{"OTEL_SERVICE_NAME": "x", "OTEL_TRACES_SAMPLER": "always_on"}, false},
		{"blank endpoint", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "  "}, false},
		{"SDK disabled", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318", "OTEL_SDK_DISABLED": "true"}, false},
		{"exporter none", map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces", "OTEL_TRACES_EXPORTER": "none"}, false},
		{"endpoint", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, true},
		{"traces endpoint", map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearOTelEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			if got := tracing.Configured(); got != tc.want {
				t.Fatalf("Configured() = %v, want %v", got, tc.want)
			}
			if tc.want {
				return // TestSetupExportsToTheEndpoint covers Setup turned on
			}
			provider, propagator := otel.GetTracerProvider(), otel.GetTextMapPropagator()
			shutdown, enabled, err := tracing.Setup(t.Context(), "test", slog.New(slog.DiscardHandler))
			if err != nil || enabled {
				t.Fatalf("Setup = enabled %v, err %v; want off and no error", enabled, err)
			}
			if otel.GetTracerProvider() != provider || otel.GetTextMapPropagator() != propagator {
				t.Error("Setup installed a provider or propagator with tracing off")
			}
			if err := shutdown(t.Context()); err != nil {
				t.Errorf("shutdown: %v", err)
			}
		})
	}
}

// collector is a fake OTLP/HTTP collector that keeps the requests it is
// sent.
type collector struct {
	mu       sync.Mutex
	requests []*coltrace.ExportTraceServiceRequest
	paths    []string
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := &coltrace.ExportTraceServiceRequest{}
	if err := proto.Unmarshal(body, req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	c.requests = append(c.requests, req)
	c.paths = append(c.paths, r.URL.Path)
	c.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-protobuf")
	out, _ := proto.Marshal(&coltrace.ExportTraceServiceResponse{})
	_, _ = w.Write(out)
}

// TestSetupExportsToTheEndpoint turns tracing on against a fake collector
// and checks that a span reaches it, flushed by shutdown, under the
// service name the environment gives (newsgraph by default), and that the
// W3C propagator is installed.
func TestSetupExportsToTheEndpoint(t *testing.T) {
	for _, tc := range []struct {
		name, serviceEnv, wantService string
	}{
		{"default service name", "", "newsgraph"},
		{"OTEL_SERVICE_NAME", "graph-eu", "graph-eu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearOTelEnv(t)
			col := &collector{}
			srv := httptest.NewServer(col)
			defer srv.Close()
			t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", srv.URL)
			t.Setenv("OTEL_SERVICE_NAME", tc.serviceEnv)
			t.Cleanup(func() {
				otel.SetTracerProvider(noop.NewTracerProvider())
				otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator())
			})

			shutdown, enabled, err := tracing.Setup(t.Context(), "v1.2.3", slog.New(slog.DiscardHandler))
			if err != nil || !enabled {
				t.Fatalf("Setup = enabled %v, err %v; want on", enabled, err)
			}
			if _, ok := otel.GetTextMapPropagator().(propagation.TraceContext); !ok {
				t.Errorf("propagator %T, want propagation.TraceContext", otel.GetTextMapPropagator())
			}
			_, span := otel.Tracer("test").Start(t.Context(), "a span")
			span.End()
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			if err := shutdown(ctx); err != nil {
				t.Fatalf("shutdown: %v", err)
			}

			col.mu.Lock()
			defer col.mu.Unlock()
			if len(col.requests) == 0 {
				t.Fatal("the collector received nothing")
			}
			if col.paths[0] != "/v1/traces" {
				t.Errorf("exported to %s, want /v1/traces", col.paths[0])
			}
			rs := col.requests[0].ResourceSpans[0]
			attrs := map[string]string{}
			for _, kv := range rs.Resource.Attributes {
				attrs[kv.Key] = kv.Value.GetStringValue()
			}
			if attrs["service.name"] != tc.wantService || attrs["service.version"] != "v1.2.3" {
				t.Errorf("resource service %q version %q, want %q v1.2.3", attrs["service.name"], attrs["service.version"], tc.wantService)
			}
			if got := rs.ScopeSpans[0].Spans[0].Name; got != "a span" {
				t.Errorf("exported span %q, want %q", got, "a span")
			}
		})
	}
}
