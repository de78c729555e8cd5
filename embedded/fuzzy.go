package embedded

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Typo-tolerant candidates (newsgraph.FuzzyEdits) come from two indexes
// over the search index's distinct words, so that no search scans the
// vocabulary; newsgraph.WithinEdits checks every word they propose.
//
// Query words tolerating one edit (5 to 7 characters) use a deletion
// index: every word of 4 to 8 characters is listed under itself and each
// string one character shorter. Two words within one edit (a swap
// included) share such a string, so the query's own few lookups find
// every match.
//
// Query words tolerating two edits (8 characters or more) use positional
// trigrams: every word of 6 characters or more is listed, by its length,
// under each trigram of the word padded with two marks on either side and
// the trigram's position. An edit (insertion, deletion, substitution
// or adjacent swap) destroys at most four of a word's padded trigrams and
// moves the others by at most one place (insertions after, deletions
// before), so a word within k edits of a query word shares at least
// trigrams(query) - 4k of the query's trigrams at positions that the
// lengths of both words bound: counting those finds every such word.
// That bound is loose (an 8-character word needs two), so a word reaching
// it must also pass its letter signature (see letterBound) before
// newsgraph.WithinEdits checks it: on generated names nineteen in twenty
// words that reach the bound fail the signature, which reads no string.

// Lengths, in characters, of the words of each index.
const (
	minDeleteWord  = newsgraph.FuzzyMinLength - 1  // a word one edit from a 5-character one
	maxDeleteWord  = newsgraph.FuzzyLongLength     // one edit from a 7-character one
	minTrigramWord = newsgraph.FuzzyLongLength - 2 // two edits from an 8-character one
)

// trigramPad pads words for their trigrams; folded words never hold it.
const trigramPad = '\x00'

// fuzzyIndex holds the words of the search index, by number, in the
// deletion index and the positional trigram index.
type fuzzyIndex struct {
	words []string // by number; "" once the word is gone
	// signatures holds the letter signature of each word, by number.
	signatures []letterSignature
	ids        map[string]int32 // the number of each word
	// deletes lists words of minDeleteWord to maxDeleteWord characters
	// under themselves and their one-deletion strings.
	deletes map[string][]int32
	// lists holds, by word length, then trigram and position, the words of
	// minTrigramWord characters or more having that trigram there.
	lists []map[gram][]int32
}

func newFuzzyIndex() *fuzzyIndex {
	return &fuzzyIndex{ids: map[string]int32{}, deletes: map[string][]int32{}}
}

