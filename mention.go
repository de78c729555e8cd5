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
	out := make([]Span, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.SortFunc(out, CompareSpans)
	return slices.Compact(out)
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
	var out []Mention
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
	for _, r := range text {
		n += utf16.RuneLen(r)
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
// span is one naming of the entity.
func FindSpans(text string, names []string) []Span {
	words := foldedWords(text)
	var spans []Span
	for _, name := range names {
		want := SearchTokens(name)
		if len(want) == 0 {
			continue
		}
		for i := 0; i+len(want) <= len(words); i++ {
			end, ok := matchWords(words[i:i+len(want)], want)
			if ok {
				spans = append(spans, Span{Start: words[i].start, End: end})
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
	var words []textWord
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
