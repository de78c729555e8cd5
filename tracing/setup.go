package tracing

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// ServiceName is the service.name of newsgraph's spans unless
// OTEL_SERVICE_NAME (or service.name in OTEL_RESOURCE_ATTRIBUTES) says
// otherwise.
const ServiceName = "newsgraph"

// Setup turns tracing on when the environment names an OTLP endpoint
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, and
// neither OTEL_SDK_DISABLED=true nor OTEL_TRACES_EXPORTER=none): it
// installs, process-wide, a tracer provider that batches spans to that
// endpoint over OTLP/HTTP (protobuf) and the W3C trace-context
// propagator. Everything else comes from the standard OTEL_* environment,
// read by OpenTelemetry's SDK: the sampler (OTEL_TRACES_SAMPLER,
// OTEL_TRACES_SAMPLER_ARG; every trace by default), headers, timeouts,
// batching, and resource attributes; the service is ServiceName, at
// serviceVersion, unless OTEL_SERVICE_NAME names another. Export errors go
// to logger.
//
// enabled reports whether tracing is on. Off, Setup installs nothing and
// shutdown does nothing. On, shutdown flushes the spans still buffered and
// stops the exporter; call it once, as the process ends, with a context
// that bounds the wait.
func Setup(ctx context.Context, serviceVersion string, logger *slog.Logger) (shutdown func(context.Context) error, enabled bool, err error) {
	noop := func(context.Context) error { return nil }
	if logger == nil {
		logger = slog.Default()
	}
	if !Configured() {
		return noop, false, nil
	}
	if p := protocol(); p != "" && p != "http/protobuf" {
		logger.WarnContext(ctx, "tracing: only OTLP over HTTP with protobuf is supported; ignoring the protocol asked for", "protocol", p)
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return noop, false, fmt.Errorf("tracing: OTLP exporter: %w", err)
	}
	res, err := newResource(ctx, serviceVersion)
	if err != nil {
		// A partial resource (a detector failed) is still worth exporting
		// under; only say so.
		logger.WarnContext(ctx, "tracing: resource detection was incomplete", "err", err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
	)
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		logger.Warn("tracing: OpenTelemetry error", "err", err)
	}))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	service, _ := res.Set().Value(semconv.ServiceNameKey)
	logger.InfoContext(ctx, "tracing on", "endpoint", endpoint(), "service", service.String())
	return tp.Shutdown, true, nil
}

// Configured reports whether the environment turns tracing on (see Setup).
func Configured() bool {
	if strings.EqualFold(strings.TrimSpace(os.Getenv("OTEL_SDK_DISABLED")), "true") {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(os.Getenv("OTEL_TRACES_EXPORTER")), "none") {
		return false
	}
	return endpoint() != ""
}

// endpoint is the OTLP endpoint the environment names for traces, "" for
// none.
func endpoint() string {
	if e := strings.TrimSpace(os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")); e != "" {
		return e
	}
	return strings.TrimSpace(os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))
}

// protocol is the OTLP protocol the environment asks for traces, "" when
// it asks for none.
func protocol() string {
	if p := strings.TrimSpace(os.Getenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")); p != "" {
		return p
	}
	return strings.TrimSpace(os.Getenv("OTEL_EXPORTER_OTLP_PROTOCOL"))
}

// newResource describes the process: service.name ServiceName and
// service.version, then whatever the environment says (OTEL_SERVICE_NAME,
// OTEL_RESOURCE_ATTRIBUTES), which wins, and the SDK's own attributes.
func newResource(ctx context.Context, serviceVersion string) (*resource.Resource, error) {
	res, err := resource.New(ctx,
		resource.WithAttributes(semconv.ServiceName(ServiceName), semconv.ServiceVersion(serviceVersion)),
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if res == nil {
		res = resource.Default()
	}
	return res, err
}
