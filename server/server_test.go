package server_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/server"
)

// pinger is a store health check with a settable answer.
type pinger struct{ err error }

func (p pinger) Ping(context.Context) error { return p.err }

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestHandlerRoutes(t *testing.T) {
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	tests := []struct {
		name       string
		store      pinger
		method     string
		path       string
		wantStatus int
		wantBody   string
	}{
		{"liveness", pinger{}, "GET", "/healthz", 200, "ok"},
		{"liveness ignores the store", pinger{errors.New("down")}, "GET", "/healthz", 200, "ok"},
		{"ready", pinger{}, "GET", "/readyz", 200, "ok"},
		{"not ready", pinger{errors.New("down")}, "GET", "/readyz", 503, "store unavailable"},
		{"graphiql", pinger{}, "GET", "/", 200, "graphiql"},
		{"explorer", pinger{}, "GET", "/explore", 200, "explorer"},
		{"unknown asset", pinger{}, "GET", "/assets/nope.js", 404, "not found"},
		{"graphql", pinger{}, "POST", "/graphql", 200, `{"data":{}}`},
		{"unknown path", pinger{}, "GET", "/nope", 404, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := server.Handler(server.Routes{GraphQL: graphql}, tt.store, server.Config{Logger: quietLogger()})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if got, want := rec.Code, tt.wantStatus; got != want {
				t.Errorf("status = %d, want %d", got, want)
			}
			if got := strings.ToLower(rec.Body.String()); !strings.Contains(got, strings.ToLower(tt.wantBody)) {
				t.Errorf("body = %q, want it to contain %q", got, tt.wantBody)
			}
		})
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		_, _ = io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- server.Serve(ctx, slow, server.Config{Addr: "127.0.0.1:0", Logger: quietLogger()}, func(a net.Addr) { addrc <- a })
	}()
	addr := <-addrc

	bodyc := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + addr.String() + "/")
		if err != nil {
			bodyc <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		bodyc <- string(b)
	}()
	time.Sleep(50 * time.Millisecond) // let the request reach the handler
	cancel()

	if got, want := <-bodyc, "done"; got != want {
		t.Errorf("in-flight request got %q, want %q", got, want)
	}
	if err := <-errc; err != nil {
		t.Errorf("Serve returned %v, want nil after graceful shutdown", err)
	}
	if _, err := net.Dial("tcp", addr.String()); err == nil {
		t.Error("listener still accepts connections after shutdown")
	}
}
