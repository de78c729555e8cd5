package main_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/auth"
)

// keyPattern matches a printed API key.
var keyPattern = regexp.MustCompile(`^ngk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$`)

// runKeys runs "newsgraph keys ARGS..." with extra environment and returns
// its standard output; it fails the test when the command fails.
func runKeys(t *testing.T, env []string, args ...string) string {
	t.Helper()
	out, stderr, err := runKeysResult(env, args...)
	if err != nil {
		t.Fatalf("keys %v: %v\nstdout:\n%s\nstderr:\n%s", args, err, out, stderr)
	}
	return out
}

func runKeysResult(env []string, args ...string) (stdout, stderr string, err error) {
	cmd := exec.Command(binary, append([]string{"keys"}, args...)...)
	cmd.Env = append(cleanEnv(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// lastLine returns the last line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return lines[len(lines)-1]
}

// createdKey runs "keys create" and returns the key on its last line.
func createdKey(t *testing.T, env []string, args ...string) string {
	t.Helper()
	out := runKeys(t, env, append([]string{"create"}, args...)...)
	key := lastLine(out)
	if !keyPattern.MatchString(key) {
		t.Fatalf("last line of keys create is %q, want a key; output:\n%s", key, out)
	}
	if got := strings.Count(out, key); got != 1 {
		t.Errorf("keys create printed the key %d times, want once", got)
	}
	return key
}

func TestKeysCreateListRevoke(t *testing.T) {
	dataDir := t.TempDir()
	path := filepath.Join(dataDir, "api-keys.json")
	key := createdKey(t, nil, "--scope", "write", "--name", "ingest bot", "--data", dataDir)
	id, _, err := auth.ParseKey(key)
	if err != nil {
		t.Fatal(err)
	}

	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("keys create did not write %s: %v", path, err)
	}
	if got, want := info.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("key file mode = %v, want %v", got, want)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.TrimPrefix(key, "ngk_"+id+"_")
	if strings.Contains(string(raw), secret) {
		t.Errorf("key file holds the secret:\n%s", raw)
	}
	p, err := loadKeys(t, path, "").Authenticate(key)
	if err != nil {
		t.Fatalf("created key does not authenticate against %s: %v", path, err)
	}
	if got, want := p.Scope, auth.ScopeWrite; got != want {
		t.Errorf("scope = %q, want %q", got, want)
	}

	list := runKeys(t, nil, "list", "--data", dataDir)
	for _, want := range []string{id, "write", "ingest bot", "active"} {
		if !strings.Contains(list, want) {
			t.Errorf("keys list lacks %q:\n%s", want, list)
		}
	}
	if strings.Contains(list, secret) {
		t.Errorf("keys list shows the secret:\n%s", list)
	}

	runKeys(t, nil, "revoke", id, "--data", dataDir)
	if _, err := loadKeys(t, path, "").Authenticate(key); err == nil {
		t.Error("revoked key still authenticates")
	}
	if list := runKeys(t, nil, "list", "--data", dataDir); !strings.Contains(list, "revoked") {
		t.Errorf("keys list does not show the revocation:\n%s", list)
	}
	if _, stderr, err := runKeysResult(nil, "revoke", "0123456789ab", "--data", dataDir); err == nil || !strings.Contains(stderr, "no key") {
		t.Errorf("revoking an unknown key: err %v, stderr %q; want a failure naming it", err, stderr)
	}
}

func TestKeysFileFlagAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	byFlag := filepath.Join(dir, "flag", "keys.json")
	byEnv := filepath.Join(dir, "env", "keys.json")
	flagKey := createdKey(t, nil, "--scope", "read", "--keys-file", byFlag)
	envKey := createdKey(t, []string{"NEWSGRAPH_KEYS_FILE=" + byEnv}, "--scope", "admin")
	if _, err := loadKeys(t, byFlag, "").Authenticate(flagKey); err != nil {
		t.Errorf("--keys-file: %v", err)
	}
	if _, err := loadKeys(t, byEnv, "").Authenticate(envKey); err != nil {
		t.Errorf("NEWSGRAPH_KEYS_FILE: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "newsgraph-data")); err == nil {
		t.Error("keys create wrote into the default data directory despite --keys-file")
	}
}

func TestKeysCreateNoStore(t *testing.T) {
	dataDir := t.TempDir()
	out := runKeys(t, nil, "create", "--scope", "admin", "--no-store", "--data", dataDir)
	key := lastLine(out)
	entry := regexp.MustCompile(`(?m)^\s*(admin:[0-9a-f]{12}:\S+:\S+)$`).FindStringSubmatch(out)
	if entry == nil {
		t.Fatalf("keys create --no-store printed no environment entry:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "api-keys.json")); err == nil {
		t.Error("keys create --no-store wrote a key file")
	}
	if _, err := loadKeys(t, "", entry[1]).Authenticate(key); err != nil {
		t.Errorf("key does not authenticate against its environment entry: %v", err)
	}
	list := runKeys(t, []string{"NEWSGRAPH_API_KEYS=" + entry[1]}, "list", "--data", dataDir)
	if !strings.Contains(list, "NEWSGRAPH_API_KEYS") {
		t.Errorf("keys list does not show the environment key:\n%s", list)
	}
}

func TestKeysCreateRejectsBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"create", "--data", t.TempDir()},
		{"create", "--scope", "root", "--data", t.TempDir()},
		{"list", "--data", t.TempDir(), "--api-keys", "write:not-an-entry"},
	} {
		if out, _, err := runKeysResult(nil, args...); err == nil {
			t.Errorf("keys %v succeeded:\n%s", args, out)
		}
	}
}

