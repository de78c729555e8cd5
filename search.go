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

// MaxSearchWords bounds the distinct folded words of a search query: every
// candidate is scored against every word, so a query of hundreds of words
// would cost hundreds of times a normal one. SearchQuery.Validate refuses
// more with LimitExceeded.
const MaxSearchWords = 12

// SearchTokens returns the folded words of a query, in order.
func SearchTokens(query string) []string { return strings.Fields(Fold(query)) }

// distinctWords counts the distinct words of words.
func distinctWords(words []string) int {
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		seen[w] = true
	}
	return len(seen)
}

// SearchScore ranks entity e for query: 0 means no match, higher is better,
// 1 is the best. Matching is on folded text (see Fold):
//   - 1.0: the query equals the name; 0.95: it equals an alias or initialism;
//   - 0.8: the name or an alias starts with the query;
//   - up to 0.7: every query word is a prefix of some word of one key, more
//     when the key has fewer extra words;
//   - up to 0.3: every query word is a prefix of a word of the description;
//   - up to FuzzyScore (0.25), when nothing above matches: every query word
//     is a prefix of a word of one key or, tolerating a typo (FuzzyEdits:
//     one edit from 5 characters, two from 8), equal to one, FuzzyScore
//     times the share of the key's words covered ("sheinbum" finds
//     "Claudia Sheinbaum" with 0.125).
//
// The better of the description's and the typo-tolerant score counts when
// no key matches without a typo, so an entity's name or alias matched with
// a typo always scores below the same key matched as typed.
func SearchScore(query string, e *Entity) float64 {
	return NewSearchScorer(query).Score(e)
}

// SearchScorer is SearchScore for one query, folded once: a store scoring
// many candidates builds one per query.
type SearchScorer struct {
	q string // the query's folded words, joined by single spaces
	// fuzzy reports that some query word tolerates a typo.
	fuzzy bool
}

// NewSearchScorer prepares query for scoring.
func NewSearchScorer(query string) SearchScorer {
	words := SearchTokens(query)
	s := SearchScorer{q: strings.Join(words, " ")}
	for _, w := range words {
		s.fuzzy = s.fuzzy || FuzzyEdits(w) > 0
	}
	return s
}

// Fuzzy reports whether some word of the query tolerates a typo, so that
// a store must look for candidates matching with one.
func (s SearchScorer) Fuzzy() bool { return s.fuzzy }

// Score is SearchScore(query, e).
func (s SearchScorer) Score(e *Entity) float64 {
	if s.q == "" {
		return 0
	}
	keys := SearchKeys(e)
	if best := s.keysScore(keys); best > 0 {
		return best
	}
	return max(s.fuzzyKeysScore(keys), s.descriptionScore(Fold(e.Description)))
}

// ScoreFolded is Score for an entity whose SearchKeys are keys and whose
// description folds to foldedDescription, both computed once and kept (by
// an index, say).
func (s SearchScorer) ScoreFolded(keys []string, foldedDescription string) float64 {
	if s.q == "" {
		return 0
	}
	if best := s.keysScore(keys); best > 0 {
		return best
	}
	return max(s.fuzzyKeysScore(keys), s.descriptionScore(foldedDescription))
}

// keysScore is the best score of the query against the search keys, the
// name first.
func (s SearchScorer) keysScore(keys []string) float64 {
	best := 0.0
	for i, k := range keys {
		best = max(best, keyScore(s.q, k, i == 0))
	}
	return best
}

// descriptionScore scores the query against a folded description.
func (s SearchScorer) descriptionScore(folded string) float64 {
	if folded == "" {
		return 0
	}
	return 0.3 * tokenCoverage(s.q, folded)
}

// PrefixScore is the score of an entity a name or alias of which starts
// with the query (and does not equal it): every key the query does not
// start scores less.
const PrefixScore = 0.8

// KeyScore is the score of the query against one folded search key, the
// entity's name when isName: what ScoreFolded takes the best of over an
// entity's keys when one of them matches without a typo.
func (s SearchScorer) KeyScore(key string, isName bool) float64 {
	if s.q == "" {
		return 0
	}
	return keyScore(s.q, key, isName)
}

func keyScore(q, key string, isName bool) float64 {
	switch {
	case q == key && isName:
		return 1
	case q == key:
		return 0.95
	case strings.HasPrefix(key, q) && (len(q) >= 3 || len(key) > len(q) && key[len(q)] == ' '):
		return PrefixScore
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
	if !strings.Contains(q, " ") {
		return wordCoverage(q, text)
	}
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

// TopHits returns the best n of hits in RankHits order, reordering hits:
// the same as RankHits then keeping n, without sorting the whole list.
func TopHits(hits []SearchHit, n int) []SearchHit {
	if n <= 0 {
		return hits[:0]
	}
	if len(hits) <= n {
		RankHits(hits)
		return hits
	}
	// hits[:n] is kept ranked; a later hit better than the worst kept one
	// takes its place.
	RankHits(hits[:n])
	for i := n; i < len(hits); i++ {
		h := hits[i]
		if !hitBefore(h, hits[n-1]) {
			continue
		}
		at := sort.Search(n-1, func(j int) bool { return hitBefore(h, hits[j]) })
		copy(hits[at+1:n], hits[at:n-1])
		hits[at] = h
	}
	return hits[:n]
}

// hitBefore reports whether a ranks before b (see RankHits).
func hitBefore(a, b SearchHit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Entity.Name != b.Entity.Name {
		return a.Entity.Name < b.Entity.Name
	}
	return a.Entity.ID < b.Entity.ID
}

// wordCoverage is tokenCoverage for a one-word query, without allocating.
func wordCoverage(q, text string) float64 {
	words, found := 0, false
	for t := range strings.FieldsSeq(text) {
		words++
		found = found || strings.HasPrefix(t, q)
	}
	if !found {
		return 0
	}
	return 1 / float64(words)
}

// RankHits sorts hits best first: by score descending, then by name, then by
// id, so that ties are broken the same way in every store.
func RankHits(hits []SearchHit) {
	sort.SliceStable(hits, func(i, j int) bool { return hitBefore(hits[i], hits[j]) })
}
