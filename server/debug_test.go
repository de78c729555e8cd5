package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/server"
)

func TestListenDebug(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := server.ListenDebug(ctx, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr.String()
	for _, tt := range []struct {
		path, want string
		status     int
	}{
		{"/debug/pprof/", "goroutine", http.StatusOK},
		{"/debug/pprof/goroutine?debug=1", "goroutine profile", http.StatusOK},
		{"/graphql", "", http.StatusNotFound},
	} {
		resp, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET %s: %d %.80q, want %d with %q", tt.path, resp.StatusCode, body, tt.status, tt.want)
		}
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(base + "/debug/pprof/")
		if err != nil {
			return // stopped
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("the debug listener still answers after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestListenDebugBadAddress(t *testing.T) {
	if _, err := server.ListenDebug(context.Background(), "127.0.0.1:notaport", slog.New(slog.DiscardHandler)); err == nil {
		t.Error("ListenDebug on a bad address succeeded")
	}
}

func TestListenMetrics(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "up 1\n") })
	if _, err := server.ListenMetrics(ctx, "127.0.0.1:notaport", metrics, slog.New(slog.DiscardHandler)); err == nil {
		t.Error("ListenMetrics on a bad address succeeded")
	}
	addr, err := server.ListenMetrics(ctx, "127.0.0.1:0", metrics, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, want string
		status     int
	}{
		{"/metrics", "up 1\n", http.StatusOK},
		{"/graphql", "404 page not found\n", http.StatusNotFound},
		{"/debug/pprof/", "404 page not found\n", http.StatusNotFound},
	} {
		resp, err := http.Get("http://" + addr.String() + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || string(body) != tt.want {
			t.Errorf("GET %s: %d %q, want %d %q", tt.path, resp.StatusCode, body, tt.status, tt.want)
		}
	}
}
