package main_test

import (
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportGraphFormats: export writes each graph format where --out and
// --out-dir say, and refuses flags that do not go together.
func TestExportGraphFormats(t *testing.T) {
	home := newGraphHome(t)
	if _, stderr, code := home.run(t, nil, "seed"); code != 0 {
		t.Fatalf("seed: %s", stderr)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "graph.graphml")
	if _, stderr, code := home.run(t, nil, "export", "--format", "graphml", "--out", out); code != 0 {
		t.Fatalf("export graphml: %s", stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct{} `xml:"graph>node"`
		Edges []struct{} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}

	csvDir := filepath.Join(dir, "csv")
	if _, stderr, code := home.run(t, nil, "export", "--format", "csv", "--kinds", "person", "--out-dir", csvDir); code != 0 {
		t.Fatalf("export csv: %s", stderr)
	}
	f, err := os.Open(filepath.Join(csvDir, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if row[2] != "PERSON" {
			t.Errorf("--kinds person exported %v", row)
		}
	}
	if _, err := os.Stat(filepath.Join(csvDir, "edges.csv")); err != nil {
		t.Error(err)
	}

	// --induced adds the relations among the neighbourhood's entities.
	edges := map[bool]int{}
	for _, induced := range []bool{false, true} {
		args := []string{"export", "--format", "graphml", "--around", "person:claudia-sheinbaum", "--out", out}
		if induced {
			args = append(args, "--induced")
		}
		if _, stderr, code := home.run(t, nil, args...); code != 0 {
			t.Fatalf("export %v: %s", args, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var sub struct {
			Edges []struct{} `xml:"graph>edge"`
		}
		if err := xml.Unmarshal(b, &sub); err != nil {
			t.Fatal(err)
		}
		edges[induced] = len(sub.Edges)
	}
	if edges[true] <= edges[false] {
		t.Errorf("--induced: %d edges, %d without; want more", edges[true], edges[false])
	}

	for _, args := range [][]string{
		{"--format", "jsonl", "--kinds", "PERSON"},
		{"--format", "jsonl", "--induced"},
		{"--format", "graphml", "--induced"},
		{"--format", "graphml", "--out-dir", csvDir},
		{"--format", "graphml", "--depth", "2"},
		{"--format", "graphml", "--as-of", "soon"},
		{"--format", "dot"},
	} {
		if _, stderr, code := home.run(t, nil, append([]string{"export"}, args...)...); code == 0 || !strings.Contains(stderr, "newsgraph") {
			t.Errorf("export %v: exit %d, %s; want a refusal", args, code, stderr)
		}
	}

	// The store is opened last: the embedded one is locked while open.
	st, err := home.open(t).Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Nodes) != st.Entities || len(doc.Edges) != st.Relations {
		t.Errorf("graphml: %d nodes, %d edges; want %d and %d", len(doc.Nodes), len(doc.Edges), st.Entities, st.Relations)
	}
}
