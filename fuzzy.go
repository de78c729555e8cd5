package newsgraph

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Typo tolerance of search, defined once for every store: a query word of
// at least FuzzyMinLength characters also matches a whole key word within
// FuzzyEdits of it ("sheinbum" finds "sheinbaum"). Such matches score in a
// band of their own, at most FuzzyScore, below every match without a typo
// on a name or alias (see SearchScore).

// Typo tolerance parameters.
const (
	// FuzzyMinLength is the shortest query word, in characters, that
	// tolerates a typo: shorter words would match too much.
	FuzzyMinLength = 5
	// FuzzyLongLength is the length from which a word tolerates two.
	FuzzyLongLength = 8
	// FuzzyScore is the score of a key all of whose words the query
	// matches with typos, the best a match with a typo scores.
	FuzzyScore = 0.25
)

// FuzzyEdits is the number of edits a query word tolerates: 0 below
// FuzzyMinLength characters, 1 up to FuzzyLongLength, 2 from there. An
// edit inserts, deletes or substitutes a character, or swaps two adjacent
// ones (the optimal string alignment distance, which Lucene's fuzzy
// queries bound from below).
func FuzzyEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n >= FuzzyLongLength:
		return 2
	case n >= FuzzyMinLength:
		return 1
	}
	return 0
}

// WithinEdits reports whether a and b are at most k edits apart (see
// FuzzyEdits), in O(len(a)·k) time.
func WithinEdits(a, b string, k int) bool {
	if a == b {
		return true
	}
	if k <= 0 {
		return false
	}
	if isASCII(a) && isASCII(b) {
		if d := len(a) - len(b); d > k || -d > k || bagDistance(a, b) > k {
			return false
		}
		return withinEdits([]byte(a), []byte(b), k)
	}
	return withinEdits([]rune(a), []rune(b), k)
}

// bagDistance is a lower bound of the edit distance of two ASCII strings,
// computed in one pass: the larger of the numbers of characters of a not
// matched in b and of b not matched in a, as multisets. An insertion,
// deletion or substitution changes it by at most one and a swap not at
// all, so strings more than k apart by it are more than k edits apart.
func bagDistance(a, b string) int {
	var counts [128]int16
	for i := 0; i < len(a); i++ {
		counts[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		counts[b[i]]--
	}
	// Only the characters of a and b were counted: read (and clear) those.
	more, less := 0, 0
	for i := 0; i < len(a); i++ {
		if c := counts[a[i]]; c > 0 {
			more += int(c)
			counts[a[i]] = 0
		}
	}
	for i := 0; i < len(b); i++ {
		if c := counts[b[i]]; c < 0 {
			less -= int(c)
			counts[b[i]] = 0
		}
	}
	return max(more, less)
}

// withinEdits is WithinEdits over bytes or runes.
func withinEdits[T byte | rune](a, b []T, k int) bool {
	if d := len(a) - len(b); d > k || -d > k {
		return false
	}
	// Rows of the optimal string alignment distance, each cut to the band
	// |i-j| <= k; cells outside it count as k+1. Short words keep their
	// rows on the stack.
	big := k + 1
	var stack [3][40]int
	var prev2, prev, cur []int
	if len(b) < len(stack[0]) {
		prev2, prev, cur = stack[0][:len(b)+1], stack[1][:len(b)+1], stack[2][:len(b)+1]
	} else {
		prev2, prev, cur = make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = min(j, big)
	}
	for i := 1; i <= len(a); i++ {
		rowMin := big
		for j := 0; j <= len(b); j++ {
			if j < i-k || j > i+k {
				cur[j] = big
				continue
			}
			if j == 0 {
				cur[j] = min(i, big)
				rowMin = min(rowMin, cur[j])
				continue
			}
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = min(d, big)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= k
}

// fuzzyKeyScore scores the folded query q against one folded key when
// some query word matches only with a typo: every query word must be a
// prefix of a distinct key word or, tolerating FuzzyEdits, equal to one.
// It is FuzzyScore times the share of the key's words the query covers, or
// 0. Longer query words are matched first, each to the first free key word
// it is a prefix of, else to the first it is within its edits of.
func fuzzyKeyScore(q, key string) float64 {
	qw := strings.Fields(q)
	tw := strings.Fields(key)
	sort.SliceStable(qw, func(i, j int) bool { return len(qw[i]) > len(qw[j]) })
	used := make([]bool, len(tw))
	for _, w := range qw {
		at := -1
		for i, t := range tw {
			if !used[i] && strings.HasPrefix(t, w) {
				at = i
				break
			}
		}
		if k := FuzzyEdits(w); at < 0 && k > 0 {
			for i, t := range tw {
				if !used[i] && WithinEdits(w, t, k) {
					at = i
					break
				}
			}
		}
		if at < 0 {
			return 0
		}
		used[at] = true
	}
	return FuzzyScore * float64(len(qw)) / float64(len(tw))
}

// fuzzyKeysScore is the best fuzzyKeyScore of the query against keys.
func (s SearchScorer) fuzzyKeysScore(keys []string) float64 {
	if !s.fuzzy {
		return 0
	}
	best := 0.0
	for _, k := range keys {
		best = max(best, fuzzyKeyScore(s.q, k))
	}
	return best
}
