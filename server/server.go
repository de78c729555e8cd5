// Package server serves the newsgraph HTTP API: GraphQL at /graphql, the
// browser UI of package web (GraphiQL at /, the graph explorer at /explore,
// their bundles under /assets/), the routes other packages build
// (/v1/subgraph, /export, /metrics), and the liveness and readiness probes
// /healthz and /readyz. It knows nothing about GraphQL itself: the GraphQL handler is
// built by package graph and passed in.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/web"
)

// Pinger reports whether the store behind the API is reachable.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Config configures the HTTP server.
type Config struct {
	// Addr is the TCP address to listen on, such as "127.0.0.1:8080".
	Addr string
	// ShutdownTimeout bounds the graceful shutdown; in-flight requests
	// still running after it are cut off.
	ShutdownTimeout time.Duration
	// ReadyTimeout bounds the store ping behind /readyz; the default, 1s,
	// turns /readyz unready within about a second of a store that hangs.
	ReadyTimeout time.Duration
	// Logger receives request and lifecycle logs.
	Logger *slog.Logger

	// RequestTimeout is the API's time limit of one request (graph and
	// subgraph enforce it); the connection's read and write deadlines
	// follow from it: the body must arrive within it plus a second and
	// the answer be written within it plus five. 0 means 10s.
	RequestTimeout time.Duration
	// MaxConcurrent bounds the requests served at once (probes and
	// websockets not counted); more are answered 503 with Retry-After.
	// 0 means DefaultMaxConcurrent.
	MaxConcurrent int
	// RateLimit limits each client's request rate; off when PerSecond is 0.
	RateLimit RateLimit
	// TrustedProxyHeader names the header ("X-Forwarded-For", say) whose
	// last address is the client's, set by a proxy in front; clients are
	// then rate-limited by it. Empty: by the connection's remote address.
	// Set it only behind a proxy that sets the header: a client can send
	// it too.
	TrustedProxyHeader string
	// CORSOrigins are the origins whose pages may call /graphql,
	// /v1/subgraph and /export: exact origins ("https://app.example.com"),
	// or "*" for any (see CheckCORSOrigins). Empty, the default, sends no
	// CORS headers. Preflights are answered before the limits and do not
	// count against them, and refusals by the limits (429, 503) carry the
	// headers, so a page can read Retry-After.
	CORSOrigins []string
	// Middleware wraps the whole API, outermost first, around the request
	// log: metrics and tracing see every request, refused ones included.
	Middleware []func(http.Handler) http.Handler
}

// DefaultMaxConcurrent is the default of Config.MaxConcurrent.
const DefaultMaxConcurrent = 256

// Routes are the API's handlers that Handler mounts.
type Routes struct {
	// GraphQL serves /graphql (package graph).
	GraphQL http.Handler
	// Subgraph serves GET /v1/subgraph (package subgraph); nil leaves the
	// route out.
	Subgraph http.Handler
	// Export serves GET /export (package export); nil leaves the route
	// out. Its whole-graph exports stream past the request timeout: it
	// moves the connection's deadlines itself.
	Export http.Handler
	// Metrics serves GET /metrics (package metrics); nil leaves the route
	// out.
	Metrics http.Handler
}

// Handler returns the HTTP handler of the whole API: the routes, the
// browser UI (GraphiQL at /, the explorer at /explore, /assets/),
// /healthz, and /readyz, which store backs.
func Handler(routes Routes, store Pinger, cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	mux := http.NewServeMux()
	mux.Handle("/graphql", routes.GraphQL)
	if routes.Subgraph != nil {
		mux.Handle("/v1/subgraph", routes.Subgraph)
	}
	if routes.Export != nil {
		mux.Handle("GET /export", routes.Export)
	}
	if routes.Metrics != nil {
		mux.Handle("GET /metrics", routes.Metrics)
	}
	mux.Handle("GET /{$}", web.GraphiQL())
	mux.Handle("GET /explore", web.Explorer())
	mux.Handle("GET "+web.AssetsPrefix, web.Assets())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeProbe(w, http.StatusOK, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), cfg.ReadyTimeout)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			cfg.Logger.WarnContext(ctx, "readiness check failed", "err", err)
			writeProbe(w, http.StatusServiceUnavailable, "store unavailable")
			return
		}
		writeProbe(w, http.StatusOK, "ok")
	})
	var h http.Handler = mux
	h = limitConcurrency(cfg.MaxConcurrent, h)
	h = limitRate(cfg.RateLimit, RemoteClient(cfg.TrustedProxyHeader), h)
	h = withCORS(cfg.CORSOrigins, h)
	h = withDeadlines(cfg.RequestTimeout+time.Second, cfg.RequestTimeout+5*time.Second, h)
	h = logRequests(cfg.Logger, h)
	for i := len(cfg.Middleware) - 1; i >= 0; i-- {
		h = cfg.Middleware[i](h)
	}
	return h
}

func writeProbe(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body + "\n"))
}

func (c Config) withDefaults() Config {
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 15 * time.Second
	}
	if c.ReadyTimeout <= 0 {
		c.ReadyTimeout = time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = DefaultMaxConcurrent
	}
	return c
}

// Serve listens on cfg.Addr and serves h until ctx is cancelled, then shuts
// down gracefully: it stops accepting connections and waits up to
// cfg.ShutdownTimeout for in-flight requests. ready, if not nil, is called
// with the bound address once the listener is open (useful with port 0).
func Serve(ctx context.Context, h http.Handler, cfg Config, ready func(addr net.Addr)) error {
	cfg = cfg.withDefaults()
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	cfg.Logger.InfoContext(ctx, "listening", "addr", ln.Addr().String(), "graphiql", "http://"+ln.Addr().String()+"/")
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	cfg.Logger.Info("shutting down", "timeout", cfg.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
