package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/instrument"
)

// storeMetrics count the store calls.
type storeMetrics struct {
	calls    *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newStoreMetrics() storeMetrics {
	return storeMetrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "store_calls_total",
			Help: `Store calls, by store ("embedded" or "neo4j"), operation (the Store method) and code ("ok", or the error's code as the API reports it).`,
		}, []string{"store", "operation", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "store_call_duration_seconds",
			Help:    "Time of a store call, by store and operation.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"store", "operation"}),
	}
}

func (m storeMetrics) register(r prometheus.Registerer) {
	r.MustRegister(m.calls, m.duration)
}

// StoreObserver returns the observer that counts the calls to a store
// named storeName ("embedded" or "neo4j"), for instrument.Store.
func (m *Metrics) StoreObserver(storeName string) instrument.Observer {
	return instrument.ObserverFunc(func(ctx context.Context, op string) (context.Context, func(error)) {
		start := time.Now()
		return ctx, func(err error) {
			m.store.calls.WithLabelValues(storeName, op, storeCode(err)).Inc()
			m.store.duration.WithLabelValues(storeName, op).Observe(time.Since(start).Seconds())
		}
	})
}

// storeCode returns the code label of a store call's error: CodeOK for
// none, and otherwise the code the API reports for it: the domain code,
// except that a deadline is LIMIT_EXCEEDED and a cancellation UNAVAILABLE
// (the embedded store returns them bare), as in graph's error presenter.
func storeCode(err error) string {
	code := newsgraph.ErrorCode(err)
	switch {
	case err == nil:
		return CodeOK
	case code != newsgraph.Internal:
	case errors.Is(err, context.DeadlineExceeded):
		code = newsgraph.LimitExceeded
	case errors.Is(err, context.Canceled):
		code = newsgraph.Unavailable
	}
	return string(code)
}
