package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

// FuzzIDMatchers keeps the hand-written id and type checks equal to the
// patterns that define them.
func FuzzIDMatchers(f *testing.F) {
	for _, s := range []string{
		"person:claudia-sheinbaum", "legal-concept:fto", "doc:9e9124713ed057f1", "doc:", "person:", "person:a--b",
		"person:-a", "person:a-", "Person:a", "place:a:b", "THREATENS", "DESIGNATED_AS", "A__B", "A_", "_A", "a",
		"X9_1", "", ":", "claim:25-000", "event:é", "people:a", "PERSON:a", "person", "organization:é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := newsgraph.ValidEntityID(s), newsgraph.EntityIDPattern.MatchString(s); got != want {
			t.Errorf("ValidEntityID(%q) = %v, pattern says %v", s, got, want)
		}
		wantKind := newsgraph.Kind("")
		if newsgraph.EntityIDPattern.MatchString(s) {
			wantKind = newsgraph.KindOfID(s)
		}
		if got := newsgraph.EntityIDKind(s); got != wantKind {
			t.Errorf("EntityIDKind(%q) = %q, want %q", s, got, wantKind)
		}
		if got, want := newsgraph.ValidDocumentID(s), newsgraph.DocumentIDPattern.MatchString(s); got != want {
			t.Errorf("ValidDocumentID(%q) = %v, pattern says %v", s, got, want)
		}
		if got, want := newsgraph.ValidRelationType(s), len(s) <= 64 && newsgraph.RelationTypePattern.MatchString(s); got != want {
			t.Errorf("ValidRelationType(%q) = %v, pattern says %v", s, got, want)
		}
	})
}
