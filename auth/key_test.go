package auth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

// newKey generates a key and its entry, failing the test on error.
func newKey(tb testing.TB, scope auth.Scope, name string) (string, auth.Entry) {
	tb.Helper()
	key, e, err := auth.NewKey(scope, name, time.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return key, e
}

// keySet returns a KeySet of entries, failing the test on error.
func keySet(tb testing.TB, entries ...auth.Entry) *auth.KeySet {
	tb.Helper()
	ks, err := auth.NewKeySet(entries)
	if err != nil {
		tb.Fatal(err)
	}
	return ks
}

func TestNewKeyFormat(t *testing.T) {
	key, e := newKey(t, auth.ScopeWrite, "bot")
	if !strings.HasPrefix(key, "ngk_"+e.ID+"_") {
		t.Errorf("key %q does not start with ngk_<id>_ for id %q", key, e.ID)
	}
	id, secret, err := auth.ParseKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := id, e.ID; got != want {
		t.Errorf("ParseKey id = %q, want %q", got, want)
	}
	if got, want := len(secret), 32; got != want {
		t.Errorf("secret length = %d, want %d", got, want)
	}
	if got, want := e.Scope, auth.ScopeWrite; got != want {
		t.Errorf("entry scope = %q, want %q", got, want)
	}
	encoded := key[len("ngk_"+e.ID+"_"):]
	for field, v := range map[string]string{"salt": e.Salt, "hash": e.Hash, "env entry": e.EnvString()} {
		if strings.Contains(v, encoded) {
			t.Errorf("entry %s %q contains the secret", field, v)
		}
	}
	other, otherEntry := newKey(t, auth.ScopeWrite, "bot")
	if other == key || otherEntry.ID == e.ID || otherEntry.Salt == e.Salt || otherEntry.Hash == e.Hash {
		t.Errorf("two keys share parts: %q %+v and %q %+v", key, e, other, otherEntry)
	}
	if _, _, err := auth.NewKey("root", "", time.Now()); newsgraph.ErrorCode(err) != newsgraph.Invalid {
		t.Errorf("NewKey(root) error = %v, want BAD_USER_INPUT", err)
	}
}

func TestParseKeyRejectsMalformed(t *testing.T) {
	key, e := newKey(t, auth.ScopeRead, "")
	secret := key[len("ngk_"+e.ID+"_"):]
	// An id in upper case is malformed; one of decimal digits only (one
	// random id in 280) has no upper case, so its first digit becomes a
	// capital letter.
	upper := strings.ToUpper(e.ID)
	if upper == e.ID {
		upper = "A" + e.ID[1:]
	}
	tests := []string{
		"",
		"ngk_",
		"ngk__" + secret,
		"ngk_" + e.ID,
		"ngk_" + e.ID + "_",
		"NGK_" + e.ID + "_" + secret,
		"xyz_" + e.ID + "_" + secret,
		"ngk_" + upper + "_" + secret,
		"ngk_" + e.ID[:11] + "_" + secret,
		"ngk_" + e.ID + "0_" + secret,
		"ngk_" + e.ID + "_" + secret[:42],
		"ngk_" + e.ID + "_" + secret + "A",
		"ngk_" + e.ID + "_" + secret + "=",
		"ngk_" + e.ID + "_" + strings.ReplaceAll(secret[:42], "_", "-") + "+",
		"ngk_zzzzzzzzzzzz_" + secret,
		" " + key,
		key + " ",
	}
	for _, k := range tests {
		if _, _, err := auth.ParseKey(k); newsgraph.ErrorCode(err) != newsgraph.Unauthenticated {
			t.Errorf("ParseKey(%q) error = %v, want UNAUTHENTICATED", k, err)
		} else if strings.Contains(err.Error(), secret) {
			t.Errorf("ParseKey error %q echoes the secret", err)
		}
	}
}

func TestAuthenticate(t *testing.T) {
	readKey, readEntry := newKey(t, auth.ScopeRead, "reader")
	writeKey, writeEntry := newKey(t, auth.ScopeWrite, "")
	adminKey, adminEntry := newKey(t, auth.ScopeAdmin, "ops")
	revokedKey, revokedEntry := newKey(t, auth.ScopeAdmin, "gone")
	revokedAt := time.Now()
	revokedEntry.RevokedAt = &revokedAt
	unknownKey, _ := newKey(t, auth.ScopeAdmin, "")
	ks := keySet(t, readEntry, writeEntry, adminEntry, revokedEntry)

	// secretOf returns the "_<secret>" part of a key.
	secretOf := func(key string) string { return key[len("ngk_")+12:] }
	_, otherEntry := newKey(t, auth.ScopeAdmin, "")
	tests := []struct {
		name string
		key  string
		want auth.Principal
		code newsgraph.Code
	}{
		{"read", readKey, auth.Principal{KeyID: readEntry.ID, Scope: auth.ScopeRead, Name: "reader"}, ""},
		{"write", writeKey, auth.Principal{KeyID: writeEntry.ID, Scope: auth.ScopeWrite}, ""},
		{"admin", adminKey, auth.Principal{KeyID: adminEntry.ID, Scope: auth.ScopeAdmin, Name: "ops"}, ""},
		{"revoked", revokedKey, auth.Principal{}, newsgraph.Unauthenticated},
		{"unknown", unknownKey, auth.Principal{}, newsgraph.Unauthenticated},
		{"known id, wrong secret", "ngk_" + adminEntry.ID + secretOf(unknownKey), auth.Principal{}, newsgraph.Unauthenticated},
		{"known id, secret of another key", "ngk_" + adminEntry.ID + secretOf(readKey), auth.Principal{}, newsgraph.Unauthenticated},
		{"unknown id, valid secret", "ngk_" + otherEntry.ID + secretOf(adminKey), auth.Principal{}, newsgraph.Unauthenticated},
		{"malformed", "hunter2", auth.Principal{}, newsgraph.Unauthenticated},
		{"empty", "", auth.Principal{}, newsgraph.Unauthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ks.Authenticate(tt.key)
			if code := newsgraph.ErrorCode(err); code != tt.code {
				t.Fatalf("Authenticate code = %q (%v), want %q", code, err, tt.code)
			}
			if got != tt.want {
				t.Errorf("Authenticate = %+v, want %+v", got, tt.want)
			}
		})
	}
	if got, want := ks.Len(), 3; got != want {
		t.Errorf("Len = %d, want %d (revoked keys do not count)", got, want)
	}
	var none *auth.KeySet
	if _, err := none.Authenticate(adminKey); newsgraph.ErrorCode(err) != newsgraph.Unauthenticated {
		t.Errorf("nil KeySet Authenticate error = %v, want UNAUTHENTICATED", err)
	}
}

