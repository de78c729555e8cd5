package reqlog_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/reqlog"
)

func TestHandlerAddsTheRequestID(t *testing.T) {
	tests := []struct {
		name string
		ctx  context.Context
		want string // "" for no requestId attribute
	}{
		{"a request's context", reqlog.With(context.Background(), reqlog.New("abc-1")), "requestId=abc-1"},
		{"no request", context.Background(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			logger := slog.New(reqlog.Handler(slog.NewTextHandler(&out, nil))).With("component", "test")
			logger.InfoContext(tt.ctx, "graph write")
			got := out.String()
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("log %q lacks %q", got, tt.want)
			}
			if tt.want == "" && strings.Contains(got, "requestId") {
				t.Errorf("log %q has a request id outside a request", got)
			}
			if !strings.Contains(got, "component=test") {
				t.Errorf("log %q lost the logger's attributes", got)
			}
		})
	}
}

func TestNilRecordIsSafe(t *testing.T) {
	r := reqlog.From(context.Background())
	r.SetOperation("Q", "query")
	if name, typ := r.Operation(); name != "" || typ != "" || r.ID() != "" {
		t.Errorf("a nil record answered %q %q %q", name, typ, r.ID())
	}
}

func FuzzValidID(f *testing.F) {
	for _, s := range []string{"", "abc", "a b", "x\"y", strings.Repeat("a", 65), "req-1.2_3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if !reqlog.ValidID(id) {
			if got := reqlog.New(id).ID(); !reqlog.ValidID(got) {
				t.Fatalf("New(%q) gave the invalid id %q", id, got)
			}
			return
		}
		if strings.ContainsAny(id, " \"=\n\\") || len(id) > 64 {
			t.Fatalf("ValidID accepted %q", id)
		}
	})
}
