package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/export"
)

// The reader tests load every format with the tools analysts use: networkx
// reads GraphML and GEXF, Cytoscape.js (headless) and graphology load their
// JSON. They need python3 and Node.js with npm; the readers themselves are
// installed on first use, pinned, where they touch nothing else: networkx
// (networkxVersion) with pip into the user cache directory, and the npm
// packages of testdata/readers from its lockfile. Missing python3 or node
// fails the test, saying what to install, unless NEWSGRAPH_SKIP_READERS=1.

const (
	readersDir      = "testdata/readers"
	networkxVersion = "3.6.1"
)

var (
	pythonOnce, nodeOnce sync.Once
	pythonPath           string // PYTHONPATH that holds networkx, "" when the system's has it
	pythonErr, nodeErr   error
)

// requireReaders skips the test when NEWSGRAPH_SKIP_READERS=1, installs the
// readers it needs when they are not, and fails it when that cannot be done.
func requireReaders(t *testing.T, python bool) {
	t.Helper()
	if os.Getenv("NEWSGRAPH_SKIP_READERS") == "1" {
		t.Skip("NEWSGRAPH_SKIP_READERS=1")
	}
	const how = " (the reader tests need python3 with pip and Node.js with npm; NEWSGRAPH_SKIP_READERS=1 skips them)"
	if python {
		pythonOnce.Do(func() { pythonPath, pythonErr = installNetworkx() })
		if pythonErr != nil {
			t.Fatalf("networkx %s: %v%s", networkxVersion, pythonErr, how)
		}
		return
	}
	nodeOnce.Do(func() { nodeErr = installNodeReaders() })
	if nodeErr != nil {
		t.Fatalf("the npm readers: %v%s", nodeErr, how)
	}
}

// installNetworkx returns a PYTHONPATH under which python3 imports networkx
// networkxVersion, installing it there with pip when needed.
func installNetworkx() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "newsgraph-test", "networkx-"+networkxVersion)
	check := exec.Command("python3", "-c", "import networkx, sys; sys.exit(networkx.__version__ != sys.argv[1])", networkxVersion)
	check.Env = append(os.Environ(), "PYTHONPATH="+dir)
	if check.Run() == nil {
		return dir, nil
	}
	out, err := exec.Command("python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
		"--target", dir, "networkx=="+networkxVersion).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("pip install --target %s: %v: %s", dir, err, out)
	}
	return dir, nil
}

// installNodeReaders installs the npm packages of testdata/readers from its
// lockfile when they are missing.
func installNodeReaders() error {
	if _, err := exec.LookPath("node"); err != nil {
		return err
	}
	missing := false
	for _, pkg := range []string{"cytoscape", "graphology"} {
		if _, err := os.Stat(filepath.Join(readersDir, "node_modules", pkg, "package.json")); err != nil {
			missing = true
		}
	}
	if !missing {
		return nil
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = readersDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci in %s: %v: %s", readersDir, err, out)
	}
	return nil
}

// readWith writes the fixture's graph in format, has the reader command
// read it, and checks what it read.
func readWith(t *testing.T, format string, command ...string) {
	t.Helper()
	store := openFixture(t)
	path := filepath.Join(t.TempDir(), "graph"+export.Formats[format].Ext)
	if err := os.WriteFile(path, write(t, store, format, export.Query{}), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(command[0], append(command[1:], format, path)...)
	if pythonPath != "" {
		cmd.Env = append(os.Environ(), "PYTHONPATH="+pythonPath)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v\n%s", command, err, stderr.String())
	}
	var read struct {
		Reader   string
		Directed bool
		Nodes    map[string]map[string]any
		Edges    map[string]struct {
			Source, Target string
			Attrs          map[string]any
		}
	}
	if err := json.Unmarshal(out, &read); err != nil {
		t.Fatalf("%v printed %v: %s", command, err, out)
	}
	t.Logf("read by %s", read.Reader)
	if !read.Directed {
		t.Errorf("%s read an undirected graph", read.Reader)
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	for id, attrs := range read.Nodes {
		got.Nodes[id] = element{Attrs: attrs}
	}
	for id, e := range read.Edges {
		got.Edges[id] = element{Source: e.Source, Target: e.Target, Attrs: e.Attrs}
	}
	checkReadBack(t, store, got)
	if format == "gexf" {
		involves := "event:fto-designation|INVOLVES|organization:sinaloa-cartel"
		if read.Edges[involves].Attrs["spells"] == nil {
			t.Errorf("%s read no spells on %s: %v", read.Reader, involves, read.Edges[involves].Attrs)
		}
	}
}

func TestNetworkxReadsGraphML(t *testing.T) {
	requireReaders(t, true)
	readWith(t, "graphml", "python3", filepath.Join(readersDir, "networkx_read.py"))
}

func TestNetworkxReadsGEXF(t *testing.T) {
	requireReaders(t, true)
	readWith(t, "gexf", "python3", filepath.Join(readersDir, "networkx_read.py"))
}

func TestCytoscapeLoadsItsJSON(t *testing.T) {
	requireReaders(t, false)
	readWith(t, "cytoscape", "node", filepath.Join(readersDir, "read.mjs"))
}

func TestGraphologyLoadsItsJSON(t *testing.T) {
	requireReaders(t, false)
	readWith(t, "graphology", "node", filepath.Join(readersDir, "read.mjs"))
}
