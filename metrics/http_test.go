package metrics_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/metrics"
)

// TestTheMiddlewareKeepsTheWritersAbilities checks that a handler behind
// the middleware can still flush, set deadlines and hijack, through
// http.ResponseController, and that the answers are counted.
func TestTheMiddlewareKeepsTheWritersAbilities(t *testing.T) {
	m := metrics.New()
	mux := http.NewServeMux()
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if err := rc.SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
			t.Errorf("SetWriteDeadline: %v", err)
		}
		_, _ = io.WriteString(w, "part")
		if err := rc.Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
	})
	mux.HandleFunc("/v1/subgraph", func(w http.ResponseWriter, r *http.Request) {
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("Hijack: %v", err)
			return
		}
		defer conn.Close()
		_, _ = rw.WriteString("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
		_ = rw.Flush()
	})
	srv := httptest.NewServer(m.HTTP(mux))
	defer srv.Close()
	for _, want := range []struct {
		path, body string
		status     int
	}{{"/graphql", "part", 200}, {"/v1/subgraph", "", 204}} {
		resp, err := http.Get(srv.URL + want.path)
		if err != nil {
			t.Fatalf("GET %s: %v", want.path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want.status || string(body) != want.body {
			t.Errorf("GET %s: %d %q, want %d %q", want.path, resp.StatusCode, body, want.status, want.body)
		}
	}
	// The client has its answer before the handler returns and the
	// middleware counts it: scrape until the hijacked request is counted.
	hijacked := series("newsgraph_http_requests_total", "route", "/v1/subgraph", "code", "101")
	var s samples
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		if s = parse(t, rec.Body); s[hijacked] == 1 || time.Now().After(deadline) {
			break
		}
	}
	for _, want := range []string{
		series("newsgraph_http_requests_total", "route", "/graphql", "code", "200"),
		// A hijacked connection counts as an upgrade, its latency not.
		series("newsgraph_http_requests_total", "route", "/v1/subgraph", "code", "101"),
		series("newsgraph_http_request_duration_seconds", "route", "/graphql"),
	} {
		if s[want] != 1 {
			t.Errorf("%s = %v, want 1", want, s[want])
		}
	}
	if got := s[series("newsgraph_http_request_duration_seconds", "route", "/v1/subgraph")]; got != 0 {
		t.Errorf("the hijacked request's latency was observed")
	}
}
