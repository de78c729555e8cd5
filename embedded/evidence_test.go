package embedded_test

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestManyEvidenceDocuments checks the document index of a relation whose
// evidence comes from many documents and grows over several upserts.
func TestManyEvidenceDocuments(t *testing.T) {
	ctx := t.Context()
	s := openStore(t)
	t.Cleanup(func() { _ = s.Close() })
	b := newsgraph.Batch{Entities: syntheticEntities(2)}
	var evidence []newsgraph.Evidence
	for i := range 30 {
		d := &newsgraph.Document{ID: fmt.Sprintf("doc:d%02d", i), Title: "D", Text: fmt.Sprintf("quote %d", i)}
		b.Documents = append(b.Documents, d)
		evidence = append(evidence, newsgraph.Evidence{Quote: d.Text, DocumentID: d.ID})
	}
	rel := func(ev []newsgraph.Evidence) *newsgraph.Relation {
		return &newsgraph.Relation{From: b.Entities[0].ID, Type: "KNOWS", To: b.Entities[1].ID, Evidence: ev}
	}
	b.Relations = []*newsgraph.Relation{rel(evidence[:20])}
	if _, err := s.Upsert(ctx, b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	for _, ev := range [][]newsgraph.Evidence{evidence[10:], evidence[25:26]} {
		if _, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{rel(ev)}}); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
	}
	id := newsgraph.RelationID(b.Entities[0].ID, "KNOWS", b.Entities[1].ID)
	got, err := s.RelationsByID(ctx, []string{id})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if n := len(got[id].Evidence); n != 30 {
		t.Errorf("relation has %d quotes, want 30", n)
	}
	var qs []newsgraph.RelationQuery
	for _, d := range b.Documents {
		qs = append(qs, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{DocumentID: d.ID}, First: 10})
	}
	pages, err := s.Relations(ctx, qs)
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	for i, p := range pages {
		if p.TotalCount != 1 || len(p.Items) != 1 {
			t.Errorf("document %s: %d relations (total %d), want exactly 1", b.Documents[i].ID, len(p.Items), p.TotalCount)
		}
	}
}
