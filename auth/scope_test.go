package auth_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

func TestScopeAllows(t *testing.T) {
	tests := []struct {
		have, need auth.Scope
		want       bool
	}{
		{auth.ScopeRead, auth.ScopeRead, true},
		{auth.ScopeRead, auth.ScopeWrite, false},
		{auth.ScopeRead, auth.ScopeAdmin, false},
		{auth.ScopeWrite, auth.ScopeRead, true},
		{auth.ScopeWrite, auth.ScopeWrite, true},
		{auth.ScopeWrite, auth.ScopeAdmin, false},
		{auth.ScopeAdmin, auth.ScopeRead, true},
		{auth.ScopeAdmin, auth.ScopeWrite, true},
		{auth.ScopeAdmin, auth.ScopeAdmin, true},
		{"", auth.ScopeRead, false},
		{"root", auth.ScopeRead, false},
		{"ADMIN", auth.ScopeRead, false},
		{auth.ScopeAdmin, "", false},
		{auth.ScopeAdmin, "superuser", false},
	}
	for _, tt := range tests {
		if got := tt.have.Allows(tt.need); got != tt.want {
			t.Errorf("Scope(%q).Allows(%q) = %v, want %v", tt.have, tt.need, got, tt.want)
		}
	}
}

func TestParseScope(t *testing.T) {
	for _, s := range auth.Scopes() {
		got, err := auth.ParseScope(string(s))
		if err != nil || got != s {
			t.Errorf("ParseScope(%q) = %q, %v; want %q, nil", s, got, err, s)
		}
	}
	for _, name := range []string{"", "Read", "owner", "read "} {
		if _, err := auth.ParseScope(name); newsgraph.ErrorCode(err) != newsgraph.Invalid {
			t.Errorf("ParseScope(%q) error code = %q, want %q", name, newsgraph.ErrorCode(err), newsgraph.Invalid)
		}
	}
}

func TestRequire(t *testing.T) {
	withScope := func(s auth.Scope) context.Context {
		return auth.WithPrincipal(context.Background(), auth.Principal{KeyID: "0123456789ab", Scope: s})
	}
	tests := []struct {
		name        string
		ctx         context.Context
		need        auth.Scope
		wantCode    newsgraph.Code
		wantMessage string
	}{
		{"anonymous read", context.Background(), auth.ScopeRead, newsgraph.Unauthenticated, "needs an API key with scope read"},
		{"anonymous write", context.Background(), auth.ScopeWrite, newsgraph.Unauthenticated, "Authorization: Bearer"},
		{"read key reads", withScope(auth.ScopeRead), auth.ScopeRead, "", ""},
		{"read key writes", withScope(auth.ScopeRead), auth.ScopeWrite, newsgraph.Forbidden, "needs scope write; key 0123456789ab has read"},
		{"read key merges", withScope(auth.ScopeRead), auth.ScopeAdmin, newsgraph.Forbidden, "needs scope admin; key 0123456789ab has read"},
		{"write key writes", withScope(auth.ScopeWrite), auth.ScopeWrite, "", ""},
		{"write key merges", withScope(auth.ScopeWrite), auth.ScopeAdmin, newsgraph.Forbidden, "needs scope admin; key 0123456789ab has write"},
		{"admin key merges", withScope(auth.ScopeAdmin), auth.ScopeAdmin, "", ""},
		{"admin key reads", withScope(auth.ScopeAdmin), auth.ScopeRead, "", ""},
		{"unknown scope", withScope("root"), auth.ScopeRead, newsgraph.Forbidden, "has root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := auth.Require(tt.ctx, tt.need)
			if got := newsgraph.ErrorCode(err); got != tt.wantCode {
				t.Fatalf("Require code = %q (%v), want %q", got, err, tt.wantCode)
			}
			if got := newsgraph.ErrorMessage(err); err != nil && !strings.Contains(got, tt.wantMessage) {
				t.Errorf("Require message = %q, want it to contain %q", got, tt.wantMessage)
			}
		})
	}
}

func TestPrincipalContext(t *testing.T) {
	if _, ok := auth.FromContext(context.Background()); ok {
		t.Error("FromContext(Background) found a principal")
	}
	want := auth.Principal{KeyID: "0123456789ab", Scope: auth.ScopeWrite, Name: "bot"}
	got, ok := auth.FromContext(auth.WithPrincipal(context.Background(), want))
	if !ok || got != want {
		t.Errorf("FromContext = %+v, %v; want %+v, true", got, ok, want)
	}
}

func TestPrincipalLogValue(t *testing.T) {
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, nil)).Info("write", "who", auth.Principal{KeyID: "0123456789ab", Scope: auth.ScopeAdmin})
	if got, want := b.String(), "who.keyId=0123456789ab who.scope=admin"; !strings.Contains(got, want) {
		t.Errorf("log line = %q, want it to contain %q", got, want)
	}
}
