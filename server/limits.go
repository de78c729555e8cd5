package server

import (
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// isProbe reports whether r asks for /healthz or /readyz, which no limit
// applies to: an orchestrator must see a busy server as alive.
func isProbe(r *http.Request) bool {
	return r.URL.Path == "/healthz" || r.URL.Path == "/readyz"
}

// isUpgrade reports whether r asks to switch protocols (a websocket), which
// lives as long as its subscriptions: no deadline, no concurrency slot.
func isUpgrade(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

// withDeadlines bounds how long a request may take to arrive and to be
// answered on its connection: the body must be read within read of the
// headers and the response written within write, so that a client that
// stalls a body or never reads holds a goroutine and a descriptor for a
// bounded time. http.Server's own ReadTimeout and WriteTimeout would also
// cut websockets, which outlive any request, so the deadlines are set per
// request and cleared after it.
func withDeadlines(read, write time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		now := time.Now()
		// Writers that are not connections (tests' recorders) do not
		// support deadlines; the request is then served without.
		_ = rc.SetReadDeadline(now.Add(read))
		_ = rc.SetWriteDeadline(now.Add(write))
		defer func() { _ = rc.SetWriteDeadline(time.Time{}) }()
		next.ServeHTTP(w, r)
	})
}

// limitConcurrency serves at most n requests at once (probes and
// websockets not counted) and answers the others at once with 503,
// Retry-After and UNAVAILABLE, rather than queueing them without bound.
func limitConcurrency(n int, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isProbe(r) || isUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
			next.ServeHTTP(w, r)
		default:
			w.Header().Set("Retry-After", "1")
			writeJSONError(w, http.StatusServiceUnavailable, "UNAVAILABLE",
				fmt.Sprintf("the server is serving its limit of %d requests at once; retry shortly", n))
		}
	})
}

// RateLimit configures the per-client rate limit.
type RateLimit struct {
	// PerSecond is the sustained rate of requests a client may make; 0
	// turns the limit off.
	PerSecond float64
	// Burst is how many requests a client may make at once above the
	// sustained rate; 0 means max(1, PerSecond).
	Burst int
	// ClientOf names the client of a request: by default its remote
	// address (see Config.TrustedProxyHeader); cmd/newsgraph names a
	// request carrying a valid API key by the key's id.
	ClientOf func(*http.Request) string
}

// rateLimiter keeps one token bucket per client, dropping those idle for
// longer than it takes to refill them.
type rateLimiter struct {
	limit   rate.Limit
	burst   int
	mu      sync.Mutex
	clients map[string]*clientBucket
	pruned  time.Time
}

type clientBucket struct {
	limiter *rate.Limiter
	seen    time.Time
}

// allow reports whether client may make a request now, and otherwise how
// long until it may.
func (l *rateLimiter) allow(client string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	idle := time.Duration(float64(l.burst)/float64(l.limit)*float64(time.Second)) + time.Minute
	if now.Sub(l.pruned) > idle {
		for id, b := range l.clients {
			if now.Sub(b.seen) > idle {
				delete(l.clients, id)
			}
		}
		l.pruned = now
	}
	b := l.clients[client]
	if b == nil {
		b = &clientBucket{limiter: rate.NewLimiter(l.limit, l.burst)}
		l.clients[client] = b
	}
	b.seen = now
	if b.limiter.AllowN(now, 1) {
		return true, 0
	}
	r := b.limiter.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// limitRate answers a client over its rate with 429, Retry-After (whole
// seconds until it may retry) and LIMIT_EXCEEDED. Probes are not limited.
func limitRate(cfg RateLimit, clientOf func(*http.Request) string, next http.Handler) http.Handler {
	if cfg.PerSecond <= 0 {
		return next
	}
	burst := cfg.Burst
	if burst <= 0 {
		burst = max(1, int(math.Ceil(cfg.PerSecond)))
	}
	l := &rateLimiter{limit: rate.Limit(cfg.PerSecond), burst: burst, clients: map[string]*clientBucket{}}
	if cfg.ClientOf != nil {
		clientOf = cfg.ClientOf
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isProbe(r) {
			next.ServeHTTP(w, r)
			return
		}
		ok, wait := l.allow(clientOf(r), time.Now())
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		seconds := max(1, int(math.Ceil(wait.Seconds())))
		w.Header().Set("Retry-After", strconv.Itoa(seconds))
		writeJSONError(w, http.StatusTooManyRequests, "LIMIT_EXCEEDED",
			fmt.Sprintf("rate limit of %g requests per second exceeded; retry in %d s", cfg.PerSecond, seconds))
	})
}

// RemoteClient names the client of a request by its address: the last
// address of header when header is not empty and the request has it (the
// one the trusted proxy in front appended), else the connection's remote
// host. It is the rate limit's default RateLimit.ClientOf.
func RemoteClient(header string) func(*http.Request) string {
	return func(r *http.Request) string {
		if header != "" {
			if v := r.Header.Values(header); len(v) > 0 {
				last := v[len(v)-1]
				if i := strings.LastIndexByte(last, ','); i >= 0 {
					last = last[i+1:]
				}
				if addr := strings.TrimSpace(last); addr != "" {
					return addr
				}
			}
		}
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
}

// writeJSONError answers with a GraphQL-shaped error body, so that a
// client of /graphql reads a refusal here as it reads every other one.
func writeJSONError(w http.ResponseWriter, status int, code, message string) {
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"message": message, "extensions": map[string]any{"code": code},
	}}})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
