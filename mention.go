package newsgraph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Mention records that a document names an entity: every entity an
// article lists is mentioned by it, whether or not a relation reaches the
// entity. Spans say where the entity's name or an alias occurs in the
// document's text; a mention whose names do not occur there has none.
type Mention struct {
	// DocumentID is the id of the mentioning document.
	DocumentID string `json:"documentId"`
	// EntityID is the id of the mentioned entity.
	EntityID string `json:"entityId"`
	// Spans are where the document names the entity, in ascending order,
	// without duplicates; empty when it never spells a name of it.
	Spans []Span `json:"spans,omitempty"`
}

// Span is a range of a document's text in UTF-16 code units, the indexes
// of a JavaScript string (a character outside the Basic Multilingual
// Plane, such as an emoji, counts two): [Start, End), Start >= 0 and
// End > Start. It is the unit of every offset the API gives.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// CompareSpans orders spans by Start, then End.
func CompareSpans(a, b Span) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.End, b.End)
}

// UnionSpans returns the spans of a and b, sorted by CompareSpans and
// without duplicates. Neither argument is changed.
func UnionSpans(a, b []Span) []Span {
	if len(a)+len(b) == 0 {
		return nil
	}
	// The usual call adds the sorted, distinct spans FindSpans found to
	// none: a copy, without sorting.
	if len(a) == 0 && isUnion(b) {
		return slices.Clone(b)
	}
	out := make([]Span, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.SortFunc(out, CompareSpans)
	return slices.Compact(out)
}

// isUnion reports whether spans are sorted and distinct, as UnionSpans
// returns them.
func isUnion(spans []Span) bool {
	for i := 1; i < len(spans); i++ {
		if CompareSpans(spans[i-1], spans[i]) >= 0 {
			return false
		}
	}
	return true
}

// Clone returns a copy of m that shares nothing mutable with it.
func (m Mention) Clone() Mention {
	m.Spans = slices.Clone(m.Spans)
	return m
}

// CompareMentions orders mentions by document id, then entity id.
func CompareMentions(a, b Mention) int {
	if c := cmp.Compare(a.DocumentID, b.DocumentID); c != 0 {
		return c
	}
	return cmp.Compare(a.EntityID, b.EntityID)
}

// UnionMentions returns the mentions of a and b with one mention per
// (document, entity) pair, whose spans are the union of theirs, sorted by
// CompareMentions. It is how a store adds mentions to stored ones, and how
// a merge gathers the mentions of merged entities on their survivor.
func UnionMentions(a, b []Mention) []Mention {
	type pair struct{ doc, entity string }
	at := make(map[pair]int, len(a)+len(b))
	out := make([]Mention, 0, len(a)+len(b))
	for _, list := range [2][]Mention{a, b} {
		for _, m := range list {
			k := pair{m.DocumentID, m.EntityID}
			if i, ok := at[k]; ok {
				out[i].Spans = UnionSpans(out[i].Spans, m.Spans)
				continue
			}
			at[k] = len(out)
			m.Spans = UnionSpans(nil, m.Spans)
			out = append(out, m)
		}
	}
	slices.SortFunc(out, CompareMentions)
	return out
}

// MaxSpansPerMention bounds the spans one mention may carry.
const MaxSpansPerMention = 1000

// validateMention checks a mention on its own: its ids and spans, and,
// when its document's text is known (textLen >= 0, in UTF-16 code units),
// that every span lies within it.
func validateMention(m Mention, textLen int) error {
	switch {
	case !ValidDocumentID(m.DocumentID):
		return fmt.Errorf("mention: document id %q is malformed", m.DocumentID)
	case !ValidEntityID(m.EntityID):
		return fmt.Errorf("mention of %s: entity id %q is malformed", m.DocumentID, m.EntityID)
	case len(m.Spans) > MaxSpansPerMention:
		return fmt.Errorf("mention of %s by %s has %d spans: at most %d", m.EntityID, m.DocumentID, len(m.Spans), MaxSpansPerMention)
	}
	for j, s := range m.Spans {
		if s.Start < 0 || s.End <= s.Start {
			return fmt.Errorf("mention of %s by %s: spans[%d] [%d, %d) is empty or negative", m.EntityID, m.DocumentID, j, s.Start, s.End)
		}
		if textLen >= 0 && s.End > textLen {
			return fmt.Errorf("mention of %s by %s: spans[%d] [%d, %d) ends after the text's %d UTF-16 code units", m.EntityID, m.DocumentID, j, s.Start, s.End, textLen)
		}
	}
	return nil
}

// TextLength is the length of a document's text in UTF-16 code units, the
// unit of Span.
func TextLength(text string) int {
	n := 0
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// textLengths memoises TextLength by document id: a batch validates the
// mentions of tens of entities against each document's text.
type textLengths map[string]int

// of returns TextLength(d.Text), computed once per document id.
func (l textLengths) of(d *Document) int {
	n, ok := l[d.ID]
	if !ok {
		n = TextLength(d.Text)
		l[d.ID] = n
	}
	return n
}

// FindSpans returns where text names any of names, matched after folding
// (see Fold: case, diacritics, apostrophes, punctuation and spelling
// variants) on whole words, as exact offsets of text (see Span): each span
// starts at the first character of a matching word and ends after the
// last. A possessive "'s" ("Sheinbaum's") matches the bare name and is
// left out of the span. Spans are sorted and distinct; a match inside a
// longer one ("Sheinbaum" inside "Claudia Sheinbaum") is dropped, so each
// span is one naming of the entity. To find the spans of many entities in
// one text, fold it once with NewSpanFinder.
func FindSpans(text string, names []string) []Span {
	return NewSpanFinder(text).Find(names)
}

// SpanFinder finds names in one text (see FindSpans), which it folds once:
// an article lists tens of entities, and folding its text for each would
// cost more than all the rest of planning it.
type SpanFinder struct {
	words []textWord
	// first is, for each folded word and possessive-free form, the first
	// position in words where it occurs, plus one; next chains the
	// positions of a word on, next[i] for words[i] as folded and
	// next[len(words)+i] as possessive-free, zero at the end of a chain.
	first map[string]int32
	next  []int32
}

// NewSpanFinder folds text for Find.
func NewSpanFinder(text string) *SpanFinder {
	f := &SpanFinder{words: foldedWords(text)}
	n := len(f.words)
	f.first = make(map[string]int32, n)
	f.next = make([]int32, 2*n)
	// Chained from the last occurrence back, so that a chain runs in text
	// order.
	for i := n - 1; i >= 0; i-- {
		w := f.words[i]
		f.next[i] = f.first[w.folded]
		f.first[w.folded] = int32(i + 1)
		if w.bare != "" && w.bare != w.folded {
			f.next[n+i] = f.first[w.bare]
			f.first[w.bare] = int32(n + i + 1)
		}
	}
	return f
}

// Find returns the spans of the text that name any of names, as FindSpans.
func (f *SpanFinder) Find(names []string) []Span {
	var spans []Span
	for _, name := range names {
		want := SearchTokens(name)
		if len(want) == 0 {
			continue
		}
		// A match starts where the first wanted word is; a one-word name's
		// word may also be the possessive-free form.
		n := len(f.words)
		for link := f.first[want[0]]; link != 0; link = f.next[link-1] {
			i := int(link - 1)
			if i >= n {
				i -= n
			}
			if i+len(want) > n {
				continue
			}
			if end, ok := matchWords(f.words[i:i+len(want)], want); ok {
				spans = append(spans, Span{Start: f.words[i].start, End: end})
			}
		}
	}
	return outermost(UnionSpans(nil, spans))
}

// outermost drops from sorted, distinct spans those inside another.
func outermost(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		// Sorted by start, then end: a span is inside an earlier one that
		// ends at or after its end, or inside a later one with the same
		// start, which ends later.
		if n := len(out); n > 0 && out[n-1].End >= s.End {
			continue
		}
		for n := len(out); n > 0 && out[n-1].Start == s.Start; n-- {
			out = out[:n-1]
		}
		out = append(out, s)
	}
	return out
}

// matchWords reports whether the text words spell want, and where the
// match ends: the last word may be a possessive of the last wanted word.
func matchWords(words []textWord, want []string) (int, bool) {
	for j, w := range words[:len(want)-1] {
		if w.folded != want[j] {
			return 0, false
		}
	}
	last := words[len(want)-1]
	switch want[len(want)-1] {
	case last.folded:
		return last.end, true
	case last.bare:
		return last.bareEnd, true
	}
	return 0, false
}

// textWord is a word of a document's text: a run of letters, digits,
// marks and apostrophes, folded, with its offsets (see Span). bare is the
// folded word without a possessive "'s", ending at bareEnd; empty when the
// word has none.
type textWord struct {
	folded, bare        string
	start, end, bareEnd int
}

// foldedWords splits text into the words Fold keeps, each folded alone,
// so that a match on folded words maps back to offsets of the text.
func foldedWords(text string) []textWord {
	words := make([]textWord, 0, len(text)/6+1) // about one word per 6 bytes of English
	wordStart, wordByte := -1, 0
	pos := 0
	flush := func(endByte, end int) {
		if wordStart < 0 {
			return
		}
		raw := text[wordByte:endByte]
		if f := Fold(raw); f != "" && !strings.Contains(f, " ") {
			w := textWord{folded: f, start: wordStart, end: end}
			if n := len(raw); n >= 3 && (raw[n-1] == 's' || raw[n-1] == 'S') {
				if r, size := utf8.DecodeLastRuneInString(raw[:n-1]); isApostrophe(r) {
					w.bare, w.bareEnd = Fold(raw[:n-1-size]), end-2 // the apostrophe and the s are one code unit each
				}
			}
			words = append(words, w)
		}
		wordStart = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || isApostrophe(r) {
			if wordStart < 0 {
				wordStart, wordByte = pos, i
			}
		} else {
			flush(i, pos)
		}
		pos += utf16.RuneLen(r)
	}
	flush(len(text), pos)
	return words
}
