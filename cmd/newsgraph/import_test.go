package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest"
)

var (
	generateTo   = flag.String("generate", "", "TestWriteGeneratedImportFile writes a generated import file to this path")
	generateDocs = flag.Int("generate-docs", 10000, "documents in the generated import file")
)

// TestWriteGeneratedImportFile writes a generated import file: with
// -generate, the one used to measure the import rate,
//
//	go test ./cmd/newsgraph -run TestWriteGeneratedImportFile -generate /tmp/gen.jsonl -generate-docs 10000
//
// and otherwise a small one in a temporary directory, so that the writer
// stays tested.
func TestWriteGeneratedImportFile(t *testing.T) {
	path, docs := *generateTo, *generateDocs
	if path == "" {
		path, docs = filepath.Join(t.TempDir(), "gen.jsonl"), 50
	}
	gen := writeGenerated(t, path, docs, 10)
	if got, want := len(gen), docs; got != want {
		t.Errorf("generated %d documents, want %d", got, want)
	}
	if got, want := len(readLines(t, path)), docs; got != want {
		t.Errorf("the file has %d lines, want %d", got, want)
	}
}

// run runs the binary with args and returns its standard output, standard
// error and exit code.
func run(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	return runWith(t, cleanEnv(), stdin, args...)
}

// runWith is run with the environment env.
func runWith(t *testing.T, env []string, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), code
}

