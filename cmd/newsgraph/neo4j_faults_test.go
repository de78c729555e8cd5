package main_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// launcher is the neo4j-local script, relative to this package.
const launcher = "../../neo4j/server/neo4j-local"

// localNeo4j is a private Neo4j started with the launcher, so that a test
// can stop and kill it without disturbing the shared one.
type localNeo4j struct {
	dir string
	cfg neo4j.Config
}

// startLocalNeo4j starts (or restarts) the Neo4j of dir with the launcher
// and returns its settings; the test stops it when it ends.
func startLocalNeo4j(t *testing.T, dir string) localNeo4j {
	t.Helper()
	cmd := exec.Command(launcher, "start", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("neo4j-local start: %v\n%s", err, stderr.String())
	}
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		k, v, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if !ok || !strings.HasPrefix(line, "export ") {
			t.Fatalf("neo4j-local start printed %q, want only export lines:\n%s", line, out)
		}
		env[k] = v
	}
	if len(env) != 3 || env["NEO4J_URI"] == "" || env["NEO4J_USER"] != "neo4j" || len(env["NEO4J_PASSWORD"]) < 8 {
		t.Fatalf("neo4j-local start printed %v, want NEO4J_URI, NEO4J_USER=neo4j and a NEO4J_PASSWORD", env)
	}
	t.Cleanup(func() {
		if out, err := exec.Command(launcher, "stop", dir).CombinedOutput(); err != nil {
			t.Errorf("neo4j-local stop: %v\n%s", err, out)
		}
	})
	return localNeo4j{dir: dir, cfg: neo4j.Config{URI: env["NEO4J_URI"], User: env["NEO4J_USER"], Password: env["NEO4J_PASSWORD"]}}
}

// signal sends sig to the Neo4j process.
func (n localNeo4j) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(n.dir, "neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, sig); err != nil {
		t.Fatalf("kill -%v %d: %v", sig, pid, err)
	}
	if sig == syscall.SIGKILL {
		for syscall.Kill(pid, 0) == nil {
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// readyStatus returns the status of GET /readyz.
func readyStatus(t *testing.T, s *server) int {
	t.Helper()
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + s.addr + "/readyz")
	if err != nil {
		t.Fatalf("GET /readyz: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// awaitReady polls /readyz until it answers want and returns how long that
// took, failing after limit.
func awaitReady(t *testing.T, s *server, want int, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		if readyStatus(t, s) == want {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("/readyz did not answer %d within %v", want, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// timedPost sends a GraphQL request and returns the first error's code
// (empty for none) and how long the answer took.
func timedPost(t *testing.T, s *server, key, query string, vars map[string]any) (string, time.Duration) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, "http://"+s.addr+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	start := time.Now()
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	elapsed := time.Since(start)
	var out struct {
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, raw)
	}
	if len(out.Errors) > 0 {
		return out.Errors[0].Extensions.Code, elapsed
	}
	return "", elapsed
}

// TestServeOnNeo4jSurvivesAHangAndACrash runs "newsgraph serve" on a
// private Neo4j started with the launcher, then stops Neo4j (SIGSTOP, a
// hang) and kills it (SIGKILL, a crash): /readyz turns unready within 2 s,
// reads and writes fail with UNAVAILABLE within the request timeout, no
// write is half-applied, and once Neo4j is back the server serves again
// without a restart.
func TestServeOnNeo4jSurvivesAHangAndACrash(t *testing.T) {
	if _, ok := teststore.Neo4jConfig(); !ok {
		t.Skip("NEO4J_URI not set: the Neo4j fault test runs with the Neo4j tests (it starts a Neo4j of its own with the launcher)")
	}
	const requestTimeout = 3 * time.Second
	n := startLocalNeo4j(t, t.TempDir())
	home := graphHome{dir: t.TempDir(), neo4j: &n.cfg}
	key := createdKey(t, nil, "--scope", "write", "--data", home.dir)
	file := filepath.Join(t.TempDir(), "gen.jsonl")
	gen := writeGenerated(t, file, 200, 10)
	lines := readLines(t, file)
	s := startServer(t, home, "--request-timeout", requestTimeout.String())

	const read = `{ entity(id: "person:claudia-sheinbaum") { name relations(first: 5) { totalCount } } }`
	if code, _ := timedPost(t, s, "", read, nil); code != "" {
		t.Fatalf("read before the faults: code %q", code)
	}
	var acked []string
	ingest := func(line []byte) (string, time.Duration) {
		var input map[string]any
		if err := json.Unmarshal(line, &input); err != nil {
			t.Fatal(err)
		}
		code, elapsed := timedPost(t, s, key, ingestMutation, map[string]any{"input": input})
		return code, elapsed
	}
	for _, line := range lines[:20] {
		if code, _ := ingest(line); code != "" {
			t.Fatalf("ingest before the faults: code %q", code)
		}
	}
	acked = append(acked, docIDs(gen[:20])...)

	for _, fault := range []struct {
		name   string
		signal syscall.Signal
		lines  [][]byte
	}{
		{"hang", syscall.SIGSTOP, lines[20:22]},
		{"crash", syscall.SIGKILL, lines[22:24]},
	} {
		n.signal(t, fault.signal)
		if took := awaitReady(t, s, http.StatusServiceUnavailable, 10*time.Second); took > 2*time.Second {
			t.Errorf("%s: /readyz turned unready after %v, want within 2s", fault.name, took)
		}
		var wg sync.WaitGroup
		for _, line := range fault.lines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				code, took := ingest(line)
				if code != "UNAVAILABLE" || took > requestTimeout+time.Second {
					t.Errorf("%s: ingest answered %q after %v, want UNAVAILABLE within %v", fault.name, code, took, requestTimeout)
				}
			}()
		}
		code, took := timedPost(t, s, "", read, nil)
		if code != "UNAVAILABLE" || took > requestTimeout+time.Second {
			t.Errorf("%s: read answered %q after %v, want UNAVAILABLE within %v", fault.name, code, took, requestTimeout)
		}
		wg.Wait()

		if fault.signal == syscall.SIGSTOP {
			n.signal(t, syscall.SIGCONT)
		} else {
			startLocalNeo4j(t, n.dir) // the same data and port
		}
		took = awaitReady(t, s, http.StatusOK, 60*time.Second)
		t.Logf("%s: ready again %v after Neo4j came back", fault.name, took)
		if code, _ := timedPost(t, s, "", read, nil); code != "" {
			t.Errorf("%s: read after recovery: code %q", fault.name, code)
		}
	}
	// A Neo4j restarted after a crash starts cold (recovery, no compiled
	// plans, no JIT), so its first writes may outlast the short request
	// timeout: a write must succeed again within a minute, without a
	// restart of newsgraph.
	deadline := time.Now().Add(time.Minute)
	for {
		code, took := ingest(lines[30])
		if code == "" {
			t.Logf("first write after recovery took %v", took)
			acked = append(acked, gen[30].id)
			break
		}
		// Cold, it may not answer (UNAVAILABLE) or answer after the
		// request's time limit (LIMIT_EXCEEDED, the request timeout rule).
		if (code != "UNAVAILABLE" && code != "LIMIT_EXCEEDED") || time.Now().After(deadline) {
			t.Fatalf("ingest after recovery: code %q; server log:\n%s", code, s.stderr.String())
		}
	}
	s.stop(t)
	// Every acknowledged document is whole; those sent during the faults
	// are either whole or absent.
	checkDocumentsWhole(t, home.open(t), gen[:31], acked)
}

// docIDs returns the ids of docs.
func docIDs(docs []generatedDoc) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.id
	}
	return ids
}
