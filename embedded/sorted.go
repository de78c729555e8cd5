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
// unchanged, so it costs one pass however many items b adds; when a is
// empty it returns b itself, which the caller must not change afterwards. When b is much
// shorter than a, each item of b finds its place by binary search and the
// runs of a between them are copied whole.
func mergeSorted[T any](a, b []T, cmp func(T, T) int) []T {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]T, 0, len(a)+len(b))
	if len(b)*16 < len(a) {
		return mergeBySearch(out, a, b, cmp)
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

// fenceStride is the distance between the items of a long list that
// mergeBySearch searches first.
const fenceStride = 64

// mergeBySearch appends to out the sorted union of a and b, b much
// shorter, finding each item's place in a by binary search. Comparing an
// item usually means following pointers to memory that is not cached, so
// the search has two levels: first among every fenceStride-th item of a,
// few enough to stay in cache across the searches, then within one stride.
func mergeBySearch[T any](out, a, b []T, cmp func(T, T) int) []T {
	var fences []T
	if len(a) >= 4*fenceStride {
		fences = make([]T, 0, len(a)/fenceStride+1)
		for i := 0; i < len(a); i += fenceStride {
			fences = append(fences, a[i])
		}
	}
	pos := 0
	for _, x := range b {
		lo, hi := pos, len(a)
		if fences != nil {
			// fences[f] = a[f*fenceStride] is the first fence not before
			// x, so x's place is after (f-1)*fenceStride and at most
			// f*fenceStride.
			f, _ := slices.BinarySearchFunc(fences, x, cmp)
			lo, hi = max(lo, (f-1)*fenceStride), min(hi, f*fenceStride)
			if hi < lo {
				hi = lo
			}
		}
		n, _ := slices.BinarySearchFunc(a[lo:hi], x, cmp)
		n += lo
		out = append(out, a[pos:n]...)
		out = append(out, x)
		pos = n
	}
	return append(out, a[pos:]...)
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

// replaceSorted returns the sorted list without the items of removed and
// with those of added (which it sorts), in a new slice whenever an item is
// removed, so that a reader still holding list keeps it whole.
func replaceSorted[T comparable](list []T, removed map[T]bool, added []T, cmp func(T, T) int) []T {
	if len(removed) > 0 {
		list = slices.DeleteFunc(slices.Clone(list), func(v T) bool { return removed[v] })
	}
	slices.SortFunc(added, cmp)
	return mergeSorted(list, added, cmp)
}
