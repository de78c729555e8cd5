package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/subgraph"
	"github.com/newsgraph/newsgraph/tracing"
)

// serveCmd runs the HTTP server.
type serveCmd struct {
	Addr            string        `default:"127.0.0.1:8080" env:"NEWSGRAPH_ADDR" help:"Address to listen on."`
	SeedEmpty       bool          `name:"seed" default:"true" negatable:"" env:"NEWSGRAPH_SEED" help:"Load the seed graph when the store is empty (--no-seed to start empty)."`
	RequestTimeout  time.Duration `default:"10s" env:"NEWSGRAPH_REQUEST_TIMEOUT" help:"Time limit of one GraphQL request."`
	ComplexityLimit int           `default:"30000" env:"NEWSGRAPH_COMPLEXITY_LIMIT" help:"Maximum complexity score of one GraphQL operation."`
	DepthLimit      int           `default:"12" env:"NEWSGRAPH_DEPTH_LIMIT" help:"Maximum selection-set nesting depth of one GraphQL operation."`
	ExportTimeout   time.Duration `default:"10m" env:"NEWSGRAPH_EXPORT_TIMEOUT" help:"Time limit of a whole-graph export at GET /export, which streams (a neighbourhood export has the request timeout)."`
	ShutdownTimeout time.Duration `default:"15s" env:"NEWSGRAPH_SHUTDOWN_TIMEOUT" help:"Time allowed for in-flight requests on SIGINT/SIGTERM."`
	DebugAddr       string        `placeholder:"ADDR" env:"NEWSGRAPH_DEBUG_ADDR" help:"Also serve Go's runtime profiles (/debug/pprof/) on this address, for go tool pprof; off when empty. Keep it private: it exposes the process's internals."`
	// StrictVocabulary is graph.Config.StrictVocabulary.
	StrictVocabulary bool `name:"strict-vocabulary" env:"NEWSGRAPH_STRICT_VOCABULARY" help:"Make ingestDocument reject relation types outside the relation vocabulary (and ends of kinds a type does not allow) instead of accepting them with a warning."`

	Limits  limitFlags   `embed:"" group:"Limits for a public deployment"`
	Metrics metricsFlags `embed:"" group:"Metrics"`

	Store storeFlags `embed:"" group:"Store"`
	Auth  authFlags  `embed:"" group:"API keys"`
}

// Run starts tracing when the environment asks for it, starts the debug
// listener when asked, loads the API keys, opens the store, seeds it when
// empty, wires metrics and tracing, and serves until ctx ends.
func (c *serveCmd) Run(ctx context.Context, logger *slog.Logger) error {
	stopTracing, tracingOn, err := tracing.Setup(ctx, version, logger)
	if err != nil {
		return err
	}
	defer func() {
		// The spans still buffered get a few seconds to leave.
		flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := stopTracing(flushCtx); err != nil {
			logger.Warn("tracing: flushing spans at shutdown failed", "err", err)
		}
	}()
	// The debug listener starts first, so that a slow open can be profiled.
	if c.DebugAddr != "" {
		if _, err := server.ListenDebug(ctx, c.DebugAddr, logger); err != nil {
			return fmt.Errorf("debug listener: %w", err)
		}
	}
	keys, err := c.Auth.loadKeys(ctx, c.Store.Data, logger)
	if err != nil {
		return err
	}
	allowlist, err := c.Limits.allowlist()
	if err != nil {
		return err
	}
	if err := server.CheckCORSOrigins(c.Limits.CORSOrigins); err != nil {
		return fmt.Errorf("--cors-origins: %w", err)
	}
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	if c.SeedEmpty {
		if err := seedIfEmpty(ctx, store, logger); err != nil {
			return err
		}
	}
	// The handlers' store is watched by every observer (tracing, metrics)
	// through one wrapper; seeding above is not.
	var obs observed
	if tracingOn {
		obs.observers = append(obs.observers, tracing.StoreObserver(c.Store.name()))
		obs.extensions = append(obs.extensions, tracing.GraphQL())
		obs.middleware = append(obs.middleware, func(next http.Handler) http.Handler { return tracing.HTTP(next) })
	}
	if err := c.Metrics.wire(ctx, &obs, c.Store.name(), logger); err != nil {
		return err
	}
	store = instrument.Store(store, obs.observers...)
	gql := graph.NewHandler(store, graph.Config{
		ComplexityLimit:      c.ComplexityLimit,
		DepthLimit:           c.DepthLimit,
		RequestTimeout:       c.RequestTimeout,
		MaxRootFields:        c.Limits.MaxRootFields,
		MaxAliases:           c.Limits.MaxAliases,
		DisableIntrospection: !c.Limits.Introspection,
		Logger:               logger,
		Keys:                 keys,
		RequireKeyForReads:   c.Auth.RequireKeyForReads,
		PersistedQueries:     graph.PersistedQueries(c.Limits.PersistedQueries),
		Allowlist:            allowlist,
		Extensions:           obs.extensions,
		Ingested:             obs.ingested,
		StrictVocabulary:     c.StrictVocabulary,
	})
	routes := server.Routes{
		GraphQL:  gql,
		Subgraph: subgraph.Handler(store, subgraph.Config{Keys: keys, RequireKey: c.Auth.RequireKeyForReads, Timeout: c.RequestTimeout, Logger: logger}),
		Export: export.Handler(store, export.Config{Keys: keys, RequireKey: c.Auth.RequireKeyForReads, Timeout: c.RequestTimeout,
			StreamTimeout: c.ExportTimeout, Logger: logger}),
		Metrics: obs.route,
	}
	cfg := server.Config{
		Addr:               c.Addr,
		ShutdownTimeout:    c.ShutdownTimeout,
		Logger:             logger,
		RequestTimeout:     c.RequestTimeout,
		MaxConcurrent:      c.Limits.MaxConcurrent,
		TrustedProxyHeader: c.Limits.TrustedProxyHeader,
		RateLimit: server.RateLimit{
			PerSecond: c.Limits.RateLimit,
			Burst:     c.Limits.RateBurst,
			ClientOf:  clientOf(keys, c.Limits.TrustedProxyHeader),
		},
		CORSOrigins: c.Limits.CORSOrigins,
		Middleware:  obs.middleware,
	}
	return server.Serve(ctx, server.Handler(routes, store, cfg), cfg, nil)
}

