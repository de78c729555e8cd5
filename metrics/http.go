package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// The reasons of newsgraph_http_refused_total.
const (
	// refusedRateLimited: a client over its rate limit, answered 429.
	refusedRateLimited = "rate_limited"
	// refusedOverloaded: over the server's concurrent requests, answered
	// 503.
	refusedOverloaded = "overloaded"
)

// routeOther is the route label of every path that is none of routes.
const routeOther = "other"

// routes are the route labels: the paths the server serves, and nothing a
// client can add to (any other path is routeOther).
var routes = map[string]string{
	"/graphql":     "/graphql",
	"/v1/subgraph": "/v1/subgraph",
	"/export":      "/export",
	"/metrics":     "/metrics",
	"/healthz":     "/healthz",
	"/readyz":      "/readyz",
	"/":            "/",
}

// routeOf returns the route label of a request.
func routeOf(r *http.Request) string {
	if route, ok := routes[r.URL.Path]; ok {
		return route
	}
	return routeOther
}

// httpMetrics count the HTTP requests.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	refused  *prometheus.CounterVec
}

func newHTTPMetrics() httpMetrics {
	m := httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "http_requests_total",
			Help: "HTTP requests answered, by route and status code (101 for a websocket upgrade).",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route; websockets, which last as long as their subscriptions, are left out.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "http_refused_total",
			Help: "HTTP requests the server's limits refused: rate_limited (429, a client over --rate-limit) or overloaded (503, over --max-concurrent).",
		}, []string{"reason"}),
	}
	// Both reasons are there from the start, at 0, so that a rate over
	// them is defined before the first refusal.
	m.refused.WithLabelValues(refusedRateLimited)
	m.refused.WithLabelValues(refusedOverloaded)
	return m
}

func (m httpMetrics) register(r prometheus.Registerer) {
	r.MustRegister(m.requests, m.duration, m.refused)
}

// HTTP counts the requests next answers: by route and status code, with
// their latency, and the refusals of the server's limits. It belongs
// outermost (server.Config.Middleware), to see the refused requests too.
//
// A refusal is recognised by its answer, which only the server's limits
// give: 429 is rate_limited, and 503 with Retry-After is overloaded (a 503
// without it is a store that is down, from /readyz or /v1/subgraph, and
// counts only as a 503).
//
// The writer next gets lets http.ResponseController reach the connection's
// (Unwrap), and supports Flush and Hijack itself, so that websockets
// upgrade through it.
func (m *Metrics) HTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		status := rec.status
		if status == 0 {
			status = http.StatusOK // nothing written: net/http answers 200
		}
		route := routeOf(r)
		m.http.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
		if !rec.hijacked {
			m.http.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
		}
		switch {
		case status == http.StatusTooManyRequests:
			m.http.refused.WithLabelValues(refusedRateLimited).Inc()
		case status == http.StatusServiceUnavailable && rec.Header().Get("Retry-After") != "":
			m.http.refused.WithLabelValues(refusedOverloaded).Inc()
		}
	})
}
