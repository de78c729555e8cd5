package newsgraph

import "testing"

// FuzzIsRelationID keeps isRelationID equal to comparing with RelationID.
func FuzzIsRelationID(f *testing.F) {
	f.Add("person:a|KNOWS|person:b", "person:a", "KNOWS", "person:b")
	f.Add("person:a|KNOWS|person:c", "person:a", "KNOWS", "person:b")
	f.Add("person:a|KNOWS|person:b", "person:a|KNOWS", "", "person:b")
	f.Add("a||b", "a", "", "b")
	f.Add("", "", "", "")
	f.Add("||", "", "", "")
	f.Fuzz(func(t *testing.T, id, from, typ, to string) {
		if got, want := isRelationID(id, from, typ, to), id == RelationID(from, typ, to); got != want {
			t.Errorf("isRelationID(%q, %q, %q, %q) = %v, want %v", id, from, typ, to, got, want)
		}
	})
}
