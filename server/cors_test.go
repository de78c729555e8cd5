package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/server"
)

// corsHandler is the real server.Handler with every data route mounted.
func corsHandler(origins ...string) http.Handler {
	return server.Handler(server.Routes{GraphQL: readsBody, Subgraph: readsBody, Export: readsBody}, pinger{},
		server.Config{Logger: quietLogger(), CORSOrigins: origins})
}

func corsRequest(h http.Handler, method, path, origin string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(`{}`))
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCORSAllowedOriginGetsHeaders(t *testing.T) {
	h := corsHandler("https://app.example.com", "http://localhost:5173")
	for _, route := range []struct{ method, path string }{{http.MethodPost, "/graphql"}, {http.MethodGet, "/v1/subgraph"}, {http.MethodGet, "/export"}} {
		path := route.path
		rec := corsRequest(h, route.method, path, "http://localhost:5173", nil)
		if got, want := rec.Code, http.StatusOK; got != want {
			t.Errorf("%s: status = %d, want %d", path, got, want)
		}
		if got, want := rec.Header().Get("Access-Control-Allow-Origin"), "http://localhost:5173"; got != want {
			t.Errorf("%s: Allow-Origin = %q, want %q", path, got, want)
		}
		if got := rec.Header().Values("Vary"); !containsFold(got, "Origin") {
			t.Errorf("%s: Vary = %q, want Origin", path, got)
		}
		if got := rec.Header().Get("Access-Control-Expose-Headers"); !strings.Contains(got, "Retry-After") || !strings.Contains(got, "X-Request-Id") && !strings.Contains(got, "X-Request-ID") {
			t.Errorf("%s: Expose-Headers = %q, want Retry-After and X-Request-ID", path, got)
		}
	}
}

func TestCORSDisallowedOriginGetsNone(t *testing.T) {
	h := corsHandler("https://app.example.com")
	for _, origin := range []string{"https://evil.example.com", "https://app.example.com.evil.com", "http://app.example.com"} {
		rec := corsRequest(h, http.MethodPost, "/graphql", origin, nil)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("%s: Allow-Origin = %q, want none", origin, got)
		}
		pre := corsRequest(h, http.MethodOptions, "/graphql", origin, map[string]string{"Access-Control-Request-Method": "POST"})
		if got := pre.Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("%s: preflight Allow-Origin = %q, want none", origin, got)
		}
	}
}

func TestCORSPreflight(t *testing.T) {
	h := corsHandler("https://app.example.com")
	for _, path := range []string{"/graphql", "/v1/subgraph", "/export"} {
		// Browsers send the requested headers lowercased and sorted (Fetch
		// standard, CORS-preflight fetch); rs/cors relies on it.
		rec := corsRequest(h, http.MethodOptions, path, "https://app.example.com", map[string]string{
			"Access-Control-Request-Method":  "POST",
			"Access-Control-Request-Headers": "apollographql-client-name,authorization,content-type,x-request-id",
		})
		if got, want := rec.Code, http.StatusNoContent; got != want {
			t.Errorf("%s: status = %d, want %d", path, got, want)
		}
		for name, want := range map[string]string{
			"Access-Control-Allow-Origin":  "https://app.example.com",
			"Access-Control-Allow-Methods": "POST",
			"Access-Control-Allow-Headers": "apollographql-client-name,authorization,content-type,x-request-id",
			"Access-Control-Max-Age":       "600",
		} {
			if got := rec.Header().Get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", path, name, got, want)
			}
		}
		if got := rec.Header().Values("Vary"); !containsFold(got, "Origin") {
			t.Errorf("%s: Vary = %q, want Origin", path, got)
		}
	}
	// A header nobody allowed fails the preflight: no Allow-Origin.
	rec := corsRequest(h, http.MethodOptions, "/graphql", "https://app.example.com", map[string]string{
		"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-secret",
	})
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("unknown header: Allow-Origin = %q, want none", got)
	}
}

func TestCORSStar(t *testing.T) {
	h := corsHandler("*")
	rec := corsRequest(h, http.MethodGet, "/graphql?query={__typename}", "https://anyone.example", nil)
	if got, want := rec.Header().Get("Access-Control-Allow-Origin"), "https://anyone.example"; got != want {
		t.Errorf("Allow-Origin = %q, want %q", got, want)
	}
}

func TestCORSOffByDefault(t *testing.T) {
	h := corsHandler()
	rec := corsRequest(h, http.MethodPost, "/graphql", "https://app.example.com", nil)
	pre := corsRequest(h, http.MethodOptions, "/graphql", "https://app.example.com", map[string]string{"Access-Control-Request-Method": "POST"})
	for _, r := range []*httptest.ResponseRecorder{rec, pre} {
		for name := range r.Header() {
			if strings.HasPrefix(name, "Access-Control-") {
				t.Errorf("header %s = %q, want no CORS headers", name, r.Header().Get(name))
			}
		}
	}
}

func TestCORSLeavesOtherRoutesAlone(t *testing.T) {
	h := corsHandler("https://app.example.com")
	rec := corsRequest(h, http.MethodGet, "/healthz", "https://app.example.com", nil)
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("/healthz: Allow-Origin = %q, want none", got)
	}
}

func TestCORSPreflightsSkipTheRateLimit(t *testing.T) {
	h := server.Handler(server.Routes{GraphQL: readsBody}, pinger{}, server.Config{
		Logger: quietLogger(), CORSOrigins: []string{"https://app.example.com"},
		RateLimit: server.RateLimit{PerSecond: 0.01, Burst: 1, ClientOf: func(*http.Request) string { return "one" }},
	})
	for i := range 3 {
		pre := corsRequest(h, http.MethodOptions, "/graphql", "https://app.example.com", map[string]string{"Access-Control-Request-Method": "POST"})
		if got, want := pre.Code, http.StatusNoContent; got != want {
			t.Fatalf("preflight %d: status = %d, want %d", i, got, want)
		}
	}
	if got, want := corsRequest(h, http.MethodPost, "/graphql", "https://app.example.com", nil).Code, http.StatusOK; got != want {
		t.Fatalf("first request: status = %d, want %d", got, want)
	}
	refused := corsRequest(h, http.MethodPost, "/graphql", "https://app.example.com", nil)
	if got, want := refused.Code, http.StatusTooManyRequests; got != want {
		t.Fatalf("second request: status = %d, want %d", got, want)
	}
	if got, want := refused.Header().Get("Access-Control-Allow-Origin"), "https://app.example.com"; got != want {
		t.Errorf("refused request: Allow-Origin = %q, want %q, so a page can read Retry-After", got, want)
	}
}

func TestCheckCORSOrigins(t *testing.T) {
	for _, ok := range []string{"*", "https://app.example.com", "http://localhost:5173", "http://[::1]:8080"} {
		if err := server.CheckCORSOrigins([]string{ok}); err != nil {
			t.Errorf("%q: %v, want it accepted", ok, err)
		}
	}
	for _, bad := range []string{"app.example.com", "https://app.example.com/", "https://app.example.com/x", "ftp://x", "https://*.example.com", "https://u@x.com", ""} {
		if err := server.CheckCORSOrigins([]string{bad}); err == nil {
			t.Errorf("%q accepted, want an error", bad)
		}
	}
}

func containsFold(values []string, want string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), want) {
				return true
			}
		}
	}
	return false
}
