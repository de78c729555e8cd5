package auth_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

// createKey stores a new key in the key file at path.
func createKey(tb testing.TB, path string, scope auth.Scope, name string) string {
	tb.Helper()
	key, err := auth.CreateKey(path, scope, name)
	if err != nil {
		tb.Fatal(err)
	}
	return key
}

// loadKeySet loads the key file and environment entries.
func loadKeySet(tb testing.TB, path, env string) *auth.KeySet {
	tb.Helper()
	ks, err := auth.LoadKeySet(path, env)
	if err != nil {
		tb.Fatal(err)
	}
	return ks
}

func TestCreateKeyStoresOnlyAHashWithMode0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new-dir", "api-keys.json")
	keys := []string{
		createKey(t, path, auth.ScopeRead, "reader"),
		createKey(t, path, auth.ScopeWrite, "ingest bot"),
		createKey(t, path, auth.ScopeAdmin, ""),
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := info.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("key file mode = %v, want %v", got, want)
	}
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := dir.Mode().Perm(); got&0o077 != 0 {
		t.Errorf("created key directory mode = %v, want no group or other access", got)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range keys {
		_, secret, err := auth.ParseKey(key)
		if err != nil {
			t.Fatal(err)
		}
		encoded := key[strings.LastIndex(key[:17], "_")+1:]
		if strings.Contains(string(raw), encoded) || strings.Contains(string(raw), string(secret)) || strings.Contains(string(raw), key) {
			t.Errorf("key file holds the secret of %s:\n%s", key, raw)
		}
	}
	var kf auth.KeyFile
	if err := json.Unmarshal(raw, &kf); err != nil {
		t.Fatal(err)
	}
	if got, want := kf.Format, auth.KeyFileFormat; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	if got, want := len(kf.Keys), 3; got != want {
		t.Fatalf("file holds %d keys, want %d", got, want)
	}
	if got, want := kf.Keys[1].Name, "ingest bot"; got != want {
		t.Errorf("second key name = %q, want %q", got, want)
	}
	if kf.Keys[0].CreatedAt.IsZero() {
		t.Error("createdAt is not set")
	}
	for _, e := range kf.Keys {
		if e.Salt == "" || e.Hash == "" {
			t.Errorf("entry %+v lacks salt or hash", e)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	ks := loadKeySet(t, path, "")
	for i, key := range keys {
		p, err := ks.Authenticate(key)
		if err != nil {
			t.Fatalf("key %d does not authenticate: %v", i, err)
		}
		if got, want := p.Scope, auth.Scopes()[i]; got != want {
			t.Errorf("key %d scope = %q, want %q", i, got, want)
		}
	}
}

func TestCreateKeyKeepsFileModeAfterRewrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	createKey(t, path, auth.ScopeRead, "")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	createKey(t, path, auth.ScopeRead, "")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := info.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("key file mode after rewrite = %v, want %v", got, want)
	}
}

func TestConcurrentCreateKeyLosesNoKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	const n = 8
	keys := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			k, err := auth.CreateKey(path, auth.ScopeRead, "")
			if err != nil {
				t.Error(err)
			}
			keys[i] = k
		})
	}
	wg.Wait()
	ks := loadKeySet(t, path, "")
	if got, want := ks.Len(), n; got != want {
		t.Errorf("keys stored = %d, want %d", got, want)
	}
	for _, k := range keys {
		if _, err := ks.Authenticate(k); err != nil {
			t.Errorf("key lost: %v", err)
		}
	}
}

func TestRevokeKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	kept := createKey(t, path, auth.ScopeWrite, "kept")
	revoked := createKey(t, path, auth.ScopeWrite, "revoked")
	id, _, _ := auth.ParseKey(revoked)

	e, err := auth.RevokeKey(path, id)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Revoked() || e.ID != id {
		t.Errorf("RevokeKey = %+v, want entry %s revoked", e, id)
	}
	again, err := auth.RevokeKey(path, id)
	if err != nil {
		t.Fatalf("revoking twice: %v", err)
	}
	if !again.RevokedAt.Equal(*e.RevokedAt) {
		t.Errorf("second revocation moved revokedAt from %v to %v", e.RevokedAt, again.RevokedAt)
	}
	if _, err := auth.RevokeKey(path, "0123456789ab"); newsgraph.ErrorCode(err) != newsgraph.NotFound {
		t.Errorf("revoking an unknown key: error %v, want NOT_FOUND", err)
	}

	ks := loadKeySet(t, path, "")
	if _, err := ks.Authenticate(revoked); newsgraph.ErrorCode(err) != newsgraph.Unauthenticated {
		t.Errorf("revoked key: error %v, want UNAUTHENTICATED", err)
	}
	if _, err := ks.Authenticate(kept); err != nil {
		t.Errorf("kept key: %v", err)
	}
	entries, err := auth.ReadKeyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(entries), 2; got != want {
		t.Errorf("entries after revocation = %d, want %d (revoked keys stay listed)", got, want)
	}
}

func TestReadKeyFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, e := newKey(t, auth.ScopeRead, "")
	good, _ := json.Marshal(auth.KeyFile{Format: auth.KeyFileFormat, Keys: []auth.Entry{e}})
	tests := []struct {
		name    string
		path    string
		want    int
		wantErr bool
	}{
		{"no path", "", 0, false},
		{"missing file", filepath.Join(dir, "missing.json"), 0, false},
		{"good", write("good.json", string(good)), 1, false},
		{"not JSON", write("bad.json", "ngk_0123"), 0, true},
		{"wrong format", write("format.json", `{"format":"other","keys":[]}`), 0, true},
		{"unknown field", write("field.json", `{"format":"newsgraph-api-keys/1","keys":[],"secret":"x"}`), 0, true},
		{"bad entry", write("entry.json", `{"format":"newsgraph-api-keys/1","keys":[{"id":"x","scope":"read"}]}`), 0, true},
	}
	for _, tt := range tests {
		entries, err := auth.ReadKeyFile(tt.path)
		if (err != nil) != tt.wantErr || len(entries) != tt.want {
			t.Errorf("%s: ReadKeyFile = %d entries, %v; want %d, error %v", tt.name, len(entries), err, tt.want, tt.wantErr)
		}
	}
	if _, err := auth.CreateKey("", auth.ScopeRead, ""); err == nil {
		t.Error("CreateKey without a path succeeded")
	}
	if _, err := auth.CreateKey(filepath.Join(dir, "bad.json"), auth.ScopeRead, ""); err == nil {
		t.Error("CreateKey over a corrupt file succeeded")
	}
}
