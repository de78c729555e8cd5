// Package instrument wraps a newsgraph.Store so that observers (metrics,
// tracing) see every store call: its operation name, its context and its
// outcome. The wrapper adds no behaviour of its own: every call goes to the
// wrapped store with the context an observer returns, and its results and
// error come back unchanged.
package instrument

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// Observer watches store calls. StoreCall is called as a call begins, with
// the name of the Store method ("Neighborhoods", "Upsert", ...); the store
// runs with the context it returns (so a tracer can start a span), and the
// returned func is called once with the call's error when it ends.
// Observers must be safe for concurrent use.
type Observer interface {
	StoreCall(ctx context.Context, operation string) (context.Context, func(error))
}

// ObserverFunc adapts a function to Observer.
type ObserverFunc func(ctx context.Context, operation string) (context.Context, func(error))

// StoreCall calls f.
func (f ObserverFunc) StoreCall(ctx context.Context, operation string) (context.Context, func(error)) {
	return f(ctx, operation)
}

// Store returns s observed by observers, in order (the first observer's
// context is passed to the second). With no observer it returns s.
func Store(s newsgraph.Store, observers ...Observer) newsgraph.Store {
	if len(observers) == 0 {
		return s
	}
	return &observed{store: s, observers: observers}
}

// Unwrap returns the store an observed store wraps, or s itself.
func Unwrap(s newsgraph.Store) newsgraph.Store {
	if o, ok := s.(*observed); ok {
		return o.store
	}
	return s
}

// observed is a Store whose calls its observers see.
type observed struct {
	store     newsgraph.Store
	observers []Observer
}

// begin tells every observer a call of operation begins and returns the
// context to run it with and the func that reports its end.
func (o *observed) begin(ctx context.Context, operation string) (context.Context, func(error)) {
	if len(o.observers) == 1 {
		return o.observers[0].StoreCall(ctx, operation)
	}
	ends := make([]func(error), len(o.observers))
	for i, ob := range o.observers {
		ctx, ends[i] = ob.StoreCall(ctx, operation)
	}
	return ctx, func(err error) {
		for i := len(ends) - 1; i >= 0; i-- {
			ends[i](err)
		}
	}
}

// call runs fn as the store call operation.
func call[T any](o *observed, ctx context.Context, operation string, fn func(context.Context) (T, error)) (T, error) {
	ctx, end := o.begin(ctx, operation)
	v, err := fn(ctx)
	end(err)
	return v, err
}
