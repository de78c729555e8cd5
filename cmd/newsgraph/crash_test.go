package main_test

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestImportKilledMidwayKeepsCommittedDocumentsWhole kills an import with
// SIGKILL after it reported some documents committed, reopens the store,
// and checks that every reported document is there and that no document
// is half-written: each stored document has evidence on all of its
// relations, and each absent one on none.
func TestImportKilledMidwayKeepsCommittedDocumentsWhole(t *testing.T) {
	home := newGraphHome(t)
	file := filepath.Join(t.TempDir(), "gen.jsonl")
	gen := writeGenerated(t, file, 3000, 10)

	cmd := exec.Command(binary, "import", "--data", home.dir, "--verbose", "--progress", "never", file)
	cmd.Env = home.env()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	const killAfter = 100
	killed := false
	committed := readCommitted(bufio.NewScanner(stdout), func(n int) {
		if n == killAfter && !killed {
			killed = true
			_ = cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
		}
	})
	waitErr := cmd.Wait()
	if !killed {
		t.Fatalf("import finished before %d documents were committed: %v\n%s", killAfter, waitErr, stderr.String())
	}
	if len(committed) >= len(gen) {
		t.Fatalf("import committed all %d documents before it was killed; the test needs a larger file", len(committed))
	}

	stored := checkDocumentsWhole(t, home.open(t), gen, committed)
	t.Logf("killed after %d reported commits; %d documents stored", len(committed), stored)
}

// checkDocumentsWhole checks a store after a crash: every document in
// committed (acknowledged before the crash) is stored, and no document of
// gen is half-written: a stored one has evidence on all of its relations,
// an absent one on none. It returns the number of stored documents.
func checkDocumentsWhole(t *testing.T, s newsgraph.Store, gen []generatedDoc, committed []string) int {
	t.Helper()
	ctx := t.Context()
	ids := make([]string, len(gen))
	for i, d := range gen {
		ids[i] = d.id
	}
	stored, err := s.DocumentsByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range committed {
		if stored[id] == nil {
			t.Errorf("document %s was reported committed but is missing", id)
		}
	}
	qs := make([]newsgraph.RelationQuery, len(gen))
	for i, d := range gen {
		qs[i] = newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{DocumentID: d.id}}
	}
	pages, err := s.Relations(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range gen {
		got := pages[i].TotalCount
		switch {
		case stored[d.id] != nil && got != d.relations:
			t.Errorf("stored document %s has evidence on %d relations, want all %d", d.id, got, d.relations)
		case stored[d.id] == nil && got != 0:
			t.Errorf("absent document %s has evidence on %d relations, want 0", d.id, got)
		}
	}
	return len(stored)
}
