package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// binary is the newsgraph binary built once for all tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "newsgraph")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build newsgraph: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// server is a running "newsgraph serve" process.
type server struct {
	cmd    *exec.Cmd
	addr   string
	stderr *bytes.Buffer
}

// startServer starts "newsgraph serve" on home's graph with args and waits
// until it is ready.
func startServer(t *testing.T, home graphHome, args ...string) *server {
	t.Helper()
	addr := freeAddr(t)
	var stderr bytes.Buffer
	cmd := exec.Command(binary, append([]string{"serve", "--addr", addr, "--data", home.dir}, args...)...)
	cmd.Env = home.env()
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, addr: addr, stderr: &stderr}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready at %s; stderr:\n%s", addr, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v; stderr:\n%s", err, s.stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM; stderr:\n%s", s.stderr.String())
	}
}

func (s *server) query(t *testing.T, query string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := http.Post("http://"+s.addr+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, raw)
	}
	if errs, ok := out["errors"]; ok {
		t.Fatalf("query returned errors: %v", errs)
	}
	return out["data"].(map[string]any)
}

func statsOf(t *testing.T, s *server) map[string]any {
	t.Helper()
	return s.query(t, `{ stats { entities relations documents } }`)["stats"].(map[string]any)
}

func TestServeSeedsOnFirstStartAndPersists(t *testing.T) {
	home := newGraphHome(t)
	home.dir = filepath.Join(home.dir, "data") // created by serve

	s := startServer(t, home)
	first := statsOf(t, s)
	if got := first["entities"].(float64); got < 40 {
		t.Errorf("seeded entities = %v, want >= 40", got)
	}
	if got := first["relations"].(float64); got < 60 {
		t.Errorf("seeded relations = %v, want >= 60", got)
	}
	data := s.query(t, `{ entity(id: "person:claudia-sheinbaum") { name kind } }`)
	if got, want := data["entity"].(map[string]any)["name"], "Claudia Sheinbaum"; got != want {
		t.Errorf("entity name = %v, want %v", got, want)
	}
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200, "/explore": 200, "/nope": 404} {
		resp, err := http.Get("http://" + s.addr + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}
	s.stop(t)
	if !strings.Contains(s.stderr.String(), "seed graph loaded") {
		t.Errorf("first start did not log seeding; stderr:\n%s", s.stderr.String())
	}

	restarted := startServer(t, home)
	if got := statsOf(t, restarted); fmt.Sprint(got) != fmt.Sprint(first) {
		t.Errorf("stats after restart = %v, want %v", got, first)
	}
	restarted.stop(t)
	if strings.Contains(restarted.stderr.String(), "seed graph loaded") {
		t.Errorf("restart seeded again; stderr:\n%s", restarted.stderr.String())
	}
}

func TestServeNoSeedStartsEmpty(t *testing.T) {
	s := startServer(t, newGraphHome(t), "--no-seed")
	if got := statsOf(t, s)["entities"].(float64); got != 0 {
		t.Errorf("entities = %v, want 0 with --no-seed", got)
	}
	s.stop(t)
}

func TestSeedCommandIsIdempotent(t *testing.T) {
	home := newGraphHome(t)
	for i := range 2 {
		if stdout, stderr, code := home.run(t, nil, "seed"); code != 0 {
			t.Fatalf("seed run %d: exit %d\n%s%s", i+1, code, stdout, stderr)
		}
	}
	s := startServer(t, home, "--no-seed")
	if got := statsOf(t, s)["documents"].(float64); got != 1 {
		t.Errorf("documents after seeding twice = %v, want 1", got)
	}
	s.stop(t)
}

func TestHelpDocumentsConfiguration(t *testing.T) {
	out, err := exec.Command(binary, "serve", "--help").CombinedOutput()
	if err != nil {
		t.Fatalf("serve --help: %v\n%s", err, out)
	}
	for _, want := range []string{"--addr", "--data", "NEWSGRAPH_ADDR", "NEWSGRAPH_DATA", "NEO4J_URI", "NEO4J_PASSWORD", "--no-seed", "--no-metrics", "NEWSGRAPH_METRICS", "--metrics-addr", "--cors-origins", "NEWSGRAPH_CORS_ORIGINS"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("serve --help lacks %q:\n%s", want, out)
		}
	}
}

func TestStoreErrorsExitNonZero(t *testing.T) {
	cmd := exec.Command(binary, "seed", "--neo4j-uri", "bolt://127.0.0.1:1")
	cmd.Env = cleanEnv()
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("seed against an unreachable Neo4j succeeded:\n%s", out)
	}
	if !strings.Contains(string(out), "Neo4j") {
		t.Errorf("error output does not name Neo4j:\n%s", out)
	}
}

func TestServeRefusesAMalformedCORSOrigin(t *testing.T) {
	home := newGraphHome(t)
	_, stderr, code := home.run(t, nil, "serve", "--addr", "127.0.0.1:0", "--cors-origins", "https://app.example.com/")
	if code == 0 {
		t.Fatal("serve with a malformed CORS origin started")
	}
	if !strings.Contains(stderr, "--cors-origins") {
		t.Errorf("stderr = %q, want it to name --cors-origins", stderr)
	}
}
