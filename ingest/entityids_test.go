package ingest_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// FuzzEntityIDKind keeps ingest's id check equal to newsgraph's.
func FuzzEntityIDKind(f *testing.F) {
	for _, id := range []string{
		"person:donald-trump", "legal-concept:x1", "claim:a-b-c", "place:", "place:-a", "place:a-",
		"place:a--b", "place:A", "place:a_b", "organization:é", "people:a", ":a", "person", "", "person:a:b",
		"PERSON:a", "event:2025-talks",
	} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		want := newsgraph.Kind("")
		if newsgraph.ValidEntityID(id) {
			want = newsgraph.KindOfID(id)
		}
		if got := ingest.EntityIDKind(id); got != want {
			t.Fatalf("EntityIDKind(%q) = %q, want %q", id, got, want)
		}
	})
}
