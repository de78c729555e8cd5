package main_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeMetrics checks where "newsgraph serve" serves /metrics: on the
// API's address by default, nowhere with --no-metrics, and only on its own
// listener with --metrics-addr; and that the served metrics count the
// API's requests and the store's calls by the store's name.
func TestServeMetrics(t *testing.T) {
	home := newGraphHome(t)
	storeName := `store="embedded"`
	if home.neo4j != nil {
		storeName = `store="neo4j"`
	}
	metricsAddr := freeAddr(t)
	tests := []struct {
		name        string
		args        []string
		api, listen int // the status of /metrics on the API and on metricsAddr (0: nothing listens)
	}{
		{"default", nil, http.StatusOK, 0},
		{"off", []string{"--no-metrics", "--metrics-addr", metricsAddr}, http.StatusNotFound, 0},
		{"own listener", []string{"--metrics-addr", metricsAddr}, http.StatusNotFound, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, home, tt.args...)
			defer s.stop(t)
			statsOf(t, s)
			for _, where := range []struct {
				addr   string
				status int
			}{{s.addr, tt.api}, {metricsAddr, tt.listen}} {
				resp, err := http.Get("http://" + where.addr + "/metrics")
				if where.status == 0 {
					if err == nil {
						resp.Body.Close()
						t.Errorf("%s answers /metrics with %s, want nothing listening", where.addr, resp.Status)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != where.status {
					t.Fatalf("GET %s/metrics: %s, want %d", where.addr, resp.Status, where.status)
				}
				if where.status != http.StatusOK {
					continue
				}
				for _, want := range []string{
					`newsgraph_http_requests_total{code="200",route="/graphql"} 1`,
					`newsgraph_graphql_operations_total{code="ok",operation="",type="query"} 1`,
					`newsgraph_store_calls_total{code="ok",operation="Stats",` + storeName + `} 1`,
					"go_goroutines ",
				} {
					if !strings.Contains(string(body), want) {
						t.Errorf("/metrics lacks %q", want)
					}
				}
			}
		})
	}
}
