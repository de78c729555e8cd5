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
	later.search.set(nil)
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
	sameFolded := func(a, b foldedEntity) bool {
		return a.entity.ID == b.entity.ID && slices.Equal(a.keys, b.keys) && a.description == b.description
	}
	if !maps.EqualFunc(got.folded, want.folded, sameFolded) {
		t.Errorf("folded %v, want %v", got.folded, want.folded)
	}
	// The sorted keys are the same, each holding its own index's entity.
	sameKey := func(a, b searchKey) bool {
		return a.key == b.key && a.id == b.id && a.name == b.name && a.alone == b.alone
	}
	if !slices.EqualFunc(got.keys, want.keys, sameKey) {
		t.Errorf("keys %v, want %v", got.keys, want.keys)
	}
	for _, k := range got.keys {
		if k.entity != later.entities[k.id] {
			t.Errorf("key %q of %s holds an entity that is not the index's", k.key, k.id)
		}
	}
	for _, k := range want.keys {
		if k.entity != kept.entities[k.id] {
			t.Errorf("kept-up-to-date key %q of %s holds an entity that is not the index's", k.key, k.id)
		}
	}
	if len(want.words) == 0 || len(want.folded) == 0 || len(want.keys) == 0 {
		t.Fatal("nothing indexed")
	}
	// The trigram indexes find the same words within a typo, and only
	// words still indexed.
	for _, q := range []string{"lovelase", "turnig", "hoppr", "xanadi", "summr", "kng"} {
		if got, want := got.fuzzy.within(q), want.fuzzy.within(q); !slices.Equal(got, want) {
			t.Errorf("words within a typo of %q: built later %v, kept up to date %v", q, got, want)
		}
	}
	for q, want := range map[string][]string{"lovelase": nil, "turnig": nil, "hoppr": {"hopper"}, "xanadi": {"xanadu"}, "summr": {"summer"}} {
		if got := later.textSearch().fuzzy.within(q); !slices.Equal(got, want) {
			t.Errorf("words within a typo of %q = %v, want %v", q, got, want)
		}
	}
}

// TestLargeWriteDropsSearchIndex checks that a write large for the graph
// drops the search index instead of merging into it, and that the next
// search builds it with every entity, old and new.
func TestLargeWriteDropsSearchIndex(t *testing.T) {
	ix := newIndex()
	ix.applyEntities([]*newsgraph.Entity{{ID: "place:x", Kind: newsgraph.KindPlace, Name: "Xanadu"}})
	if ix.search.built() == nil {
		t.Fatal("a new graph's search index is not built")
	}
	var many []*newsgraph.Entity
	for i := range 2000 {
		many = append(many, &newsgraph.Entity{ID: fmt.Sprintf("person:p%d", i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("Person %d", i)})
	}
	ix.applyEntities(many)
	if ix.search.built() != nil {
		t.Error("the search index survived a write of 2000 entities into a graph of 1")
	}
	s := ix.textSearch()
	for _, tt := range []struct{ word, id string }{{"xanadu", "place:x"}, {"1999", "person:p1999"}} {
		if !s.candidates([]string{tt.word})[tt.id] {
			t.Errorf("search for %q misses %s", tt.word, tt.id)
		}
		if f := s.folded[tt.id]; f.entity == nil || f.entity != ix.entities[tt.id] {
			t.Errorf("folded[%s] does not hold the index's entity", tt.id)
		}
	}
}
