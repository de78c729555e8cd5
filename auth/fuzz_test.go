package auth_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

// fuzzKey is a fixed, valid-looking key; the fuzzer mutates it. It is
// not any real key (the fuzz key set is generated afresh).
const fuzzKey = "ngk_0123456789ab_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"

// FuzzAuthorization feeds arbitrary Authorization header values through
// the header parser, the key parser, Authenticate and the middleware. None
// may panic; a header is either accepted as a known key or answered 401
// UNAUTHENTICATED. More seeds are in testdata/fuzz/FuzzAuthorization.
func FuzzAuthorization(f *testing.F) {
	validKey, entry, err := auth.NewKey(auth.ScopeWrite, "", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	ks, err := auth.NewKeySet([]auth.Entry{entry})
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"", "Bearer", "Bearer ", "Bearer " + fuzzKey, "bearer " + fuzzKey, "Basic " + fuzzKey,
		"Bearer  " + fuzzKey, "Bearer " + fuzzKey + " x", "Bearer ngk_", "Bearer ngk__", "Bearer ngk_0123456789ab_",
		"Bearer ngk_0123456789ab_" + strings.Repeat("_", 43), "Bearer \x00", "Bearer ngk_0123456789AB_" + fuzzKey[17:],
	} {
		f.Add(seed)
	}
	handler := auth.Middleware(ks, true, nil, whoAmI)
	f.Fuzz(func(t *testing.T, header string) {
		key, perr := auth.ParseAuthorization(header)
		if perr != nil {
			if got := newsgraph.ErrorCode(perr); got != newsgraph.Unauthenticated {
				t.Fatalf("ParseAuthorization(%q) code = %q, want UNAUTHENTICATED", header, got)
			}
		} else {
			if key == "" || strings.ContainsAny(key, " \t\r\n") {
				t.Fatalf("ParseAuthorization(%q) = %q, an empty or spaced key", header, key)
			}
			if id, secret, err := auth.ParseKey(key); err == nil {
				if len(id) != 12 || len(secret) != 32 {
					t.Fatalf("ParseKey(%q) = %q, %d bytes: wrong sizes", key, id, len(secret))
				}
			}
		}
		p, aerr := ks.Authenticate(key)
		if aerr == nil && (key != validKey || p.KeyID != entry.ID) {
			t.Fatalf("Authenticate(%q) accepted a key that is not the valid key", key)
		}

		req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		req.Header["Authorization"] = []string{header}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		want := http.StatusUnauthorized
		if perr == nil && aerr == nil {
			want = http.StatusOK
		}
		if rec.Code != want {
			t.Fatalf("header %q: status %d, want %d", header, rec.Code, want)
		}
		if want == http.StatusUnauthorized {
			assertUnauthorized(t, rec, "")
		}
	})
}

// FuzzParseEnvEntries checks that no environment value makes the parser
// panic, and that whatever it accepts makes a valid KeySet.
func FuzzParseEnvEntries(f *testing.F) {
	_, e, err := auth.NewKey(auth.ScopeRead, "", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"", ",", e.EnvString(), e.EnvString() + "," + e.EnvString(), "read:x:y:z", fuzzKey, "a:b:c:d:e"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		entries, err := auth.ParseEnvEntries(value)
		if err != nil {
			return
		}
		for _, e := range entries {
			if !e.Scope.Valid() {
				t.Fatalf("ParseEnvEntries(%q) accepted scope %q", value, e.Scope)
			}
		}
		if ks, err := auth.NewKeySet(entries); err == nil && ks.Len() != len(entries) {
			t.Fatalf("KeySet of %d entries holds %d keys", len(entries), ks.Len())
		}
	})
}
