package newsgraph

import "slices"

// Corroboration returns the number of distinct documents that evidence
// quotes: the corroboration of a relation with that evidence, the length
// of its DocumentIDs, counted without allocating for the few quotes a
// relation usually has.
func Corroboration(evidence []Evidence) int {
	if len(evidence) > 16 {
		seen := make(map[string]struct{}, len(evidence))
		for _, ev := range evidence {
			seen[ev.DocumentID] = struct{}{}
		}
		return len(seen)
	}
	n := 0
	for i, ev := range evidence {
		if !slices.ContainsFunc(evidence[:i], func(e Evidence) bool { return e.DocumentID == ev.DocumentID }) {
			n++
		}
	}
	return n
}
