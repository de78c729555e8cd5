package tracing

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/newsgraph/newsgraph/instrument"
)

// StoreObserver returns the observer (see package instrument) that traces
// store calls: a span "store.<Method>" ("store.Neighborhoods") with
// db.system.name storeName ("neo4j" or "embedded") and db.operation.name
// the method, failed (status error, error.type the error's code) when the
// call fails. On Neo4j the store's statements are its children.
//
// Only calls made within a recorded trace are traced: a store call outside
// any request (seeding, a background job) would make a trace of its own
// per call.
func StoreObserver(storeName string, opts ...Option) instrument.Observer {
	return storeObserver{tracer: newConfig(opts).tracer(), system: semconv.DBSystemNameKey.String(storeName)}
}

// storeObserver is the observer StoreObserver returns.
type storeObserver struct {
	tracer trace.Tracer
	system attribute.KeyValue
}

// noEnd ends a call that is not traced.
func noEnd(error) {}

// StoreCall implements instrument.Observer.
func (o storeObserver) StoreCall(ctx context.Context, op string) (context.Context, func(error)) {
	if !inTrace(ctx) {
		return ctx, noEnd
	}
	ctx, span := o.tracer.Start(ctx, "store."+op, trace.WithAttributes(o.system, semconv.DBOperationName(op)))
	return ctx, func(err error) {
		if err != nil {
			failed(span, err)
		}
		span.End()
	}
}
