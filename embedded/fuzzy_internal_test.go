package embedded

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// TestFuzzyIndexFindsEveryMatch checks the typo-tolerant candidates
// against a scan of the whole vocabulary: for query words made from the
// words of a generated graph by one or two random edits (and the words
// themselves), within returns exactly the words newsgraph.WithinEdits
// accepts.
func TestFuzzyIndexFindsEveryMatch(t *testing.T) {
	ix := newIndex()
	seen := map[string]bool{}
	var es []*newsgraph.Entity
	err := gen.Documents(gen.Config{Entities: 2000, Relations: 2000, Seed: 3, RelationsPerDocument: 10}, func(in ingest.Input) error {
		for _, e := range in.Entities {
			if e.ID != "" && !seen[e.ID] {
				seen[e.ID] = true
				es = append(es, &newsgraph.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Description: e.Description})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ix.applyEntities(es)
	s := ix.textSearch()
	r := rand.New(rand.NewPCG(1, 2))
	edit := func(w []rune) []rune {
		i := r.IntN(len(w))
		switch r.IntN(4) {
		case 0: // delete
			return slices.Delete(slices.Clone(w), i, i+1)
		case 1: // insert
			return slices.Insert(slices.Clone(w), i, rune('a'+r.IntN(26)))
		case 2: // substitute
			c := slices.Clone(w)
			c[i] = rune('a' + r.IntN(26))
			return c
		default: // swap
			c := slices.Clone(w)
			if i+1 < len(c) {
				c[i], c[i+1] = c[i+1], c[i]
			}
			return c
		}
	}
	checked := 0
	for i, w := range s.words {
		if i%7 != 0 || len(w) < 4 {
			continue
		}
		for _, q := range []string{w, string(edit([]rune(w))), string(edit(edit([]rune(w))))} {
			k := newsgraph.FuzzyEdits(q)
			var want []string
			for _, v := range s.words {
				if v != q && k > 0 && newsgraph.WithinEdits(q, v, k) {
					want = append(want, v)
				}
			}
			if got := s.fuzzy.within(q); !slices.Equal(got, want) {
				t.Fatalf("within(%q) = %q, want %q", q, got, want)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("checked %d queries, want many", checked)
	}
}