func TestServeAuthenticatesKeys(t *testing.T) {
	home := newGraphHome(t)
	dataDir := home.dir
	readKey := createdKey(t, nil, "--scope", "read", "--data", dataDir)
	adminKey := createdKey(t, nil, "--scope", "admin", "--data", dataDir)
	s := startServer(t, home, "--no-seed", "--require-key-for-reads")

	const stats = `{ stats { entities } }`
	const deleteRelation = `mutation { deleteRelation(id: "person:a|KNOWS|person:b") }`
	tests := []struct {
		name       string
		key        string
		query      string
		wantStatus int
		wantCode   string
	}{
		{"no key", "", stats, 401, "UNAUTHENTICATED"},
		{"unknown key", "ngk_0123456789ab_" + strings.Repeat("A", 43), stats, 401, "UNAUTHENTICATED"},
		{"read key reads", readKey, stats, 200, ""},
		{"read key deletes", readKey, deleteRelation, 200, "FORBIDDEN"},
		{"admin key deletes", adminKey, deleteRelation, 200, "NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, code := post(t, s, tt.key, tt.query)
			if status != tt.wantStatus || code != tt.wantCode {
				t.Errorf("status %d, code %q; want %d, %q", status, code, tt.wantStatus, tt.wantCode)
			}
		})
	}

	// A key created while the server runs is accepted without a restart,
	// and a revoked one refused. The test binary's -timeout bounds the waits.
	lateKey := createdKey(t, nil, "--scope", "read", "--data", dataDir)
	waitForStatus(t, s, lateKey, 200)
	id, _, _ := auth.ParseKey(readKey)
	runKeys(t, nil, "revoke", id, "--data", dataDir)
	waitForStatus(t, s, readKey, 401)

	s.stop(t)
	for _, key := range []string{readKey, adminKey, lateKey} {
		if strings.Contains(s.stderr.String(), key[17:]) {
			t.Errorf("server log holds a key secret:\n%s", s.stderr.String())
		}
	}
}

// loadKeys loads a KeySet, failing the test on error.
func loadKeys(t *testing.T, file, env string) *auth.KeySet {
	t.Helper()
	ks, err := auth.LoadKeySet(file, env)
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// post sends a GraphQL request with an optional key and returns the HTTP
// status and the extensions.code of the first error ("" when none).
func post(t *testing.T, s *server, key, query string) (status int, code string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, err := http.NewRequest(http.MethodPost, "http://"+s.addr+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, raw)
	}
	if len(out.Errors) > 0 {
		code = out.Errors[0].Extensions.Code
	}
	return resp.StatusCode, code
}

// waitForStatus polls until a stats query with key answers want.
func waitForStatus(t *testing.T, s *server, key string, want int) {
	t.Helper()
	for {
		if status, _ := post(t, s, key, `{ stats { entities } }`); status == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
