package server_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/server"
)

// readsBody is a route that reads the whole body, as /graphql does, and
// says how it went.
var readsBody = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if _, err := io.ReadAll(r.Body); err != nil {
		http.Error(w, "body: "+err.Error(), http.StatusBadRequest)
		return
	}
	_, _ = io.WriteString(w, `{"data":{}}`)
})

// apiServer serves server.Handler with cfg over a real loopback listener.
func apiServer(t *testing.T, graphql http.Handler, cfg server.Config) string {
	t.Helper()
	cfg.Logger = quietLogger()
	srv := httptest.NewServer(server.Handler(server.Routes{GraphQL: graphql}, pinger{}, cfg))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestAStalledBodyIsCutOff(t *testing.T) {
	base := apiServer(t, readsBody, server.Config{RequestTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Headers promise 1000 bytes; 10 come, then nothing.
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n0123456789")
	start := time.Now()
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	took := time.Since(start)
	switch {
	case err == nil:
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status = %d, want 400 for a body that never came", resp.StatusCode)
		}
	case strings.Contains(err.Error(), "timeout"):
		t.Fatalf("the server still held the stalled request after %s", took)
	}
	// 200ms for the request, a second of grace for the body: cut off
	// well before the 10s the client waits.
	if took > 5*time.Second {
		t.Errorf("the stalled body was held for %s", took)
	}
}

func TestConcurrentRequestsAreBounded(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 4)
	blocking := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	base := apiServer(t, blocking, server.Config{MaxConcurrent: 1})
	done := make(chan int, 1)
	go func() {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{}`))
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	<-entered
	tests := []struct {
		path   string
		status int
	}{
		{"/graphql", http.StatusServiceUnavailable},
		{"/healthz", http.StatusOK}, // probes are never refused
	}
	for _, tt := range tests {
		resp, err := http.Post(base+tt.path, "application/json", strings.NewReader(`{}`))
		if tt.path == "/healthz" {
			resp, err = http.Get(base + tt.path)
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status = %d, want %d", tt.path, resp.StatusCode, tt.status)
		}
		if tt.status == http.StatusServiceUnavailable {
			wantCodedError(t, body, "UNAVAILABLE", "1 requests at once")
			if got := resp.Header.Get("Retry-After"); got != "1" {
				t.Errorf("Retry-After = %q, want 1", got)
			}
		}
	}
	close(release)
	if got := <-done; got != http.StatusOK {
		t.Errorf("the request holding the slot got %d, want 200", got)
	}
}

func TestRateLimitPerClient(t *testing.T) {
	clientOf := func(r *http.Request) string { return r.Header.Get("X-Test-Client") }
	base := apiServer(t, readsBody, server.Config{RateLimit: server.RateLimit{PerSecond: 0.5, Burst: 2, ClientOf: clientOf}})
	send := func(client string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(`{}`))
		req.Header.Set("X-Test-Client", client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	tests := []struct {
		client string
		status int
	}{
		{"a", 200}, {"a", 200}, {"a", 429}, // the burst, then refused
		{"b", 200}, // another client has its own bucket
	}
	for i, tt := range tests {
		resp, body := send(tt.client)
		if resp.StatusCode != tt.status {
			t.Errorf("request %d by %s: status = %d, want %d", i, tt.client, resp.StatusCode, tt.status)
		}
		if tt.status == http.StatusTooManyRequests {
			wantCodedError(t, body, "LIMIT_EXCEEDED", "0.5 requests per second")
			if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 || s > 2 {
				t.Errorf("Retry-After = %q, want 1 or 2 seconds", resp.Header.Get("Retry-After"))
			}
		}
	}
}

func TestTrustedProxyHeaderNamesTheClient(t *testing.T) {
	base := apiServer(t, readsBody, server.Config{
		RateLimit:          server.RateLimit{PerSecond: 0.001, Burst: 1},
		TrustedProxyHeader: "X-Forwarded-For",
	})
	tests := []struct {
		forwarded string
		status    int
	}{
		{"203.0.113.7", 200},
		{"198.51.100.1, 203.0.113.7", 429}, // the last address is the one the proxy saw
		{"203.0.113.8", 200},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(`{}`))
		req.Header.Set("X-Forwarded-For", tt.forwarded)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("X-Forwarded-For %q: status = %d, want %d", tt.forwarded, resp.StatusCode, tt.status)
		}
	}
}

// wantCodedError fails unless body is a GraphQL error with code whose
// message holds part.
func wantCodedError(t *testing.T, body []byte, code, part string) {
	t.Helper()
	var out struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &out); err != nil || len(out.Errors) != 1 {
		t.Fatalf("body is not one GraphQL error (%v): %s", err, body)
	}
	if got := out.Errors[0].Extensions["code"]; got != code {
		t.Errorf("code = %v, want %s", got, code)
	}
	if !strings.Contains(out.Errors[0].Message, part) {
		t.Errorf("message %q does not contain %q", out.Errors[0].Message, part)
	}
}

// TestAResponseNobodyReadsIsCutOff: a client that asks and never reads
// cannot hold the handler past the write deadline (the request timeout
// plus five seconds), however large the answer.
func TestAResponseNobodyReadsIsCutOff(t *testing.T) {
	ended := make(chan error, 1)
	huge := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("x", 1<<16))
		for range 1 << 12 { // 256 MiB, far more than socket buffers hold
			if _, err := w.Write(chunk); err != nil {
				ended <- err
				return
			}
		}
		ended <- nil
	})
	base := apiServer(t, huge, server.Config{RequestTimeout: 100 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /graphql HTTP/1.1\r\nHost: x\r\n\r\n")
	start := time.Now()
	select {
	case err := <-ended:
		if err == nil {
			t.Fatal("256 MiB were written to a client that reads nothing")
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("the handler was held %s, past its write deadline", took)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the handler is still writing to a client that reads nothing after 30s")
	}
}
