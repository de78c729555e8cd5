package embedded

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Typo-tolerant candidates (newsgraph.FuzzyEdits) come from a trigram
// index over the index's distinct words: every word of at least
// minFuzzyWord characters is listed under each trigram of the word padded
// with two marks on either side, and its length. An edit (insertion, deletion,
// substitution or adjacent swap) destroys at most four of a word's padded
// trigrams, so a word within k edits of a query word shares at least
// distinct(query) - 4k of the query's trigrams: counting shared trigrams
// finds every such word without scanning the vocabulary, and
// newsgraph.WithinEdits then checks each.

// minFuzzyWord is the shortest word a query word tolerating a typo can
// match: FuzzyMinLength less the most edits.
const minFuzzyWord = newsgraph.FuzzyMinLength - 2

// trigramPad pads words for their trigrams; folded words never hold it.
const trigramPad = '\x00'

// trigramIndex lists the indexed words, by number, under their padded
// trigrams (three runes of 21 bits packed in a uint64) and their length:
// a word within k edits of a query word has a length within k of it, so
// only the lists of those lengths are read.
type trigramIndex struct {
	words []string             // by number; "" once the word is gone
	ids   map[string]int32     // the number of each word
	lists []map[uint64][]int32 // by word length in characters, then trigram
}

func newTrigramIndex() *trigramIndex {
	return &trigramIndex{ids: map[string]int32{}}
}

// trigrams returns the distinct padded trigrams of w and its length in
// characters.
func trigrams(w string) ([]uint64, int) {
	runes := []rune(w)
	padded := make([]rune, 0, len(runes)+4)
	padded = append(padded, trigramPad, trigramPad)
	padded = append(padded, runes...)
	padded = append(padded, trigramPad, trigramPad)
	out := make([]uint64, 0, len(padded)-2)
	for i := 0; i+3 <= len(padded); i++ {
		g := uint64(padded[i])<<42 | uint64(padded[i+1])<<21 | uint64(padded[i+2])
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out, len(runes)
}

// list returns the list of trigram g among words of the given length.
func (t *trigramIndex) list(length int, g uint64) []int32 {
	if length >= len(t.lists) {
		return nil
	}
	return t.lists[length][g]
}

// add lists the words long enough to match a typo-tolerant query word.
func (t *trigramIndex) add(words []string) {
	for _, w := range words {
		if _, ok := t.ids[w]; ok || utf8.RuneCountInString(w) < minFuzzyWord {
			continue
		}
		id := int32(len(t.words))
		t.words = append(t.words, w)
		t.ids[w] = id
		grams, n := trigrams(w)
		for len(t.lists) <= n {
			t.lists = append(t.lists, map[uint64][]int32{})
		}
		for _, g := range grams {
			t.lists[n][g] = append(t.lists[n][g], id)
		}
	}
}

// remove takes the words out of their trigrams' lists.
func (t *trigramIndex) remove(gone map[string]bool) {
	type key struct {
		length int
		gram   uint64
	}
	removed := map[int32]bool{}
	touched := map[key]bool{}
	for w := range gone {
		id, ok := t.ids[w]
		if !ok {
			continue
		}
		removed[id] = true
		delete(t.ids, w)
		t.words[id] = ""
		grams, n := trigrams(w)
		for _, g := range grams {
			touched[key{n, g}] = true
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

// within returns the listed words within newsgraph.FuzzyEdits(q) of the
// query word q, other than q itself; none when q tolerates no typo. Each
// word's trigrams shared with q are counted over the lists of the lengths
// a match may have, in a pooled array of counts, and the words reaching
// the bound are checked with newsgraph.WithinEdits: the cost is the length
// of those lists.
func (t *trigramIndex) within(q string) []string {
	k := newsgraph.FuzzyEdits(q)
	if k == 0 {
		return nil
	}
	grams, n := trigrams(q)
	need := uint16(max(len(grams)-4*k, 1))
	counts := trigramCounts.Get().(*[]uint16)
	if len(*counts) < len(t.words) {
		*counts = make([]uint16, len(t.words)+len(t.words)/4)
	}
	c := *counts
	var lists [][]int32
	var reached []int32
	for length := max(n-k, minFuzzyWord); length <= n+k; length++ {
		for _, g := range grams {
			list := t.list(length, g)
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
	var out []string
	for _, id := range reached {
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

// trigramCounts pools the arrays within counts shared trigrams in, one
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
		e := expanded{word: w, fuzzy: s.trigrams.within(w)}
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
