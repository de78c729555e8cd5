package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/newsgraph/newsgraph/metrics"
	"github.com/newsgraph/newsgraph/server"
)

// metricsFlags configure the Prometheus metrics of "newsgraph serve".
type metricsFlags struct {
	Enabled bool   `name:"metrics" default:"true" negatable:"" env:"NEWSGRAPH_METRICS" help:"Serve Prometheus metrics at GET /metrics (--no-metrics to turn them off). On the API's address anyone who reaches it can read them: block /metrics at the proxy in front, or use --metrics-addr."`
	Addr    string `name:"metrics-addr" placeholder:"ADDR" env:"NEWSGRAPH_METRICS_ADDR" help:"Serve /metrics on this address, a listener of its own outside the API's limits, instead of on the API's address."`
}

// wire adds the metrics of a server over a store named storeName to o, and
// starts their own listener when asked.
func (f metricsFlags) wire(ctx context.Context, o *observed, storeName string, logger *slog.Logger) error {
	if !f.Enabled {
		return nil
	}
	m := metrics.New()
	o.observers = append(o.observers, m.StoreObserver(storeName))
	o.extensions = append(o.extensions, m.GraphQL())
	o.ingested = m.Imported
	o.middleware = append(o.middleware, m.HTTP)
	if f.Addr == "" {
		o.route = m.Handler()
		return nil
	}
	if _, err := server.ListenMetrics(ctx, f.Addr, m.Handler(), logger); err != nil {
		return fmt.Errorf("metrics listener: %w", err)
	}
	return nil
}
