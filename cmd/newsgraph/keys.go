package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/auth"
)

// keyFlags locate the API keys. serve and the keys commands take the same
// flags and environment, so "keys create" writes where "serve" reads.
type keyFlags struct {
	KeysFile string `name:"keys-file" env:"NEWSGRAPH_KEYS_FILE" placeholder:"FILE" help:"File of salted API key hashes (default: api-keys.json in the --data directory)."`
	APIKeys  string `name:"api-keys" env:"NEWSGRAPH_API_KEYS" placeholder:"ENTRIES" help:"More API keys as hashed entries scope:id:salt:hash, separated by commas; \"newsgraph keys create --no-store\" prints one. Prefer the environment variable to the flag."`
}

// path returns the key file: --keys-file, or api-keys.json in dataDir.
func (f keyFlags) path(dataDir string) string {
	if f.KeysFile != "" {
		return f.KeysFile
	}
	return filepath.Join(dataDir, "api-keys.json")
}

// authFlags configure API key authentication of serve.
type authFlags struct {
	Keys               keyFlags `embed:""`
	RequireKeyForReads bool     `name:"require-key-for-reads" env:"NEWSGRAPH_REQUIRE_KEY_FOR_READS" help:"Require an API key (any scope) for queries too. By default reads are open and only mutations need a key."`
}

// keysReloadInterval is how often serve checks the key file for changes.
const keysReloadInterval = 5 * time.Second

// loadKeys loads the API keys for serve and keeps them current until ctx
// ends: the key file is re-read when it changes and on SIGHUP, so created
// and revoked keys take effect without a restart. Pass the result and
// RequireKeyForReads to graph.Config.
func (f authFlags) loadKeys(ctx context.Context, dataDir string, logger *slog.Logger) (*auth.KeySet, error) {
	path := f.Keys.path(dataDir)
	keys, err := auth.LoadKeySet(path, f.Keys.APIKeys)
	if err != nil {
		return nil, fmt.Errorf("load API keys: %w", err)
	}
	logger.Info("API keys loaded", "file", path, "keys", keys.Len(), "requireKeyForReads", f.RequireKeyForReads)
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		logger.Warn("the API key file is readable by others; restrict it with chmod 600", "file", path, "mode", info.Mode().Perm().String())
	}
	if keys.Len() == 0 {
		logger.Warn("no API keys: mutations are impossible; create a key with: newsgraph keys create --scope write")
	}
	go keys.Watch(ctx, keysReloadInterval, logger, syscall.SIGHUP)
	return keys, nil
}

// keysCmd manages API keys.
type keysCmd struct {
	Create keysCreateCmd `cmd:"" help:"Create an API key. Prints the key once, alone on the last line; only its salted hash is stored."`
	List   keysListCmd   `cmd:"" help:"List API keys: ids, names, scopes and dates, never secrets."`
	Revoke keysRevokeCmd `cmd:"" help:"Revoke an API key by id. Running servers stop accepting it within seconds."`
}

// keysCreateCmd creates a key.
type keysCreateCmd struct {
	Scope   string `required:"" enum:"read,write,admin" help:"What the key may do: read (queries), write (also ingestion and upserts) or admin (also merges and deletions)."`
	Name    string `help:"A label for the key, such as who or what uses it."`
	NoStore bool   `name:"no-store" help:"Store nothing; print the hashed entry to put in NEWSGRAPH_API_KEYS instead."`

	Store storeFlags `embed:"" group:"Store"`
	Keys  keyFlags   `embed:"" group:"API keys"`
}

// Run creates the key and prints it.
func (c *keysCreateCmd) Run() error { return c.run(os.Stdout) }

func (c *keysCreateCmd) run(w io.Writer) error {
	scope, err := auth.ParseScope(c.Scope)
	if err != nil {
		return err
	}
	var (
		key   string
		entry auth.Entry
		path  = c.Keys.path(c.Store.Data)
	)
	if c.NoStore {
		key, entry, err = auth.NewKey(scope, c.Name, time.Now())
	} else {
		key, entry, err = auth.CreateKeyEntry(path, scope, c.Name)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Created API key %s with scope %s", entry.ID, entry.Scope)
	if entry.Name != "" {
		fmt.Fprintf(w, " named %q", entry.Name)
	}
	fmt.Fprintln(w, ".")
	if c.NoStore {
		fmt.Fprintln(w, "Nothing was stored. Add this hashed entry to NEWSGRAPH_API_KEYS of the server (entries are comma-separated):")
		fmt.Fprintln(w, "  "+entry.EnvString())
	} else {
		fmt.Fprintf(w, "Its salted hash is stored in %s; a running server picks it up within seconds.\n", path)
	}
	fmt.Fprintln(w, "The key itself is stored nowhere and is shown only this once. Send it as the header")
	fmt.Fprintln(w, "  Authorization: Bearer <key>")
	fmt.Fprintln(w, "The key:")
	fmt.Fprintln(w, key)
	return nil
}

// keysListCmd lists keys.
type keysListCmd struct {
	Store storeFlags `embed:"" group:"Store"`
	Keys  keyFlags   `embed:"" group:"API keys"`
}

// Run lists the keys of the key file and of NEWSGRAPH_API_KEYS.
func (c *keysListCmd) Run() error { return c.run(os.Stdout) }

func (c *keysListCmd) run(w io.Writer) error {
	path := c.Keys.path(c.Store.Data)
	fileEntries, err := auth.ReadKeyFile(path)
	if err != nil {
		return err
	}
	envEntries, err := auth.ParseEnvEntries(c.Keys.APIKeys)
	if err != nil {
		return err
	}
	if len(fileEntries)+len(envEntries) == 0 {
		fmt.Fprintf(w, "No API keys in %s or NEWSGRAPH_API_KEYS. Create one with: newsgraph keys create --scope write\n", path)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSCOPE\tNAME\tCREATED\tSTATUS\tSOURCE")
	row := func(e auth.Entry, source string) {
		created, status := "-", "active"
		if !e.CreatedAt.IsZero() {
			created = e.CreatedAt.UTC().Format(time.RFC3339)
		}
		if e.Revoked() {
			status = "revoked " + e.RevokedAt.UTC().Format(time.RFC3339)
		}
		name := e.Name
		if name == "" {
			name = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Scope, name, created, status, source)
	}
	for _, e := range fileEntries {
		row(e, path)
	}
	for _, e := range envEntries {
		row(e, "NEWSGRAPH_API_KEYS")
	}
	return tw.Flush()
}

// keysRevokeCmd revokes a key.
type keysRevokeCmd struct {
	ID string `arg:"" name:"id" help:"Id of the key to revoke (see newsgraph keys list)."`

	Store storeFlags `embed:"" group:"Store"`
	Keys  keyFlags   `embed:"" group:"API keys"`
}

// Run revokes the key in the key file.
func (c *keysRevokeCmd) Run() error { return c.run(os.Stdout) }

func (c *keysRevokeCmd) run(w io.Writer) error {
	envEntries, err := auth.ParseEnvEntries(c.Keys.APIKeys)
	if err != nil {
		return err
	}
	for _, e := range envEntries {
		if e.ID == c.ID {
			return fmt.Errorf("key %s comes from NEWSGRAPH_API_KEYS: remove its entry there and restart the server", c.ID)
		}
	}
	path := c.Keys.path(c.Store.Data)
	e, err := auth.RevokeKey(path, c.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Key %s (scope %s) is revoked as of %s; running servers stop accepting it within seconds.\n",
		e.ID, e.Scope, e.RevokedAt.UTC().Format(time.RFC3339))
	return nil
}
