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
// word also matches a word within the edits search tolerates (FuzzyEdits:
// one for five to seven letters, two from eight: "Sheinbaun" and "Claudia
// Sheinbaum"), or the two folded names are within that edit distance of
// each other. Equal folded names are not duplicates
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
		if k := FuzzyEdits(folded); k > 0 && WithinEdits(folded, key, k) {
			return true
		}
	}
	return false
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

// similarWord reports whether w is within the edits search tolerates of
// v (FuzzyEdits: none below five letters).
func similarWord(w, v string) bool {
	k := FuzzyEdits(w)
	return k > 0 && WithinEdits(w, v, k)
}
