package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsgraph/newsgraph/reqlog"
	"github.com/newsgraph/newsgraph/server"
)

func TestRequestLogsCarryTheRequestIDAndOperation(t *testing.T) {
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqlog.From(r.Context()).SetOperation("Neighbours", "query")
		_, _ = w.Write([]byte(`{"data":{}}`))
	})
	tests := []struct {
		name   string
		sent   string
		wantID func(string) bool
	}{
		{"a sane id is kept", "req-42.a_b", func(id string) bool { return id == "req-42.a_b" }},
		{"no id gets one", "", reqlog.ValidID},
		{"an id that could forge a field is replaced", "x\" level=ERROR", func(id string) bool { return reqlog.ValidID(id) && id != "x\" level=ERROR" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			logger := slog.New(slog.NewJSONHandler(&logs, nil))
			h := server.Handler(server.Routes{GraphQL: graphql}, pinger{}, server.Config{Logger: logger})
			req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			if tt.sent != "" {
				req.Header.Set("X-Request-ID", tt.sent)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var line map[string]any
			if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
				t.Fatalf("log is not one JSON line: %v\n%s", err, logs.Bytes())
			}
			id, _ := line["requestId"].(string)
			if !tt.wantID(id) {
				t.Errorf("requestId = %q", id)
			}
			if got := rec.Header().Get("X-Request-ID"); got != id {
				t.Errorf("X-Request-ID = %q, want the logged %q", got, id)
			}
			if line["operation"] != "Neighbours" || line["operationType"] != "query" {
				t.Errorf("operation = %v %v, want Neighbours query", line["operation"], line["operationType"])
			}
		})
	}
}
