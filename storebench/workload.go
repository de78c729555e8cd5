package storebench

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// queryCount is how many distinct inputs each benchmark cycles through.
const queryCount = 64

func newWorkload(s Size) (*Workload, error) {
	g, err := gen.Graph(s.Config)
	if err != nil {
		return nil, fmt.Errorf("gen.Graph(%+v): %w", s.Config, err)
	}
	if len(g.Entities) == 0 || len(g.Relations) == 0 {
		return nil, fmt.Errorf("gen.Graph(%+v): empty graph", s.Config)
	}
	w := &Workload{
		Size:     s,
		Graph:    g,
		Baseline: NewBaseline(g),
		Hubs:     gen.Hubs(s.Config, 8),
		Pairs:    gen.RandomPairs(s.Config, queryCount, 2),
	}
	rng := rand.New(rand.NewPCG(uint64(s.Config.Seed), 3))
	for range queryCount {
		e := g.Entities[rng.IntN(len(g.Entities))]
		w.IDs = append(w.IDs, e.ID)
		w.Names = append(w.Names, e.Name)
	}
	w.Ordinary = ordinary(w.Baseline, rng)
	w.Types = typesByCount(g.Relations)
	for range queryCount {
		r := g.Relations[rng.IntN(len(g.Relations))]
		w.Documents = append(w.Documents, r.Evidence[0].DocumentID)
	}
	return w, nil
}

// ordinary returns up to queryCount random entities of median degree among
// those with at least one relation.
func ordinary(base *Baseline, rng *rand.Rand) []string {
	var degrees []int
	for n := range base.ids {
		if d := base.Degree(int32(n)); d > 0 {
			degrees = append(degrees, d)
		}
	}
	slices.Sort(degrees)
	median := degrees[len(degrees)/2]
	var ids []string
	for n, id := range base.ids {
		if base.Degree(int32(n)) == median {
			ids = append(ids, id)
		}
	}
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids[:min(len(ids), queryCount)]
}

// typesByCount returns the relation types, most frequent first.
func typesByCount(rels []*newsgraph.Relation) []string {
	counts := map[string]int{}
	for _, r := range rels {
		counts[r.Type]++
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		return cmp.Or(counts[b]-counts[a], cmp.Compare(a, b))
	})
	return types
}