func TestNewKeySetRejectsBadEntries(t *testing.T) {
	_, good := newKey(t, auth.ScopeRead, "")
	mutate := func(f func(*auth.Entry)) auth.Entry {
		e := good
		f(&e)
		return e
	}
	tests := []struct {
		name    string
		entries []auth.Entry
	}{
		{"duplicate id", []auth.Entry{good, good}},
		{"bad scope", []auth.Entry{mutate(func(e *auth.Entry) { e.Scope = "root" })}},
		{"bad id", []auth.Entry{mutate(func(e *auth.Entry) { e.ID = "XYZ" })}},
		{"short salt", []auth.Entry{mutate(func(e *auth.Entry) { e.Salt = "AAAA" })}},
		{"bad salt", []auth.Entry{mutate(func(e *auth.Entry) { e.Salt = "!!!!!!!!!!!!!!!!!!!!!!!" })}},
		{"short hash", []auth.Entry{mutate(func(e *auth.Entry) { e.Hash = e.Hash[:20] })}},
		{"padded hash", []auth.Entry{mutate(func(e *auth.Entry) { e.Hash += "=" })}},
	}
	for _, tt := range tests {
		if _, err := auth.NewKeySet(tt.entries); err == nil {
			t.Errorf("%s: NewKeySet accepted %+v", tt.name, tt.entries)
		}
	}
}

func BenchmarkAuthenticate(b *testing.B) {
	key, e := newKey(b, auth.ScopeWrite, "")
	unknown, _ := newKey(b, auth.ScopeWrite, "")
	wrongSecret := key[:len("ngk_")+12] + unknown[len("ngk_")+12:]
	ks := keySet(b, e)
	for _, bm := range []struct{ name, key string }{{"valid", key}, {"wrong secret", wrongSecret}, {"unknown id", unknown}} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = ks.Authenticate(bm.key)
			}
		})
	}
}
