package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenWritesAnImportableGraph(t *testing.T) {
	file := filepath.Join(t.TempDir(), "graph.jsonl")
	args := []string{"gen", "--entities", "200", "--relations", "1000", "--seed", "3", "--relations-per-document", "40"}
	if stdout, stderr, code := run(t, nil, append(args, "--out", file)...); code != 0 || stdout != "" {
		t.Fatalf("gen --out exited %d with stdout %q; stderr:\n%s", code, stdout, stderr)
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(string(written), "\n"), 1000/40; got < want {
		t.Errorf("gen wrote %d lines, want at least %d, one per document", got, want)
	}
	stdout, stderr, code := run(t, nil, args...)
	if code != 0 {
		t.Fatalf("gen exited %d; stderr:\n%s", code, stderr)
	}
	if stdout != string(written) {
		t.Errorf("gen on standard output differs from gen --out with the same flags")
	}

	home := newGraphHome(t)
	stdout, stderr, code = home.run(t, nil, "import", "--strict", file)
	if code != 0 {
		t.Fatalf("import exited %d; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"entities: 200 created, 0 matched", "relations: 1000 created, ", "rejected: 0 lines"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, stdout)
		}
	}
	st, err := home.open(t).Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entities != 200 || st.Relations != 1000 || st.Documents != 25 {
		t.Errorf("stats = %+v, want 200 entities, 1000 relations, 25 documents", st)
	}
}

func TestGenRejectsImpossibleGraphs(t *testing.T) {
	for _, args := range [][]string{
		{"gen", "--entities", "5", "--relations", "10"},
		{"gen", "--entities", "12", "--relations", "100000"},
		{"gen", "--relations-per-document", "501"},
	} {
		stdout, stderr, code := run(t, nil, args...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, "generate: gen: ") {
			t.Errorf("%v exited %d with stdout %q and stderr %q, want status 1, no output and the reason", args, code, stdout, stderr)
		}
	}
}
