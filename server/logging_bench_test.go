package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsgraph/newsgraph/server"
)

// BenchmarkRequestLog measures what the request log adds to a request: the
// same trivial handler with the log line written (text, to a discarding
// writer) and with the level set so that it is skipped.
func BenchmarkRequestLog(b *testing.B) {
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	for _, bm := range []struct {
		name  string
		level slog.Level
	}{{"logged", slog.LevelInfo}, {"skipped", slog.LevelWarn}} {
		logger := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: bm.level}))
		h := server.Handler(server.Routes{GraphQL: graphql}, pinger{}, server.Config{Logger: logger})
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			for b.Loop() {
				h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
