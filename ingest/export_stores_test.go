package ingest_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// TestExportIsTheSameOnEveryStore imports the same input into the store
// under test and into the embedded store (the seed graph, a hand-written
// article, a generated corpus), merges and deletes the same entities on
// both, and requires byte-identical JSON Lines exports: on Neo4j, the
// production store and the embedded one hold the same graph.
func TestExportIsTheSameOnEveryStore(t *testing.T) {
	// The export carries the merge record, with its time: the same on both.
	mergedAt := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	var exports [2][]byte
	for i, s := range []newsgraph.Store{openSeeded(t), openSeededReference(t)} {
		svc := ingest.New(s)
		mustIngest(t, svc, secondArticle(t))
		err := gen.Documents(gen.Config{Entities: 120, Relations: 400, Seed: 11, RelationsPerDocument: 8}, func(in ingest.Input) error {
			_, err := svc.Ingest(t.Context(), in)
			return err
		})
		if err != nil {
			t.Fatalf("ingest the generated corpus: %v", err)
		}
		if _, err := s.MergeEntities(t.Context(), newsgraph.Merge{Into: "person:victims-of-the-boat-strikes", From: []string{"person:boat-strike-survivor-repatriated-to-ecuador"}, Actor: "test", At: mergedAt}); err != nil {
			t.Fatalf("MergeEntities: %v", err)
		}
		if _, err := s.DeleteEntity(t.Context(), "place:venezuela"); err != nil {
			t.Fatalf("DeleteEntity: %v", err)
		}
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		if err := ingest.Export(t.Context(), s, func(in ingest.Input) error { return enc.Encode(in) }); err != nil {
			t.Fatalf("Export: %v", err)
		}
		exports[i] = out.Bytes()
	}
	got, want := bytes.Split(exports[0], []byte("\n")), bytes.Split(exports[1], []byte("\n"))
	if len(got) < 20 {
		t.Fatalf("the export has %d lines, want a corpus", len(got))
	}
	if len(got) != len(want) {
		t.Errorf("the %s export has %d lines, the embedded one %d", teststore.Name(), len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("line %d differs:\n%s:  %s\nembedded: %s", i+1, teststore.Name(), got[i], want[i])
		}
	}
}