// observed is what metrics and tracing add to the server's wiring: the
// observers of the store the API's handlers call, the GraphQL extensions
// and ingest hook, the middleware and the /metrics route. Empty, it adds
// nothing.
type observed struct {
	observers  []instrument.Observer
	extensions []graphql.HandlerExtension
	ingested   func(committed, rejected, relations int)
	middleware []func(http.Handler) http.Handler
	route      http.Handler
}

// seedIfEmpty loads the seed graph into a store that holds nothing yet, so
// that a first start has something to explore.
func seedIfEmpty(ctx context.Context, store newsgraph.Store, logger *slog.Logger) error {
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Entities > 0 || st.Documents > 0 {
		logger.Info("store holds data; not seeding", "entities", st.Entities, "relations", st.Relations, "documents", st.Documents)
		return nil
	}
	logger.Info("store is empty; loading the seed graph")
	return loadSeed(ctx, store, logger)
}

// limitFlags are the limits an operator of a public server sets.
type limitFlags struct {
	MaxConcurrent      int      `default:"256" env:"NEWSGRAPH_MAX_CONCURRENT" help:"Requests served at once (probes and websockets not counted); more are answered 503 with Retry-After."`
	RateLimit          float64  `default:"0" env:"NEWSGRAPH_RATE_LIMIT" help:"Requests per second each client may make (by API key id, else by address); over it, 429 with Retry-After. 0 turns the limit off."`
	RateBurst          int      `default:"0" env:"NEWSGRAPH_RATE_BURST" help:"Requests a client may make at once above --rate-limit; 0 means the rate, rounded up."`
	TrustedProxyHeader string   `placeholder:"HEADER" env:"NEWSGRAPH_TRUSTED_PROXY_HEADER" help:"Header whose last address is the client's, such as X-Forwarded-For; set it only behind a proxy that sets it."`
	MaxRootFields      int      `default:"20" env:"NEWSGRAPH_MAX_ROOT_FIELDS" help:"Root fields one GraphQL operation may have."`
	MaxAliases         int      `default:"30" env:"NEWSGRAPH_MAX_ALIASES" help:"Aliased fields one GraphQL operation may have."`
	Introspection      bool     `default:"true" negatable:"" env:"NEWSGRAPH_INTROSPECTION" help:"Answer schema introspection (--no-introspection to turn it off; GraphiQL's docs need it)."`
	CORSOrigins        []string `name:"cors-origins" placeholder:"ORIGIN" sep:"," env:"NEWSGRAPH_CORS_ORIGINS" help:"Origins whose pages may call /graphql, /v1/subgraph and /export from a browser (exact, such as https://app.example.com; * for any); off when empty."`
	PersistedQueries   string   `default:"apq" enum:"apq,allowlist,off" env:"NEWSGRAPH_PERSISTED_QUERIES" help:"Persisted queries: apq (automatic: clients may send a query's hash, any query still runs), allowlist (only the operations of --persisted-queries-file run), or off."`
	PersistedFile      string   `name:"persisted-queries-file" placeholder:"FILE" type:"existingfile" env:"NEWSGRAPH_PERSISTED_QUERIES_FILE" help:"Apollo persisted query manifest (JSON) of the operations --persisted-queries=allowlist accepts."`
}

// allowlist loads the persisted query manifest, which the allowlist mode
// needs and the others do not take.
func (l limitFlags) allowlist() (*graph.Allowlist, error) {
	mode := graph.PersistedQueries(l.PersistedQueries)
	switch {
	case mode == graph.PersistedQueriesAllowlist && l.PersistedFile == "":
		return nil, errors.New("--persisted-queries=allowlist needs --persisted-queries-file")
	case mode != graph.PersistedQueriesAllowlist && l.PersistedFile != "":
		return nil, errors.New("--persisted-queries-file is used only with --persisted-queries=allowlist")
	case l.PersistedFile == "":
		return nil, nil
	}
	f, err := os.Open(l.PersistedFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return graph.LoadAllowlist(f)
}
