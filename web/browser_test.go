package web_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/subgraph"
)

// chromium is Debian's browser, which the tests drive; they never let
// Playwright download one of its own.
const chromium = "/usr/bin/chromium"

// TestBrowser drives GraphiQL and the explorer in a real Chromium with
// Playwright (test/browser.mjs) against the whole API in process, over the
// seed graph: no request may leave 127.0.0.1 and no page may log a console
// error. Screenshots go to $NEWSGRAPH_SCREENSHOTS (CI keeps that folder),
// else to a temporary directory. It needs Node.js, npm ci in web/, and
// Chromium; it fails without them, so that CI cannot pass without running
// it, unless NEWSGRAPH_SKIP_BROWSER=1.
func TestBrowser(t *testing.T) {
	requireBrowser(t)
	url, writeKey := startAPI(t, auth.ScopeWrite, false)
	runBrowser(t, "BASE_URL="+url, "WRITE_KEY="+writeKey)
}

// TestBrowserKeys drives the explorer and GraphiQL against a server that
// requires a key for reads (test/keys.mjs): the explorer says a key is
// needed and opens its Key form, says so again for a wrong key, draws the
// graph with the right one and keeps it in localStorage, where GraphiQL
// finds it.
func TestBrowserKeys(t *testing.T) {
	requireBrowser(t)
	url, readKey := startAPI(t, auth.ScopeRead, true)
	runBrowser(t, "BASE_URL="+url, "READ_KEY="+readKey, "ONLY=keys")
}

// runBrowser runs test/browser.mjs with env added to the environment and
// fails t if any of its checks fails.
func runBrowser(t *testing.T, env ...string) {
	t.Helper()
	shots := os.Getenv("NEWSGRAPH_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	shots, err := filepath.Abs(shots)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "test/browser.mjs")
	cmd.Env = append(append(os.Environ(), "CHROMIUM="+chromium, "SCREENSHOTS="+shots), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("test/browser.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("test/browser.mjs: %v", err)
	}
	t.Logf("screenshots in %s", shots)
}

// requireBrowser skips tb with NEWSGRAPH_SKIP_BROWSER=1 or -short, fails it
// unless Chromium is installed, and installs the
// npm packages of web/ (playwright-core) from the lockfile when they are
// missing, so that a fresh clone needs nothing but Chromium and Node.js.
func requireBrowser(tb testing.TB) {
	tb.Helper()
	if os.Getenv("NEWSGRAPH_SKIP_BROWSER") == "1" {
		tb.Skip("NEWSGRAPH_SKIP_BROWSER=1")
	}
	if testing.Short() {
		tb.Skip("browser tests take a while; not with -short")
	}
	if _, err := os.Stat(chromium); err != nil {
		tb.Fatalf("%v: the browser tests need Chromium (apt-get install chromium, or bash scripts/test, which installs it), or NEWSGRAPH_SKIP_BROWSER=1", err)
	}
	if _, err := os.Stat("node_modules/playwright-core/package.json"); err == nil {
		return
	}
	out, err := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").CombinedOutput()
	if err != nil {
		tb.Fatalf("npm ci in web/: %v: %s (the browser tests need Node.js and npm, or NEWSGRAPH_SKIP_BROWSER=1)", err, out)
	}
}

// startAPI serves the whole API (server.Handler) over a seeded embedded
// store and returns its URL and a key of the given scope; keyForReads
// makes the server require a key for reads too.
func startAPI(t *testing.T, scope auth.Scope, keyForReads bool) (url, key string) {
	t.Helper()
	ctx := context.Background()
	store, err := embedded.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := seed.Load(ctx, store); err != nil {
		t.Fatal(err)
	}
	key, entry, err := auth.NewKey(scope, "browser-test", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.NewKeySet([]auth.Entry{entry})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	routes := server.Routes{
		GraphQL:  graph.NewHandler(store, graph.Config{Keys: keys, RequireKeyForReads: keyForReads, Logger: logger}),
		Subgraph: subgraph.Handler(store, subgraph.Config{Keys: keys, RequireKey: keyForReads, Logger: logger}),
	}
	srv := httptest.NewServer(server.Handler(routes, store, server.Config{Logger: logger}))
	t.Cleanup(srv.Close)
	return srv.URL, key
}
