package gen_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/gen"
)

// connected reports whether a path joins a and b, ignoring directions.
func connected(adj map[string][]string, a, b string) bool {
	seen := map[string]bool{a: true}
	queue := []string{a}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if id == b {
			return true
		}
		for _, next := range adj[id] {
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return false
}

func TestRandomPairsAreMostlyConnected(t *testing.T) {
	cfg := gen.Config{Entities: 3000, Relations: 6000, Seed: 6}
	b := graph(t, cfg)
	adj := map[string][]string{}
	exists := map[string]bool{}
	for _, e := range b.Entities {
		exists[e.ID] = true
	}
	for _, r := range b.Relations {
		adj[r.From] = append(adj[r.From], r.To)
		adj[r.To] = append(adj[r.To], r.From)
	}
	pairs := gen.RandomPairs(cfg, 200, 1)
	if got, want := len(pairs), 200; got != want {
		t.Fatalf("%d pairs, want %d", got, want)
	}
	linked := 0
	for _, p := range pairs {
		if !exists[p[0]] || !exists[p[1]] || p[0] == p[1] {
			t.Errorf("pair %v: want two distinct entities of the graph", p)
		}
		if connected(adj, p[0], p[1]) {
			linked++
		}
	}
	if linked < len(pairs)*8/10 {
		t.Errorf("%d of %d pairs connected, want at least 80%%", linked, len(pairs))
	}
	if other := gen.RandomPairs(cfg, 200, 2); other[0] == pairs[0] && other[1] == pairs[1] {
		t.Errorf("seeds 1 and 2 give the same pairs")
	}
}

func TestRandomPairsWithoutRelations(t *testing.T) {
	if got := gen.RandomPairs(gen.Config{Entities: 20, Seed: 1}, 5, 1); got != nil {
		t.Errorf("RandomPairs on a graph without relations = %v, want nil", got)
	}
	if got := gen.RandomPairs(gen.Config{Entities: 1}, 5, 1); got != nil {
		t.Errorf("RandomPairs on an invalid config = %v, want nil", got)
	}
}
