package ingest_test

import (
	"errors"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// FuzzIngestInput decodes arbitrary bytes as an Input and ingests it into a
// store shared by all runs. It never panics; input that passes validation is
// written or rejected by Ingest's own checks (never by the store's), and
// once written it is all there and ingesting it again changes nothing.
// Seeds are below and in testdata/fuzz/FuzzIngestInput.
func FuzzIngestInput(f *testing.F) {
	article, err := os.ReadFile("testdata/second-article.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(article)
	f.Add([]byte(`{"document":{"title":"t","publishedAt":"2025-01-01","text":"A met B."},"entities":[{"ref":"a","kind":"PERSON","name":"A"},{"ref":"b","kind":"PERSON","name":"Mr B"}],"relations":[{"type":"MET_WITH","from":"a","to":"b","quotes":["A met B"]}]}`))
	f.Add([]byte(`{"entities":[{"ref":"p","id":"place:x","kind":"PLACE","name":"X"},{"ref":"e","kind":"EVENT","name":"E","place":"p"}]}`))
	f.Add([]byte(`{"document":{"id":"doc:a","title":"t","publishedAt":"2025-01-01","text":"é"},"relations":[{"type":"X","from":"person:a","to":"a","confidence":2,"quotes":["é"]}]}`))
	f.Add([]byte(`{"document":{"title":"t","publishedAt":"2025-01-01","text":"x"},"entities":[{"ref":"c","kind":"CLAIM","name":"C","claimant":"c"}],"relations":[{"type":"SAYS","from":"c","to":"c","quotes":["x","x"]}]}`))
	s := openStore(f)
	svc := ingest.New(s)
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ingest.DecodeInput(data)
		if err != nil {
			if got := newsgraph.ErrorCode(err); got != newsgraph.Invalid {
				t.Fatalf("DecodeInput error code = %q (%v), want %q", got, err, newsgraph.Invalid)
			}
			return
		}
		if in.Validate() != nil {
			if _, err := svc.Ingest(t.Context(), in); err == nil {
				t.Fatal("Ingest accepted an input Validate rejects")
			}
			return
		}
		res, err := svc.Ingest(t.Context(), in)
		if err != nil {
			var e *newsgraph.Error
			if !errors.As(err, &e) || e.Op != "ingest" || (e.Code != newsgraph.Invalid && e.Code != newsgraph.LimitExceeded) {
				t.Fatalf("valid input rejected by something other than Ingest's own checks: %v", err)
			}
			return
		}
		checkWritten(t, s, in, res)
		again, err := svc.Ingest(t.Context(), in)
		if err != nil {
			t.Fatalf("ingesting again: %v", err)
		}
		if len(again.Created) != 0 || again.RelationsCreated != 0 || again.RelationsCorroborated != 0 {
			t.Errorf("ingesting again created %d entities, %d relations, corroborated %d; want none", len(again.Created), again.RelationsCreated, again.RelationsCorroborated)
		}
	})
}

// checkWritten checks that everything an Ingest reported is stored.
func checkWritten(t *testing.T, s newsgraph.Store, in ingest.Input, res ingest.Result) {
	t.Helper()
	if in.IsEntitiesOnly() != (res.Document == nil) {
		t.Fatalf("result document = %v for an input with document %v", res.Document, !in.IsEntitiesOnly())
	}
	var ids []string
	for _, e := range append(res.Created, res.Matched...) {
		ids = append(ids, e.ID)
	}
	stored, err := s.EntitiesByID(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if stored[id] == nil {
			t.Errorf("reported entity %s is not stored", id)
		}
	}
	var reported []string
	for _, r := range append(res.CreatedRelations, res.CorroboratedRelations...) {
		reported = append(reported, r.ID)
	}
	rels, err := s.RelationsByID(t.Context(), reported)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range reported {
		r := rels[id]
		if r == nil {
			t.Errorf("reported relation %s is not stored", id)
			continue
		}
		found := false
		for _, doc := range r.DocumentIDs() {
			found = found || doc == res.Document.ID
		}
		if !found {
			t.Errorf("relation %s has no evidence from %s", id, res.Document.ID)
		}
	}
}
