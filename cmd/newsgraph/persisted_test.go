package main_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeAllowlistMode starts a server that accepts only the operations
// of an Apollo manifest: the listed one runs, by text or by hash, and any
// other is FORBIDDEN.
func TestServeAllowlistMode(t *testing.T) {
	const listed = "query Stats { stats { entities } }"
	sum := sha256.Sum256([]byte(listed))
	hash := hex.EncodeToString(sum[:])
	manifest, _ := json.Marshal(map[string]any{
		"format": "apollo-persisted-query-manifest", "version": 1,
		"operations": []map[string]any{{"id": hash, "name": "Stats", "type": "query", "body": listed}},
	})
	file := filepath.Join(t.TempDir(), "manifest.json")
	if err := os.WriteFile(file, manifest, 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, newGraphHome(t), "--persisted-queries", "allowlist", "--persisted-queries-file", file)
	defer s.stop(t)
	if got := s.query(t, listed)["stats"].(map[string]any)["entities"]; got.(float64) < 1 {
		t.Errorf("the listed query answered %v entities", got)
	}
	tests := []struct {
		name string
		body map[string]any
		want string
	}{
		{"by hash", map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}, ""},
		{"another query", map[string]any{"query": "{ stats { relations } }"}, "FORBIDDEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(tt.body)
			resp, err := http.Post("http://"+s.addr+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Data   map[string]any
				Errors []struct{ Extensions map[string]any }
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
				t.Fatal(err)
			}
			var code any = ""
			if len(out.Errors) > 0 {
				code = out.Errors[0].Extensions["code"]
			}
			if code != tt.want {
				t.Errorf("code %v, want %q", code, tt.want)
			}
		})
	}
}

func TestServeRefusesAnAllowlistModeWithoutManifest(t *testing.T) {
	for _, args := range [][]string{
		{"--persisted-queries", "allowlist"},
		{"--persisted-queries-file", "main_test.go"},
		{"--persisted-queries", "allowlist", "--persisted-queries-file", "main_test.go"},
	} {
		cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}, args...)...)
		cmd.Env = cleanEnv()
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("serve %v started", args)
			continue
		}
		if !strings.Contains(string(out), "persisted") {
			t.Errorf("serve %v: the error does not say what is wrong:\n%s", args, out)
		}
	}
}
