package auth_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

func TestParseEnvEntries(t *testing.T) {
	readKey, read := newKey(t, auth.ScopeRead, "")
	_, write := newKey(t, auth.ScopeWrite, "")
	tests := []struct {
		name    string
		value   string
		want    []string
		wantErr string
	}{
		{"empty", "", nil, ""},
		{"blank", " ,\n, ", nil, ""},
		{"one", read.EnvString(), []string{read.ID}, ""},
		{"comma-separated", read.EnvString() + "," + write.EnvString(), []string{read.ID, write.ID}, ""},
		{"spaces and newlines", " " + read.EnvString() + " ,\n" + write.EnvString() + "\n", []string{read.ID, write.ID}, ""},
		{"plain key", readKey, nil, "looks like a plain API key"},
		{"plain key after scope", "read:" + readKey, nil, "looks like a plain API key"},
		{"three fields", "read:" + read.ID + ":" + read.Salt, nil, "entry 1 is malformed"},
		{"five fields", read.EnvString() + ":x", nil, "entry 1 is malformed"},
		{"bad scope", "root" + strings.TrimPrefix(read.EnvString(), "read"), nil, "unknown scope"},
		{"bad hash", read.EnvString() + "AA", nil, "malformed hash"},
		{"second bad", read.EnvString() + ",write:x:y:z", nil, "entry 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, err := auth.ParseEnvEntries(tt.value)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), readKey[17:]) {
					t.Errorf("error %q echoes a secret", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range entries {
				ids = append(ids, e.ID)
			}
			if got, want := strings.Join(ids, ","), strings.Join(tt.want, ","); got != want {
				t.Errorf("ids = %q, want %q", got, want)
			}
		})
	}
}

func TestLoadKeySetMergesFileAndEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	fileKey := createKey(t, path, auth.ScopeRead, "file")
	envKey, envEntry := newKey(t, auth.ScopeAdmin, "")
	env := envEntry.EnvString()

	ks := loadKeySet(t, path, env)
	if got, want := ks.Len(), 2; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
	for key, want := range map[string]auth.Scope{fileKey: auth.ScopeRead, envKey: auth.ScopeAdmin} {
		p, err := ks.Authenticate(key)
		if err != nil {
			t.Fatal(err)
		}
		if p.Scope != want {
			t.Errorf("scope = %q, want %q", p.Scope, want)
		}
	}

	envOnly := loadKeySet(t, "", env)
	if _, err := envOnly.Authenticate(envKey); err != nil {
		t.Errorf("environment-only key set: %v", err)
	}
	if _, err := envOnly.Authenticate(fileKey); newsgraph.ErrorCode(err) != newsgraph.Unauthenticated {
		t.Errorf("environment-only key set accepted a file key: %v", err)
	}

	entries, err := auth.ReadKeyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := auth.LoadKeySet(path, entries[0].EnvString()); err == nil {
		t.Error("LoadKeySet accepted a key id in both the file and the environment")
	}
	if _, err := auth.RevokeKey(path, entries[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := auth.LoadKeySet(path, entries[0].EnvString()); err == nil {
		t.Error("LoadKeySet let the environment bring back a key revoked in the file")
	}
	if _, err := auth.LoadKeySet(path, "garbage"); err == nil {
		t.Error("LoadKeySet accepted a malformed environment entry")
	}
}

func TestReloadPicksUpNewAndRevokedKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	ks := loadKeySet(t, path, "")
	key := createKey(t, path, auth.ScopeWrite, "")
	if _, err := ks.Authenticate(key); err == nil {
		t.Fatal("key accepted before reload")
	}
	if err := ks.Reload(); err != nil {
		t.Fatal(err)
	}
	if _, err := ks.Authenticate(key); err != nil {
		t.Fatalf("key rejected after reload: %v", err)
	}
	id, _, _ := auth.ParseKey(key)
	if _, err := auth.RevokeKey(path, id); err != nil {
		t.Fatal(err)
	}
	if err := ks.Reload(); err != nil {
		t.Fatal(err)
	}
	if _, err := ks.Authenticate(key); err == nil {
		t.Error("revoked key accepted after reload")
	}
}

func TestWatchReloadsWhenTheFileChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api-keys.json")
	ks := loadKeySet(t, path, "")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		ks.Watch(ctx, time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	key := createKey(t, path, auth.ScopeRead, "")
	// Wait (without a time limit of our own: the test binary's -timeout
	// applies) until the watcher has reloaded.
	for {
		if _, err := ks.Authenticate(key); err == nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	if got, want := ks.Len(), 1; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
}
