package extract_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// TestSourceFollowsTheStore: a Source's gazetteer is read from the store in
// pages, kept while the store is unchanged, and rebuilt after a write, so
// that the next extraction matches what the write added.
func TestSourceFollowsTheStore(t *testing.T) {
	store := teststore.Open(t)
	var b newsgraph.Batch
	for i := range 700 { // more than one page of Entities
		b.Entities = append(b.Entities, &newsgraph.Entity{ID: newsgraph.EntityID(newsgraph.KindOrganization, "Filler "+string(rune('a'+i%26))+string(rune('a'+i/26))), Kind: newsgraph.KindOrganization, Name: "Filler " + string(rune('a'+i%26)) + string(rune('a'+i/26))})
	}
	if _, err := store.Upsert(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	src := extract.NewSource(store)
	g1, err := src.Gazetteer(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if g1.Len() != 700 {
		t.Errorf("gazetteer has %d entities, want 700", g1.Len())
	}
	if g2, _ := src.Gazetteer(t.Context()); g2 != g1 {
		t.Error("an unchanged store rebuilt the gazetteer")
	}
	in := extract.Input{Text: "Mayor Ana Acosta of Lima spoke. Acosta left.", Published: newsgraph.MustParseDate("2026-01-10")}
	x := extract.NewOffline(src)
	before, err := x.Extract(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if c := named(before, "Ana Acosta"); c == nil || c.MatchedID != "" {
		t.Fatalf("before the write: %+v", c)
	}
	acosta := &newsgraph.Entity{ID: "person:ana-acosta", Kind: newsgraph.KindPerson, Name: "Ana Acosta"}
	if _, err := store.Upsert(t.Context(), newsgraph.Batch{Entities: []*newsgraph.Entity{acosta}}); err != nil {
		t.Fatal(err)
	}
	after, err := x.Extract(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if c := named(after, "Ana Acosta"); c == nil || c.MatchedID != "person:ana-acosta" || len(c.Mentions) != 2 {
		t.Errorf("after the write: %+v", c)
	}
}

// TestGazetteerAddReplaces: adding an entity again replaces its names.
func TestGazetteerAddReplaces(t *testing.T) {
	g := extract.NewGazetteer()
	g.Add(&newsgraph.Entity{ID: "organization:acme", Kind: newsgraph.KindOrganization, Name: "Acme Corporation", Aliases: []string{"Acme"}})
	g.Add(&newsgraph.Entity{ID: "organization:acme", Kind: newsgraph.KindOrganization, Name: "Acme Holdings"})
	x := run(t, g, "2026-01-10", "Acme Holdings grew. Acme Corporation shrank.")
	if c := named(x, "Acme Holdings"); c == nil || c.MatchedID != "organization:acme" {
		t.Errorf("Acme Holdings: %+v", c)
	}
	if c := named(x, "Acme Corporation"); c == nil || c.MatchedID != "" {
		t.Errorf("the old name still matches: %+v", c)
	}
}
