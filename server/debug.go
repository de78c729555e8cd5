package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// DebugHandler returns the handler of the debug listener: the Go runtime's
// profiles (net/http/pprof) under /debug/pprof/, for `go tool pprof
// http://ADDR/debug/pprof/profile`. It exposes the process's internals, so
// it belongs on an address only operators reach, never on the API's.
func DebugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// ListenDebug starts serving DebugHandler on addr and returns the address
// it listens on; it stops when ctx ends. A failure to listen is returned at
// once, so that a mistyped address stops the start.
func ListenDebug(ctx context.Context, addr string, logger *slog.Logger) (net.Addr, error) {
	return listenPrivate(ctx, addr, DebugHandler(), logger, "debug listener", "pprof", "/debug/pprof/")
}

// ListenMetrics starts serving metrics at GET /metrics on addr, a listener
// of its own for a scraper on a private network, and returns the address
// it listens on; like ListenDebug, it stops when ctx ends and returns a
// failure to listen at once.
func ListenMetrics(ctx context.Context, addr string, metrics http.Handler, logger *slog.Logger) (net.Addr, error) {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics)
	return listenPrivate(ctx, addr, mux, logger, "metrics listener", "metrics", "/metrics")
}

// listenPrivate serves h on addr, a listener for operators, until ctx
// ends, and logs msg with the URL of path as key.
func listenPrivate(ctx context.Context, addr string, h http.Handler, logger *slog.Logger, msg, key, path string) (net.Addr, error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.InfoContext(ctx, msg, "addr", ln.Addr().String(), key, "http://"+ln.Addr().String()+path)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error(msg+" stopped", "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		_ = srv.Close() // profiles and scrapes in progress are cut off
	}()
	return ln.Addr(), nil
}
