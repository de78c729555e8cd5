package tracing

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// instrumentationName names this package as the instrumentation scope of
// the spans it starts.
const instrumentationName = "github.com/newsgraph/newsgraph/tracing"

// Option configures HTTP, GraphQL and StoreObserver.
type Option func(*config)

// config is what the options set.
type config struct {
	provider trace.TracerProvider
}

// WithTracerProvider makes spans with tp instead of the process-wide
// provider (the one Setup installs).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.provider = tp }
}

// newConfig applies opts over the defaults.
func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.provider == nil {
		// The global provider delegates to the one Setup installs, even
		// when it is installed after this call.
		c.provider = otel.GetTracerProvider()
	}
	return c
}

// tracer returns the package's tracer from c's provider.
func (c config) tracer() trace.Tracer {
	return c.provider.Tracer(instrumentationName)
}

// inTrace reports whether ctx belongs to a trace being recorded, which is
// when fields and store calls get spans. Its span may have ended already:
// gqlgen resolves a field's children with the context its resolver ran
// with, after that resolver's span ended; a child span then still hangs
// under it.
func inTrace(ctx context.Context) bool {
	span := trace.SpanFromContext(ctx)
	return span.IsRecording() || span.SpanContext().IsSampled()
}
