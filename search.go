package newsgraph

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Search scoring is defined here, once, so that every store ranks hits the
// same way: a store finds candidates however it likes (an in-memory index, a
// full-text index) and ranks them with SearchScore.

// stopWords are left out of initialisms.
var stopWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "a": true, "an": true, "de": true, "del": true, "la": true, "to": true}

// SearchKeys returns the folded strings an entity is found by: its name, its
// aliases, and the initialism of every multi-word name or alias
// ("Foreign Terrorist Organization" gives "fto"). The name comes first.
func SearchKeys(e *Entity) []string {
	seen := map[string]bool{}
	var keys []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		add(Fold(n))
	}
	for _, n := range names {
		add(initialism(Fold(n)))
	}
	return keys
}

func initialism(folded string) string {
	words := strings.Fields(folded)
	if len(words) < 2 {
		return ""
	}
	var initials []rune
	for _, w := range words {
		if !stopWords[w] {
			first, _ := utf8.DecodeRuneInString(w)
			initials = append(initials, first)
		}
	}
	if len(initials) < 2 {
		return ""
	}
	return string(initials)
}

// SearchTokens returns the folded words of a query, in order.
func SearchTokens(query string) []string { return strings.Fields(Fold(query)) }

// SearchScore ranks entity e for query: 0 means no match, higher is better,
// 1 is the best. Matching is on folded text (see Fold):
//   - 1.0: the query equals the name; 0.95: it equals an alias or initialism;
//   - 0.8: the name or an alias starts with the query;
//   - up to 0.7: every query word is a prefix of some word of one key, more
//     when the key has fewer extra words;
//   - up to 0.3: every query word is a prefix of a word of the description.
func SearchScore(query string, e *Entity) float64 {
	q := strings.Join(SearchTokens(query), " ")
	if q == "" {
		return 0
	}
	best := 0.0
	for i, k := range SearchKeys(e) {
		best = max(best, keyScore(q, k, i == 0))
	}
	if best == 0 && e.Description != "" {
		if c := tokenCoverage(q, Fold(e.Description)); c > 0 {
			best = 0.3 * c
		}
	}
	return best
}

func keyScore(q, key string, isName bool) float64 {
	switch {
	case q == key && isName:
		return 1
	case q == key:
		return 0.95
	case strings.HasPrefix(key, q+" ") || strings.HasPrefix(key, q) && len(q) >= 3:
		return 0.8
	}
	if c := tokenCoverage(q, key); c > 0 {
		return 0.7 * c
	}
	return 0
}

// tokenCoverage returns 0 unless every query word is a prefix of a distinct
// word of text, and then the share of text's words the query covers, in
// (0, 1].
func tokenCoverage(q, text string) float64 {
	qw := strings.Fields(q)
	tw := strings.Fields(text)
	// Longer query words first: the text words a query word is a prefix of
	// are a subset of those of any shorter word it starts with, and disjoint
	// from those of any other word, so matching the longer words first never
	// takes a text word that only a longer one could use ("c cartel" covers
	// "cartel central", whatever the order of the query's words).
	sort.SliceStable(qw, func(i, j int) bool { return len(qw[i]) > len(qw[j]) })
	used := make([]bool, len(tw))
	for _, w := range qw {
		found := false
		for i, t := range tw {
			if !used[i] && strings.HasPrefix(t, w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return float64(len(qw)) / float64(len(tw))
}

// RankHits sorts hits best first: by score descending, then by name, then by
// id, so that ties are broken the same way in every store.
func RankHits(hits []SearchHit) {
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Entity.Name != b.Entity.Name {
			return a.Entity.Name < b.Entity.Name
		}
		return a.Entity.ID < b.Entity.ID
	})
}
