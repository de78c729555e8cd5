package embedded

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// cmpString compares two strings for sorting.
func cmpString(a, b string) int { return strings.Compare(a, b) }

// cmpRelation orders relations by id.
func cmpRelation(a, b *newsgraph.Relation) int { return strings.Compare(a.ID, b.ID) }

// mergeSorted returns the sorted union of a and b, both sorted by cmp and
// without items in common. It allocates a new slice and leaves a and b
// unchanged, so it costs one pass however many items b adds. When b is much
// shorter than a, each item of b finds its place by binary search and the
// runs of a between them are copied whole.
func mergeSorted[T any](a, b []T, cmp func(T, T) int) []T {
	if len(b) == 0 {
		return a
	}
	out := make([]T, 0, len(a)+len(b))
	if len(b)*16 < len(a) {
		for _, x := range b {
			n, _ := slices.BinarySearchFunc(a, x, cmp)
			out = append(out, a[:n]...)
			out = append(out, x)
			a = a[n:]
		}
		return append(out, a...)
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmp(a[i], b[j]) <= 0 {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// searchAfter returns the position of the first id in ids, sorted
// ascending, that sorts strictly after key; the empty key gives 0.
func searchAfter(ids []string, key string) int {
	if key == "" {
		return 0
	}
	i, found := slices.BinarySearch(ids, key)
	if found {
		i++
	}
	return i
}

// relationsAfter is searchAfter for relations sorted by id.
func relationsAfter(rels []*newsgraph.Relation, key string) int {
	if key == "" {
		return 0
	}
	i, found := slices.BinarySearchFunc(rels, key, func(r *newsgraph.Relation, k string) int { return strings.Compare(r.ID, k) })
	if found {
		i++
	}
	return i
}
