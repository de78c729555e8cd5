package embedded

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMergeSortedMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ a, b int }{{0, 5}, {5, 0}, {10, 10}, {1000, 3}, {5000, 200}, {20000, 50}, {300, 1}} {
		all := rng.Perm(tc.a + tc.b)
		a, b := slices.Clone(all[:tc.a]), slices.Clone(all[tc.a:])
		slices.Sort(a)
		slices.Sort(b)
		got := mergeSorted(a, b, cmp.Compare[int])
		want := slices.Sorted(slices.Values(all))
		if !slices.Equal(got, want) {
			t.Errorf("mergeSorted of %d and %d items is not the sorted union", tc.a, tc.b)
		}
	}
}
