package auth_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/auth"
)

// whoAmI answers with the principal of the request, or "anonymous".
var whoAmI = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if p, ok := auth.FromContext(r.Context()); ok {
		fmt.Fprintf(w, "%s %s", p.KeyID, p.Scope)
		return
	}
	fmt.Fprint(w, "anonymous")
})

func TestMiddleware(t *testing.T) {
	readKey, read := newKey(t, auth.ScopeRead, "")
	writeKey, write := newKey(t, auth.ScopeWrite, "")
	adminKey, admin := newKey(t, auth.ScopeAdmin, "")
	revokedKey, revoked := newKey(t, auth.ScopeAdmin, "")
	now := time.Now()
	revoked.RevokedAt = &now
	unknownKey, _ := newKey(t, auth.ScopeAdmin, "")
	ks := keySet(t, read, write, admin, revoked)

	tests := []struct {
		name            string
		method          string
		headers         []string // Authorization header values
		requireForReads bool
		wantStatus      int
		wantBody        string // the principal for 200, a message fragment for 401
	}{
		{"no header", "POST", nil, false, 200, "anonymous"},
		{"no header, key required", "POST", nil, true, 401, "requires an API key"},
		{"preflight, key required", "OPTIONS", nil, true, 200, "anonymous"},
		{"read key", "POST", []string{"Bearer " + readKey}, false, 200, read.ID + " read"},
		{"write key", "POST", []string{"Bearer " + writeKey}, false, 200, write.ID + " write"},
		{"admin key", "POST", []string{"Bearer " + adminKey}, true, 200, admin.ID + " admin"},
		{"lower-case scheme", "GET", []string{"bearer " + readKey}, true, 200, read.ID + " read"},
		{"extra spaces", "GET", []string{"Bearer   " + readKey}, false, 200, read.ID + " read"},
		{"revoked key", "POST", []string{"Bearer " + revokedKey}, false, 401, "invalid or revoked API key " + revoked.ID},
		{"unknown key", "POST", []string{"Bearer " + unknownKey}, false, 401, "invalid or revoked API key"},
		{"empty header", "POST", []string{""}, false, 401, "must be Bearer <key>"},
		{"scheme only", "POST", []string{"Bearer"}, false, 401, "must be Bearer <key>"},
		{"scheme and space", "POST", []string{"Bearer "}, false, 401, "must be Bearer <key>"},
		{"basic", "POST", []string{"Basic dXNlcjpwYXNz"}, false, 401, "must be Bearer <key>"},
		{"key without scheme", "POST", []string{readKey}, false, 401, "must be Bearer <key>"},
		{"two keys", "POST", []string{"Bearer " + readKey + " " + writeKey}, false, 401, "one key"},
		{"trailing tab", "POST", []string{"Bearer " + readKey + "\t"}, false, 401, "one key"},
		{"two headers", "POST", []string{"Bearer " + readKey, "Bearer " + readKey}, false, 401, "one Authorization header"},
		{"not a key", "POST", []string{"Bearer hunter2"}, false, 401, "malformed API key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/graphql", nil)
			for _, v := range tt.headers {
				req.Header.Add("Authorization", v)
			}
			rec := httptest.NewRecorder()
			auth.Middleware(ks, tt.requireForReads, nil, whoAmI).ServeHTTP(rec, req)
			if got, want := rec.Code, tt.wantStatus; got != want {
				t.Fatalf("status = %d, want %d; body %s", got, want, rec.Body)
			}
			if tt.wantStatus == 200 {
				if got, want := rec.Body.String(), tt.wantBody; got != want {
					t.Errorf("principal = %q, want %q", got, want)
				}
				return
			}
			assertUnauthorized(t, rec, tt.wantBody)
			for _, key := range []string{readKey, writeKey, adminKey, revokedKey, unknownKey} {
				if strings.Contains(rec.Body.String(), key[17:]) {
					t.Errorf("401 body echoes a secret: %s", rec.Body)
				}
			}
		})
	}
}

// assertUnauthorized checks a 401 response: a Bearer challenge and a
// GraphQL-shaped UNAUTHENTICATED error whose message contains fragment.
func assertUnauthorized(tb testing.TB, rec *httptest.ResponseRecorder, fragment string) {
	tb.Helper()
	if got := rec.Header().Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer ") {
		tb.Errorf("WWW-Authenticate = %q, want a Bearer challenge", got)
	}
	if got, want := rec.Header().Get("Content-Type"), "application/json"; got != want {
		tb.Errorf("Content-Type = %q, want %q", got, want)
	}
	var body struct {
		Data   any `json:"data"`
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		tb.Fatalf("401 body is not JSON: %v\n%s", err, rec.Body)
	}
	if len(body.Errors) != 1 {
		tb.Fatalf("401 body has %d errors, want 1: %s", len(body.Errors), rec.Body)
	}
	if got, want := body.Errors[0].Extensions.Code, "UNAUTHENTICATED"; got != want {
		tb.Errorf("extensions.code = %q, want %q", got, want)
	}
	if got := body.Errors[0].Message; !strings.Contains(got, fragment) {
		tb.Errorf("message = %q, want it to contain %q", got, fragment)
	}
}

func TestMiddlewareWithoutKeys(t *testing.T) {
	key, _ := newKey(t, auth.ScopeAdmin, "")
	for _, ks := range []*auth.KeySet{nil, keySet(t)} {
		req := httptest.NewRequest("POST", "/graphql", nil)
		req.Header.Set("Authorization", "Bearer "+key)
		rec := httptest.NewRecorder()
		auth.Middleware(ks, false, nil, whoAmI).ServeHTTP(rec, req)
		if got, want := rec.Code, http.StatusUnauthorized; got != want {
			t.Errorf("status = %d, want %d", got, want)
		}
		assertUnauthorized(t, rec, "invalid or revoked API key")
	}
}
