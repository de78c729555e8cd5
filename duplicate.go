package newsgraph

import (
	"slices"
	"strings"
)

// A possible duplicate is an existing entity that a new entity of the same
// kind may well be, although resolution (an exact match of folded names,
// see Writer and package ingest) did not match them. The rule is defined
// here once; ingestion warns with it and the stores' Search finds the
// candidates.

// DuplicateQuery returns the search query that finds the candidates
// PossibleDuplicate is asked about for a new entity named name: its folded
// name (at most MaxSearchWords words). Search finds the entities whose
// names hold all its words, also with a typo (see FuzzyEdits), so one
// search per new entity finds names it is a part of ("Tidball-Binz" in
// "Morris Tidball-Binz") and names a typo away ("Claudia Sheinbaun").
func DuplicateQuery(name string) string {
	words := strings.Fields(Fold(name))
	return strings.Join(words[:min(len(words), MaxSearchWords)], " ")
}

// maxPartWords bounds the words of a name whose parts NameParts lists.
const maxPartWords = 5

// NameParts returns the names a new PERSON named name may be a fuller form
// of: the runs of consecutive words of its folded name shorter than the
// whole ("claudia", "sheinbaum" and so on for "Claudia Sheinbaum Pardo"),
// for exact lookups (Store.EntitiesNamed), at most 14 of them: only the
// first maxPartWords words count.
func NameParts(name string) []string {
	words := strings.Fields(Fold(name))
	words = words[:min(len(words), maxPartWords)]
	var parts []string
	for n := 1; n < len(words); n++ {
		for i := 0; i+n <= len(words); i++ {
			if p := strings.Join(words[i:i+n], " "); !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
	}
	return parts
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
