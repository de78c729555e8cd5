package embedded_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// TestSearchMatchesTheSpec compares Search on a generated graph with what
// the Store contract says it returns: every entity scored by
// newsgraph.SearchScore, ranked by newsgraph.RankHits, the first Limit.
// The queries are what a search box sends (prefixes of names, 1 to 8
// characters, and whole words), with and without a kinds filter and
// various limits, so that the index's shortcut for queries many keys start
// with is taken and left both.
func TestSearchMatchesTheSpec(t *testing.T) {
	g, err := gen.Graph(gen.Config{Entities: 3000, Relations: 6000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.Upsert(ctx, *g); err != nil {
		t.Fatal(err)
	}
	// A second, small write keeps the index up to date instead of
	// building it.
	renamed := *g.Entities[0]
	renamed.Name = "Marta Renamed"
	// Two of its keys start with the same letters: a query starting
	// both must give it once.
	renamed.Aliases = []string{"MR", "Marta R."}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{&renamed}}); err != nil {
		t.Fatal(err)
	}
	entities := slices.Clone(g.Entities)
	entities[0] = &renamed
	rng := rand.New(rand.NewPCG(3, 4))
	kindSets := [][]newsgraph.Kind{nil, {newsgraph.KindPerson}, {newsgraph.KindPlace, newsgraph.KindEvent}}
	for i := range 300 + 12 {
		name := entities[rng.IntN(len(entities))].Name
		text := name[:min(len(name), 1+i%8)]
		if i%10 == 0 {
			text = name
		}
		q := newsgraph.SearchQuery{Text: text, Kinds: kindSets[i%len(kindSets)], Limit: []int{1, 5, 10, 50}[i%4]}
		if i >= 300 {
			// Queries starting two keys of the renamed entity.
			q = newsgraph.SearchQuery{Text: []string{"Mar", "Marta", "marta r"}[i%3], Limit: []int{1, 2, 5, 50}[i/3%4]}
		}
		got, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		if want := specSearch(entities, q); !slices.Equal(hitKeys(got), hitKeys(want)) {
			t.Fatalf("Search(%+v)\n got %v\nwant %v", q, hitKeys(got), hitKeys(want))
		}
	}
}

// specSearch is Search as the Store contract defines it.
func specSearch(entities []*newsgraph.Entity, q newsgraph.SearchQuery) []newsgraph.SearchHit {
	var hits []newsgraph.SearchHit
	for _, e := range entities {
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, e.Kind) {
			continue
		}
		if score := newsgraph.SearchScore(q.Text, e); score > 0 {
			hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
		}
	}
	newsgraph.RankHits(hits)
	return hits[:min(len(hits), q.Limit)]
}

func hitKeys(hits []newsgraph.SearchHit) []string {
	keys := make([]string, len(hits))
	for i, h := range hits {
		keys[i] = fmt.Sprintf("%s@%g", h.Entity.ID, h.Score)
	}
	return keys
}
