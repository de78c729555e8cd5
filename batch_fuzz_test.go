package newsgraph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// FuzzBatchValidate decodes arbitrary JSON into a Batch, normalises and
// validates it, and checks that nothing panics and that every batch Validate
// accepts keeps the invariants stores rely on.
func FuzzBatchValidate(f *testing.F) {
	valid, err := json.Marshal(newBatch(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	for _, s := range []string{
		`{}`,
		`{"documents":[null],"entities":[null],"relations":[null]}`,
		`{"entities":[{"id":"event:e","kind":"EVENT","name":"E","placeId":"place:p","startDate":"2025-01-02","endDate":"2025-01-01"}]}`,
		`{"relations":[{"type":"X","from":"person:a","to":"person:b","evidence":[{"quote":"q","documentId":"doc:d"}]}]}`,
		`{"documents":[{"id":"doc:d","title":"t","text":"abc"}],"relations":[{"type":"X","from":"person:a","to":"person:b","confidence":0.5,"evidence":[{"quote":"b","documentId":"doc:d"},{"quote":"b","documentId":"doc:d"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var b newsgraph.Batch
		if json.Unmarshal(data, &b) != nil {
			return
		}
		b.References() // must not panic on any batch
		b.Normalize()
		err := b.Validate()
		if err != nil {
			if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
				t.Fatalf("Validate() code = %s, want %s: %v", got, want, err)
			}
			return
		}
		checkValidBatch(t, &b)
	})
}

// checkValidBatch checks the invariants of a batch that Validate accepted.
func checkValidBatch(t *testing.T, b *newsgraph.Batch) {
	t.Helper()
	docs := map[string]*newsgraph.Document{}
	for _, d := range b.Documents {
		docs[d.ID] = d
	}
	entities := map[string]bool{}
	for _, e := range b.Entities {
		if got, want := newsgraph.KindOfID(e.ID), e.Kind; got != want {
			t.Fatalf("entity %s: KindOfID = %q, want %q", e.ID, got, want)
		}
		entities[e.ID] = true
	}
	relationIDs := map[string]bool{}
	for _, r := range b.Relations {
		if got, want := r.ID, newsgraph.RelationID(r.From, r.Type, r.To); got != want {
			t.Fatalf("relation id = %q, want %q", got, want)
		}
		if relationIDs[r.ID] {
			t.Fatalf("relation %s appears twice", r.ID)
		}
		relationIDs[r.ID] = true
		if len(r.Evidence) == 0 {
			t.Fatalf("relation %s has no evidence", r.ID)
		}
		if !(r.Confidence > 0 && r.Confidence <= 1) {
			t.Fatalf("relation %s: confidence %v outside (0, 1]", r.ID, r.Confidence)
		}
		for _, ev := range r.Evidence {
			if d := docs[ev.DocumentID]; d != nil && !strings.Contains(d.Text, ev.Quote) {
				t.Fatalf("relation %s: quote %q is not in document %s", r.ID, ev.Quote, d.ID)
			}
		}
	}

	// Normalising a valid batch again keeps it valid.
	b.Normalize()
	if err := b.Validate(); err != nil {
		t.Fatalf("Validate() after a second Normalize = %v", err)
	}

	// A valid batch survives a JSON round trip.
	encoded, err := json.Marshal(b)
	if err != nil {
		t.Fatalf("Marshal = %v", err)
	}
	var back newsgraph.Batch
	if err := json.Unmarshal(encoded, &back); err != nil {
		t.Fatalf("Unmarshal(%s) = %v", encoded, err)
	}
	if err := back.Validate(); err != nil {
		t.Fatalf("Validate() after a JSON round trip = %v", err)
	}

	// References and CheckReferences agree: with nothing stored, the batch
	// passes exactly when it refers to nothing outside itself; with what it
	// refers to stored, it passes.
	entityRefs, docRefs := b.References()
	for _, id := range entityRefs {
		if entities[id] {
			t.Fatalf("References lists entity %s, which the batch holds", id)
		}
	}
	for _, id := range docRefs {
		if docs[id] != nil {
			t.Fatalf("References lists document %s, which the batch holds", id)
		}
	}
	err = b.CheckReferences(nil, nil)
	if refersOutside := len(entityRefs)+len(docRefs) > 0; refersOutside != (err != nil) {
		t.Fatalf("References() = %q, %q but CheckReferences(nil, nil) = %v", entityRefs, docRefs, err)
	}
	storedEntities := map[string]*newsgraph.Entity{}
	for _, id := range entityRefs {
		storedEntities[id] = &newsgraph.Entity{ID: id, Kind: newsgraph.KindOfID(id), Name: id}
	}
	storedDocs := map[string]*newsgraph.Document{}
	for _, id := range docRefs {
		storedDocs[id] = &newsgraph.Document{ID: id, Title: id}
	}
	for _, r := range b.Relations {
		for _, ev := range r.Evidence {
			if d := storedDocs[ev.DocumentID]; d != nil {
				d.Text += ev.Quote + "\n"
			}
		}
	}
	if err := b.CheckReferences(storedEntities, storedDocs); err != nil {
		t.Fatalf("CheckReferences with every reference stored = %v", err)
	}
}