// deletions returns w and the distinct strings one character shorter.
func deletions(w string) []string {
	runes := []rune(w)
	out := []string{w}
	for i := range runes {
		d := string(runes[:i]) + string(runes[i+1:])
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// gram is a trigram of a padded word (three runes of 21 bits packed in a
// uint64) and its position there.
type gram struct {
	g   uint64
	pos int32
}

// trigrams returns every padded trigram of w, in order, and w's length
// in characters.
func trigrams(w string) ([]gram, int) {
	runes := []rune(w)
	padded := make([]rune, 0, len(runes)+4)
	padded = append(padded, trigramPad, trigramPad)
	padded = append(padded, runes...)
	padded = append(padded, trigramPad, trigramPad)
	out := make([]gram, 0, len(padded)-2)
	for i := 0; i+3 <= len(padded); i++ {
		out = append(out, gram{uint64(padded[i])<<42 | uint64(padded[i+1])<<21 | uint64(padded[i+2]), int32(i)})
	}
	return out, len(runes)
}

// list returns the words of the given length having trigram g at its
// position.
func (t *fuzzyIndex) list(length int, g gram) []int32 {
	if length >= len(t.lists) {
		return nil
	}
	return t.lists[length][g]
}

// add indexes the words long enough to match a typo-tolerant query word.
func (t *fuzzyIndex) add(words []string) {
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if _, ok := t.ids[w]; ok || n < minDeleteWord {
			continue
		}
		id := int32(len(t.words))
		t.words = append(t.words, w)
		t.signatures = append(t.signatures, signatureOf(w))
		t.ids[w] = id
		if n <= maxDeleteWord {
			for _, d := range deletions(w) {
				t.deletes[d] = append(t.deletes[d], id)
			}
		}
		if n >= minTrigramWord {
			for len(t.lists) <= n {
				t.lists = append(t.lists, map[gram][]int32{})
			}
			grams, _ := trigrams(w)
			for _, g := range grams {
				t.lists[n][g] = append(t.lists[n][g], id)
			}
		}
	}
}

// remove takes the words out of both indexes.
func (t *fuzzyIndex) remove(gone map[string]bool) {
	type key struct {
		length int
		gram   gram
	}
	removed := map[int32]bool{}
	touched := map[key]bool{}
	touchedDeletes := map[string]bool{}
	for w := range gone {
		id, ok := t.ids[w]
		if !ok {
			continue
		}
		removed[id] = true
		delete(t.ids, w)
		t.words[id] = ""
		n := utf8.RuneCountInString(w)
		if n <= maxDeleteWord {
			for _, d := range deletions(w) {
				touchedDeletes[d] = true
			}
		}
		if n >= minTrigramWord {
			grams, _ := trigrams(w)
			for _, g := range grams {
				touched[key{n, g}] = true
			}
		}
	}
	for d := range touchedDeletes {
		if kept := slices.DeleteFunc(t.deletes[d], func(id int32) bool { return removed[id] }); len(kept) == 0 {
			delete(t.deletes, d)
		} else {
			t.deletes[d] = kept
		}
	}
	for k := range touched {
		lists := t.lists[k.length]
		if kept := slices.DeleteFunc(lists[k.gram], func(id int32) bool { return removed[id] }); len(kept) == 0 {
			delete(lists, k.gram)
		} else {
			lists[k.gram] = kept
		}
	}
}

// within returns the indexed words within newsgraph.FuzzyEdits(q) of the
// query word q, other than q itself, in ascending order; none when q
// tolerates no typo.
func (t *fuzzyIndex) within(q string) []string {
	switch newsgraph.FuzzyEdits(q) {
	case 0:
		return nil
	case 1:
		return t.withinOne(q)
	}
	return t.withinTwo(q)
}

// withinOne is within for a word tolerating one edit, from the deletion
// index.
func (t *fuzzyIndex) withinOne(q string) []string {
	var out []string
	for _, d := range deletions(q) {
		for _, id := range t.deletes[d] {
			if w := t.words[id]; w != q && !slices.Contains(out, w) && newsgraph.WithinEdits(q, w, 1) {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// withinTwo is within for a word tolerating two edits, from the
// positional trigrams: each word's trigrams shared with q at positions at
// most two apart are counted, over the lists of the lengths a match may
// have, in a pooled array of counts, and the words reaching the bound are
// checked. The cost is the length of those lists.
func (t *fuzzyIndex) withinTwo(q string) []string {
	const k = 2
	grams, n := trigrams(q)
	need := uint16(max(len(grams)-4*k, 1))
	counts := trigramCounts.Get().(*[]uint16)
	if len(*counts) < len(t.words) {
		*counts = make([]uint16, len(t.words)+len(t.words)/4)
	}
	c := *counts
	var lists [][]int32
	var reached []int32
	for length := max(n-k, minTrigramWord); length <= n+k; length++ {
		// With ins insertions and del deletions, ins-del = length-n and
		// ins+del <= k, a trigram moves by -del to +ins places.
		delta := length - n
		lo, hi := -((k - delta) / 2), (k+delta)/2
		for _, g := range grams {
			for pos := max(g.pos+int32(lo), 0); pos <= g.pos+int32(hi); pos++ {
				list := t.list(length, gram{g.g, pos})
				if len(list) == 0 {
					continue
				}
				lists = append(lists, list)
				for _, id := range list {
					if c[id]++; c[id] == need {
						reached = append(reached, id)
					}
				}
			}
		}
	}
	var out []string
	sig := signatureOf(q)
	for _, id := range reached {
		if letterBound(sig, t.signatures[id]) > k {
			continue
		}
		if w := t.words[id]; w != q && newsgraph.WithinEdits(q, w, k) {
			out = append(out, w)
		}
	}
	// Only the counts of the lists read were raised: clear those.
	for _, list := range lists {
		for _, id := range list {
			c[id] = 0
		}
	}
	trigramCounts.Put(counts)
	slices.Sort(out)
	return out
}

// trigramCounts pools the arrays withinTwo counts shared trigrams in, one
// per concurrent search.
var trigramCounts = sync.Pool{New: func() any { return new([]uint16) }}

// fuzzyCandidates returns the ids of the entities that have, for every
// query word, a word it is a prefix of or, tolerating its typos, equal
// to: every entity newsgraph.SearchScore may give a typo-tolerant score.
// The word with the fewest postings gives the candidates; the others
// narrow them while they are selective enough (as candidates does).
func (s *searchIndex) fuzzyCandidates(words []string) map[string]bool {
	type expanded struct {
		word  string
		fuzzy []string
		count int
	}
	ws := make([]expanded, 0, len(words))
	for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
		e := expanded{word: w, fuzzy: s.fuzzy.within(w)}
		e.count = s.countPrefix(w, maxIntersect+1)
		for _, f := range e.fuzzy {
			e.count += len(s.postings[f])
		}
		ws = append(ws, e)
	}
	slices.SortStableFunc(ws, func(a, b expanded) int { return a.count - b.count })
	each := func(e expanded, fn func(id string)) {
		s.eachWithPrefix(e.word, fn)
		for _, f := range e.fuzzy {
			for _, id := range s.postings[f] {
				fn(id)
			}
		}
	}
	ids := map[string]bool{}
	each(ws[0], func(id string) { ids[id] = true })
	for _, w := range ws[1:] {
		if len(ids) == 0 || w.count > maxIntersect || w.count > scoreCost*len(ids) {
			break
		}
		kept := make(map[string]bool, len(ids))
		each(w, func(id string) {
			if ids[id] {
				kept[id] = true
			}
		})
		ids = kept
	}
	return ids
}
