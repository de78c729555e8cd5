package server

import (
	"log/slog"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/newsgraph/newsgraph/reqlog"
)

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (flushing,
// hijacking for websockets).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests logs one structured line per request, with the request's id
// (a sane X-Request-ID header's, else a new one, echoed in the response),
// the GraphQL operation it ran (set by package graph through reqlog) and,
// when the request is traced (package tracing), its trace id.
// It never logs request headers, so credentials stay out of the logs.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := reqlog.New(r.Header.Get("X-Request-ID"))
		w.Header().Set("X-Request-ID", info.ID())
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(reqlog.With(r.Context(), info)))
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			level = slog.LevelDebug
		}
		if rec.status >= 500 {
			level = slog.LevelError
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		attrs := []slog.Attr{
			slog.String("requestId", info.ID()),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		}
		if name, typ := info.Operation(); typ != "" {
			attrs = append(attrs, slog.String("operation", name), slog.String("operationType", typ))
		}
		if span := trace.SpanFromContext(r.Context()); span.IsRecording() {
			attrs = append(attrs, slog.String("traceId", span.SpanContext().TraceID().String()))
		}
		logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}
