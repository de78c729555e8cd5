package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/export"
)

// The reader tests load every format with the tools analysts use: networkx
// reads GraphML and GEXF, Cytoscape.js (headless) and graphology load their
// JSON. They need python3 with networkx and Node.js with the packages of
// testdata/readers installed, which .ci/run installs; they fail, saying
// how to install them, when those are missing, unless
// NEWSGRAPH_SKIP_READERS=1.

const readersDir = "testdata/readers"

// requireReaders skips the test when NEWSGRAPH_SKIP_READERS=1, and fails it
// when a reader is missing.
func requireReaders(t *testing.T, python bool) {
	t.Helper()
	if os.Getenv("NEWSGRAPH_SKIP_READERS") == "1" {
		t.Skip("NEWSGRAPH_SKIP_READERS=1")
	}
	const how = "; install the readers (python3 -m pip install networkx==3.6.1; cd export/testdata/readers && npm ci) or set NEWSGRAPH_SKIP_READERS=1"
	if python {
		if out, err := exec.Command("python3", "-c", "import networkx").CombinedOutput(); err != nil {
			t.Fatalf("python3 with networkx is needed: %v: %s%s", err, out, how)
		}
		return
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is needed: %v%s", err, how)
	}
	for _, pkg := range []string{"cytoscape", "graphology"} {
		if _, err := os.Stat(filepath.Join(readersDir, "node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("the npm package %s is not installed: %v%s", pkg, err, how)
		}
	}
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
