// Package metrics exposes what the server does as Prometheus metrics, in
// the text exposition format at /metrics: HTTP requests by route and
// status, requests the limits refused, GraphQL operations by name, type and
// outcome, errors by code, active subscriptions, store calls by operation
// and store, import progress, and the Go runtime's and the process's own
// metrics.
//
// A Metrics holds its own registry, never Prometheus's global one, so that
// two servers in one process (tests) count apart. Its parts plug into the
// server's existing hooks: HTTP is a server.Config middleware, GraphQL a
// graph.Config extension, StoreObserver an instrument.Observer, Imported
// the graph.Config ingest hook, and Handler the server.Routes.Metrics
// route. Every label has a small, fixed set of values, whatever clients
// send: routes are a fixed list, operation names are capped (see
// MaxOperationNames), codes are the API's error codes.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric of the server's own.
const namespace = "newsgraph"

// Metrics are the server's metrics and the registry that exposes them.
// Its methods are safe for concurrent use.
type Metrics struct {
	registry *prometheus.Registry

	http      httpMetrics
	graphql   graphqlMetrics
	store     storeMetrics
	imports   importMetrics
	operation *nameSet
}

// New returns metrics registered in a registry of their own, with the Go
// runtime's and the process's collectors.
func New() *Metrics {
	m := &Metrics{
		registry:  prometheus.NewRegistry(),
		http:      newHTTPMetrics(),
		graphql:   newGraphQLMetrics(),
		store:     newStoreMetrics(),
		imports:   newImportMetrics(),
		operation: newNameSet(MaxOperationNames),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	m.http.register(m.registry)
	m.graphql.register(m.registry)
	m.store.register(m.registry)
	m.imports.register(m.registry)
	return m
}

// Handler serves the metrics in the Prometheus text format. A failure to
// gather a metric is answered with a 500, so that the scraper notices.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
