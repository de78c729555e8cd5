package main_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
)

// TestExtractDraftImports: extract prints one import line whose known
// entities are given by id, which import takes without edits; --format
// review marks the mentions; bad flags are refused before the store opens.
func TestExtractDraftImports(t *testing.T) {
	home := newGraphHome(t)
	if _, stderr, code := home.run(t, nil, "seed"); code != 0 {
		t.Fatalf("seed: %s", stderr)
	}
	text, err := os.ReadFile("../../extract/testdata/trade.txt")
	if err != nil {
		t.Fatal(err)
	}
	seedText, err := os.ReadFile("../../seed/data/000_9e9124713ed057f1.txt")
	if err != nil {
		t.Fatal(err)
	}

	out, stderr, code := home.run(t, seedText, "extract", "--published", "2025-11-18", "--title", "Sheinbaum again", "-")
	if code != 0 {
		t.Fatalf("extract: %s", stderr)
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Fatalf("extract printed %d lines; want 1", n)
	}
	in, err := ingest.DecodeInput([]byte(strings.TrimSpace(out)))
	if err != nil {
		t.Fatalf("the draft does not decode: %v", err)
	}
	var ids []string
	for _, e := range in.Entities {
		ids = append(ids, e.ID)
	}
	for _, want := range []string{"person:claudia-sheinbaum", "person:donald-trump", "place:mexico"} {
		if !slices.Contains(ids, want) {
			t.Errorf("draft entities %v lack %s", ids, want)
		}
	}
	if in.Document.Title != "Sheinbaum again" || in.Document.PublishedAt.String() != "2025-11-18" {
		t.Errorf("document = %q %s", in.Document.Title, in.Document.PublishedAt)
	}

	file := t.TempDir() + "/trade.txt"
	if err := os.WriteFile(file, text, 0o644); err != nil {
		t.Fatal(err)
	}
	draft, stderr, code := home.run(t, nil, "extract", "--published", "2026-03-12", file)
	if code != 0 {
		t.Fatalf("extract %s: %s", file, stderr)
	}
	if _, stderr, code := home.run(t, []byte(out+draft), "import", "--strict", "-"); code != 0 {
		t.Fatalf("import of the drafts: exit %d: %s", code, stderr)
	}

	review, stderr, code := home.run(t, nil, "extract", "--published", "2026-03-12", "--format", "review", file)
	if code != 0 {
		t.Fatalf("extract --format review: %s", stderr)
	}
	for _, want := range []string{"[[Anna Lindqvist|anna-lindqvist]]", "ENTITIES", "RELATIONS", "MET_WITH", "cue:met"} {
		if !strings.Contains(review, want) {
			t.Errorf("review lacks %q", want)
		}
	}

	for _, args := range [][]string{
		{"extract", file},
		{"extract", "--published", "18/11/2025", file},
		{"extract", "--published", "2025-11-18", "--format", "xml", file},
		{"extract", "--published", "2025-11-18", t.TempDir() + "/missing.txt"},
	} {
		if _, stderr, code := home.run(t, nil, args...); code == 0 || !strings.Contains(stderr, "newsgraph") {
			t.Errorf("%v: exit %d, %s; want a refusal", args, code, stderr)
		}
	}
	if _, stderr, _ := home.run(t, nil, "extract", "--published", "18/11/2025", file); !strings.Contains(stderr, "--published") {
		t.Errorf("a bad date does not name its flag: %s", stderr)
	}
	// Empty text is refused too.
	if _, stderr, code := home.run(t, []byte("  \n"), "extract", "--published", "2025-11-18", "-"); code == 0 || !strings.Contains(stderr, "text is empty") {
		t.Errorf("empty text: exit %d, %s", code, stderr)
	}
}
