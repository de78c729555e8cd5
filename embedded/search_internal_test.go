package embedded

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestSearchIndexBuiltLaterMatchesKeptUpToDate checks that a search index
// built after writes, as a loaded graph's is, equals one that the same
// writes kept up to date.
func TestSearchIndexBuiltLaterMatchesKeptUpToDate(t *testing.T) {
	entities := func(names ...string) []*newsgraph.Entity {
		var es []*newsgraph.Entity
		for i, name := range names {
			es = append(es, &newsgraph.Entity{ID: fmt.Sprintf("person:p%d", i), Kind: newsgraph.KindPerson, Name: name, Aliases: []string{"Alias " + name}})
		}
		return es
	}
	writes := []func(ix *index){
		func(ix *index) { ix.applyEntities(entities("Ada Lovelace", "Alan Turing", "Grace Hopper")) },
		func(ix *index) { ix.applyEntities(entities("Ada King")) }, // renames person:p0
		func(ix *index) { ix.removeEntities([]string{"person:p1"}) },
		func(ix *index) {
			ix.applyEntities([]*newsgraph.Entity{{ID: "place:x", Kind: newsgraph.KindPlace, Name: "Xanadu", Description: "a summer palace"}})
		},
	}
	kept, later := newIndex(), newIndex()
	later.search.current.Store(nil)
	for _, write := range writes {
		write(kept)
		write(later)
	}
	want, got := kept.textSearch(), later.textSearch()
	if !slices.Equal(got.words, want.words) {
		t.Errorf("words %v, want %v", got.words, want.words)
	}
	if !maps.EqualFunc(got.postings, want.postings, slices.Equal) {
		t.Errorf("postings %v, want %v", got.postings, want.postings)
	}
	if len(want.words) == 0 {
		t.Fatal("no words indexed")
	}
}