// line encodes one import line.
func line(t *testing.T, in ingest.Input) string {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func smallDoc(id, text string, quote string) ingest.Input {
	return ingest.Input{
		Document: ingest.DocumentInput{ID: id, Title: "Report " + id, PublishedAt: newsgraph.MustParseDate("2025-11-20"), Text: text},
		Entities: []ingest.EntityInput{
			{Ref: "a", Kind: newsgraph.KindPerson, Name: "President Trump"},
			{Ref: "b", Kind: newsgraph.KindPlace, Name: "Mexico"},
		},
		Relations: []ingest.RelationInput{{Type: "THREATENS", From: "a", To: "b", Quotes: []string{quote}}},
	}
}

func TestImportSkipsBadLinesAndReportsThem(t *testing.T) {
	home := newGraphHome(t)
	good1 := smallDoc("doc:one", "Trump threatened Mexico again.", "Trump threatened Mexico")
	bad := smallDoc("doc:bad", "Trump spoke.", "Trump threatened Mexico")
	good2 := smallDoc("doc:two", "Once more Trump threatened Mexico.", "Trump threatened Mexico")
	input := strings.Join([]string{line(t, good1), `{"document": {`, "", line(t, bad), line(t, good2)}, "\n") + "\n"
	file := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(file, []byte(input), 0o600); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, code := home.run(t, nil, "import", "--verbose", file)

	if code != 0 {
		t.Fatalf("import exited %d; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"committed 1 doc:one", "committed 5 doc:two", "imported 2 of 4 lines",
		"entities: 2 created, 2 matched", "relations: 1 created, 1 corroborated", "rejected: 2 lines",
		"line 2: ingest: invalid JSON", `line 4: ingest: relations[0] (THREATENS a -> b): quote "Trump threatened Mexico" is not in the document text`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "line 4 rejected") {
		t.Errorf("stderr does not report line 4 as it happens:\n%s", stderr)
	}
	// The empty store has no Trump yet: the first line creates him.
	s := home.open(t)
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.Entities != 2 || st.Relations != 1 {
		t.Errorf("stats = %+v, want 2 documents, 2 entities, 1 relation", st)
	}
}

func TestImportExitStatus(t *testing.T) {
	bad := `{"nope": 1}` + "\n"
	good := line(t, smallDoc("doc:one", "Trump threatened Mexico again.", "Trump threatened Mexico")) + "\n"
	long := line(t, smallDoc("doc:long", strings.Repeat("Filler text. ", 200_000)+"Trump threatened Mexico.", "Trump threatened Mexico")) + "\r\n"
	for _, tc := range []struct {
		name  string
		input string
		args  []string
		want  int
	}{
		{"all good", good, nil, 0},
		{"some rejected", good + bad, nil, 0},
		{"some rejected, strict", good + bad, []string{"--strict"}, 1},
		{"nothing importable", bad + bad, nil, 1},
		{"empty", "", nil, 0},
		{"line longer than the read buffer, CRLF", long + good, []string{"--strict"}, 0},
		{"progress bar forced", good + "\n\n" + good, []string{"--progress", "always"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"import", "-"}, tc.args...)
			stdout, stderr, code := newGraphHome(t).run(t, []byte(tc.input), args...)
			if code != tc.want {
				t.Errorf("exit status = %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.want, stdout, stderr)
			}
		})
	}
	out, _, _ := run(t, nil, "import", "--help")
	if !strings.Contains(out, "Exit status") {
		t.Errorf("import --help does not document the exit status:\n%s", out)
	}
}

func TestExportThenImportReproducesTheGraph(t *testing.T) {
	// On Neo4j, the graph exported from Neo4j is imported into the
	// embedded store, and the embedded store's export must be the same.
	src, dst := newGraphHome(t), newReferenceHome(t)
	if _, stderr, code := src.run(t, nil, "seed"); code != 0 {
		t.Fatalf("seed: %s", stderr)
	}
	if stdout, stderr, code := src.run(t, secondArticleLine(t), "import", "-"); code != 0 || !strings.Contains(stdout, "entities: 2 created, 9 matched") {
		t.Fatalf("import second article: exit %d\n%s\n%s", code, stdout, stderr)
	}
	exported := filepath.Join(t.TempDir(), "graph.jsonl")
	if _, stderr, code := src.run(t, nil, "export", "--format", "jsonl", "--out", exported); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	if stdout, stderr, code := dst.run(t, nil, "import", "--strict", exported); code != 0 {
		t.Fatalf("import export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	again, stderr, code := dst.run(t, nil, "export")
	if code != 0 {
		t.Fatalf("export again: %s", stderr)
	}
	first, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	if again != string(first) {
		t.Error("exporting the imported graph gives another file than the first export")
	}

	want := src.open(t)
	got := dst.open(t)
	for _, tc := range []struct {
		name string
		s    newsgraph.Store
	}{{"source", want}, {"copy", got}} {
		st, err := tc.s.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 2 || st.Entities != 69 || st.Relations != 119 {
			t.Errorf("%s stats = %+v, want 2 documents, 69 entities, 119 relations", tc.name, st)
		}
	}
	storetest.CheckHolds(t, got, wholeGraph(t, want))
	if docs, err := got.DocumentsByID(t.Context(), []string{seed.DocumentID}); err != nil || docs[seed.DocumentID] == nil {
		t.Errorf("seed document missing after the round trip: %v", err)
	}
}

// secondArticleLine returns ingest's second test article as an import
// line, with its newline.
func secondArticleLine(t *testing.T) []byte {
	t.Helper()
	article, err := os.ReadFile("../../ingest/testdata/second-article.json")
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, article); err != nil {
		t.Fatal(err)
	}
	return append(compact.Bytes(), '\n')
}

// wholeGraph reads every entity, relation and document of s.
func wholeGraph(t *testing.T, s newsgraph.Store) newsgraph.Batch {
	t.Helper()
	var b newsgraph.Batch
	ents, err := s.Entities(t.Context(), newsgraph.EntityQuery{First: newsgraph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	rels, err := s.Relations(t.Context(), []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(t.Context(), newsgraph.DocumentQuery{First: newsgraph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	b.Entities, b.Relations, b.Documents = ents.Items, rels[0].Items, docs.Items
	return b
}

// readCommitted reads "committed LINE DOCUMENT-ID" lines from r until it
// ends, calling onLine with the count so far.
func readCommitted(r *bufio.Scanner, onLine func(n int)) []string {
	var ids []string
	for r.Scan() {
		f := strings.Fields(r.Text())
		if len(f) == 3 && f[0] == "committed" {
			ids = append(ids, f[2])
			onLine(len(ids))
		}
	}
	return ids
}
