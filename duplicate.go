package newsgraph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A possible duplicate is an existing entity that a new entity of the same
// kind may well be, although resolution (an exact match of folded names,
// see Writer and package ingest) did not match them. The rule is defined
// here once; ingestion warns with it and the stores' Search finds the
// candidates.

// DuplicateQueries returns the search queries that find the candidates
// PossibleDuplicate is asked about for a new entity named name: the folded
// name itself (at most MaxSearchWords words), which finds the entities
// whose names hold all its words, and, for a name of several words, its two
// longest words of at least five letters, which find names that share one
// of them and differ by a typo elsewhere ("Claudia Sheinbaun"). There are at
// most three, each as selective as a search for a whole word, so the cost
// is a bounded number of store queries whatever the graph's size. A typo in
// a one-word name is found only as far as the store's Search tolerates
// typos.
func DuplicateQueries(name string) []string {
	words := strings.Fields(Fold(name))
	if len(words) == 0 {
		return nil
	}
	queries := []string{strings.Join(words[:min(len(words), MaxSearchWords)], " ")}
	if len(words) < 2 {
		return queries
	}
	long := slices.Clone(words)
	slices.SortStableFunc(long, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	for _, w := range long[:2] {
		if utf8.RuneCountInString(w) < 5 {
			break
		}
		if !slices.Contains(queries, w) {
			queries = append(queries, w)
		}
	}
	return queries
}

// PossibleDuplicate reports whether existing, an entity of the kind kind,
// may be the entity a new entity named name stands for: the words of the
// folded name are a subset of the words of its folded name or of an alias
// ("Tidball-Binz" and "Morris Tidball-Binz"), or, for a PERSON, the other
// way round ("Claudia Sheinbaum Pardo" and "Claudia Sheinbaum": a place
// named inside another, "Mexico City" and "Mexico", is common), where a
// word of five letters or more also matches a word within a small edit
// distance (one letter for words of up to eight letters, two beyond:
// "Sheinbaun" and "Claudia Sheinbaum"), or the two folded names are within
// that edit distance of each other. Equal folded names are not duplicates
// but matches.
func PossibleDuplicate(kind Kind, name string, existing *Entity) bool {
	folded := Fold(name)
	words := strings.Fields(folded)
	if len(words) == 0 || existing.Kind != kind {
		return false
	}
	for _, n := range append([]string{existing.Name}, existing.Aliases...) {
		key := Fold(n)
		if key == folded || key == "" {
			continue
		}
		other := strings.Fields(key)
		if wordSubset(words, other) || (kind == KindPerson && wordSubset(other, words)) {
			return true
		}
		if n := utf8.RuneCountInString(folded); n >= 4 && withinEdits(folded, key, maxNameEdits(n)) {
			return true
		}
	}
	return false
}

// maxNameEdits is the edit distance within which two folded names of
// about n letters are possibly one.
func maxNameEdits(n int) int {
	if n <= 8 {
		return 1
	}
	return 2
}

// wordSubset reports whether every word of a is a word of b or, when it
// has five letters or more, within a small edit distance of one.
func wordSubset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) && !slices.ContainsFunc(b, func(v string) bool { return similarWord(w, v) }) {
			return false
		}
	}
	return true
}

// similarWord reports whether w, of five letters or more, is within a
// small edit distance of v.
func similarWord(w, v string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 5 && withinEdits(w, v, maxNameEdits(n))
}

// withinEdits reports whether the Levenshtein distance between a and b,
// counted in runes, is at most k. It costs O(len(a) * (2k+1)): only the
// diagonal band that a distance of k can reach is computed.
func withinEdits(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	const far = 1 << 30
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
		if j > k {
			prev[j] = far
		}
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-k), min(len(rb), i+k)
		for j := range cur {
			cur[j] = far
		}
		if i <= k {
			cur[0] = i
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
