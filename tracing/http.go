package tracing

import (
	"net/http"
	"strings"

	"github.com/felixge/httpsnoop"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// HTTP traces every request next serves with a server span (otelhttp's,
// with the stable HTTP semantic conventions), continuing the trace of a
// W3C traceparent header when the request carries one.
//
// The span is named by route, "POST /graphql", never by a raw path a
// client chose: the request's ServeMux pattern when next is the mux
// itself; otherwise, since newsgraph's routes are fixed paths, the path of
// a request that next served, and the method alone ("GET") for a path it
// answered 404, so that probing random paths cannot make span names
// without bound.
func HTTP(next http.Handler, opts ...Option) http.Handler {
	c := newConfig(opts)
	return otelhttp.NewHandler(nameByRoute(next), "newsgraph",
		otelhttp.WithTracerProvider(c.provider),
		otelhttp.WithPropagators(propagation.TraceContext{}),
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return spanName(r.Method, route(r.Pattern)) }),
	)
}

// nameByRoute renames the request's span, once next has answered, after
// the route it served (see HTTP).
func nameByRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		span := trace.SpanFromContext(r.Context())
		if !span.IsRecording() {
			next.ServeHTTP(w, r)
			return
		}
		status := 0
		// httpsnoop keeps the writer's other interfaces (Flusher,
		// Hijacker for websockets), which a plain wrapper would hide.
		w = httpsnoop.Wrap(w, httpsnoop.Hooks{
			WriteHeader: func(next httpsnoop.WriteHeaderFunc) httpsnoop.WriteHeaderFunc {
				return func(code int) {
					if status == 0 {
						status = code
					}
					next(code)
				}
			},
			Write: func(next httpsnoop.WriteFunc) httpsnoop.WriteFunc {
				return func(b []byte) (int, error) {
					if status == 0 {
						status = http.StatusOK
					}
					return next(b)
				}
			},
		})
		next.ServeHTTP(w, r)
		if r.Pattern != "" || status == http.StatusNotFound {
			return // named at the start (a pattern) or left unnamed (404)
		}
		span.SetName(spanName(r.Method, r.URL.Path))
		span.SetAttributes(semconv.HTTPRoute(r.URL.Path))
	})
}

// route returns the path part of a ServeMux pattern ("GET /healthz" →
// "/healthz"), "" for none.
func route(pattern string) string {
	if i := strings.IndexByte(pattern, '/'); i >= 0 {
		return pattern[i:]
	}
	return ""
}

// spanName is the HTTP semantic conventions' span name: "{method}
// {route}", or the method alone without a route; a method outside the
// standard ones is "HTTP".
func spanName(method, route string) string {
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete,
		http.MethodHead, http.MethodOptions, http.MethodConnect, http.MethodTrace:
	case "":
		method = http.MethodGet
	default:
		method = "HTTP"
	}
	if route == "" {
		return method
	}
	return method + " " + route
}
