package newsgraph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote matching is defined here once: a quote of evidence must be in its
// document's text, verbatim or after folding typographic variants, and
// the evidence stored is then the text's own span with its offsets.
//
// Folding for quotes keeps case, letters and punctuation, and makes alike
// only what a person retyping a quote cannot see or cannot type: curly and
// straight double quotes (and guillemets), curly and straight apostrophes
// and single quotes (and primes, backticks), every dash and minus sign, and
// runs of white space of any kind (spaces, no-break spaces, tabs, line
// breaks), which fold to one space.

// QuoteMatch is where a quote is in a text.
type QuoteMatch struct {
	// Span is the text's own span the quote matched, which the evidence
	// records instead of the quote as given.
	Span string
	// Start and End are the span's offsets in UTF-16 code units (see
	// Evidence).
	Start, End int
	// Folded reports that the quote matched only after folding.
	Folded bool
}

// QuoteFinder finds quotes in one text. It folds the text on the first
// quote that is not in it verbatim, once, so finding many quotes in one
// text costs one fold. It is not safe for concurrent use.
type QuoteFinder struct {
	text string
	// folded is the folded text; starts[i] and ends[i] are the byte
	// offsets in text of the rune that gave folded byte i.
	folded       string
	starts, ends []int32
	isFolded     bool
	// ascii is 1 when text is ASCII, so that character offsets are byte
	// offsets, -1 when it is not, 0 until known.
	ascii int8
	// unitsAt[k] is the number of UTF-16 code units before the first rune
	// boundary at or after byte k*runeStep, and bytesAt[k] that boundary,
	// for a text that is not ASCII: counting from there costs at most
	// runeStep bytes more per quote.
	unitsAt, bytesAt []int32
}

// runeStep is the byte distance between the checkpoints of unitOffset.
const runeStep = 256

// NewQuoteFinder returns a finder of quotes in text.
func NewQuoteFinder(text string) *QuoteFinder { return &QuoteFinder{text: text} }

// minClosest is the shortest folded prefix of a quote, in bytes, that a
// "closest span" message points at: shorter ones are everywhere.
const minClosest = 8

// Find returns where quote is in the text: its first verbatim occurrence,
// or else its first occurrence after folding (see the package's quote
// rules), as the text's own span. A quote that is in the text neither way
// is an error that says where the longest folded beginning of it is in the
// text and where the text then differs, such as
// `quote "..." is not in the document text; the closest span, at character
// 123, differs at "…ordination" (the quote has "mission")`.
func (f *QuoteFinder) Find(quote string) (QuoteMatch, error) {
	if i := strings.Index(f.text, quote); i >= 0 && quote != "" {
		return f.match(i, i+len(quote), false), nil
	}
	f.fold()
	q, _, _ := foldQuote(quote, false)
	q = strings.TrimSpace(q)
	if q == "" {
		return QuoteMatch{}, fmt.Errorf("quote %q is empty", quote)
	}
	if i := strings.Index(f.folded, q); i >= 0 {
		j := i + len(q) - 1
		return f.match(int(f.starts[i]), int(f.ends[j]), true), nil
	}
	return QuoteMatch{}, f.notFound(quote, q)
}

// match returns the match of text[start:end].
func (f *QuoteFinder) match(start, end int, folded bool) QuoteMatch {
	span := f.text[start:end]
	if f.ascii == 0 {
		f.ascii = -1
		if isASCII(f.text) {
			f.ascii = 1
		}
	}
	if f.ascii == 1 {
		return QuoteMatch{Span: span, Start: start, End: end, Folded: folded}
	}
	s := f.unitOffset(start)
	return QuoteMatch{Span: span, Start: s, End: s + UTF16Len(span), Folded: folded}
}

// Has reports, as an error, whether quote is in the text, as Find does,
// without working out its offsets.
func (f *QuoteFinder) Has(quote string) error {
	if quote != "" && strings.Contains(f.text, quote) {
		return nil
	}
	_, err := f.Find(quote)
	return err
}

// unitOffset returns the number of UTF-16 code units of the text before
// byte b, a rune boundary, from the checkpoints it builds on first use.
func (f *QuoteFinder) unitOffset(b int) int {
	if f.unitsAt == nil {
		n := len(f.text)/runeStep + 1
		f.unitsAt, f.bytesAt = make([]int32, 0, n), make([]int32, 0, n)
		units := 0
		for i, r := range f.text { // i is each rune's start
			for len(f.bytesAt) <= i/runeStep {
				f.unitsAt, f.bytesAt = append(f.unitsAt, int32(units)), append(f.bytesAt, int32(i))
			}
			units += utf16Units(r)
		}
		for len(f.bytesAt) < n {
			f.unitsAt, f.bytesAt = append(f.unitsAt, int32(units)), append(f.bytesAt, int32(len(f.text)))
		}
	}
	k := b / runeStep
	for k > 0 && int(f.bytesAt[k]) > b {
		k--
	}
	return int(f.unitsAt[k]) + UTF16Len(f.text[f.bytesAt[k]:b])
}

// UTF16Len returns the length of s in UTF-16 code units, the unit of
// Evidence's offsets (and of a JavaScript string's indexes): one per rune,
// two for a rune beyond the Basic Multilingual Plane.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

// utf16Units is the number of UTF-16 code units of r.
func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// notFound is the error for a folded quote q not in the folded text: it
// finds the longest beginning of q that is, by bisection, and reports
// where it is and what follows it in the text and in the quote.
func (f *QuoteFinder) notFound(quote, q string) error {
	lo, hi, at := 0, len(q), -1 // q[:lo] is in the text, at at; q[:hi+1] is not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if i := strings.Index(f.folded, q[:mid]); i >= 0 {
			lo, at = mid, i
		} else {
			hi = mid - 1
		}
	}
	for lo > 0 && lo < len(q) && !utf8.RuneStart(q[lo]) {
		lo-- // a prefix of the found prefix is found where it was
	}
	msg := fmt.Sprintf("quote %q is not in the document text", quote)
	if lo < minClosest || at < 0 {
		return fmt.Errorf("%s", msg)
	}
	start := int(f.starts[at])
	differs := at + lo // the first folded byte that differs
	var textHas string
	if differs < len(f.folded) {
		textHas = f.text[int(f.starts[differs]):]
	}
	return fmt.Errorf("%s; the closest span, at character %d, differs at %q (the quote has %q)",
		msg, f.unitOffset(start), snippet(textHas), snippet(q[lo:]))
}

// snippet returns the first few words of s, for messages.
func snippet(s string) string {
	const max = 24
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// fold folds the text once, recording where each folded byte came from.
func (f *QuoteFinder) fold() {
	if f.isFolded {
		return
	}
	f.isFolded = true
	f.folded, f.starts, f.ends = foldQuote(f.text, true)
}

// foldQuote folds s by the quote rules; with positions, it also returns,
// for each byte of the result, the byte offsets in s of the rune that gave
// it.
func foldQuote(s string, positions bool) (string, []int32, []int32) {
	var b strings.Builder
	b.Grow(len(s))
	var starts, ends []int32
	if positions {
		starts, ends = make([]int32, 0, len(s)), make([]int32, 0, len(s))
	}
	space := false // the last rune written was a folded space
	for i, r := range s {
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1 // an invalid byte, which range gives as one RuneError
		}
		out := foldQuoteRune(r)
		if out == ' ' {
			if space {
				if positions {
					ends[len(ends)-1] = int32(i + n) // the run's space spans it
				}
				continue
			}
			space = true
		} else {
			space = false
		}
		w := b.Len()
		b.WriteRune(out)
		if positions {
			for range b.Len() - w {
				starts = append(starts, int32(i))
				ends = append(ends, int32(i+n))
			}
		}
	}
	return b.String(), starts, ends
}

// foldQuoteRune folds one rune by the quote rules.
func foldQuoteRune(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '″', '〝', '〞', '＂':
		return '"'
	case '’', '‘', '‚', '‛', '′', '`', '´', '＇':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// FoldQuote folds s by the quote rules, for comparing a quote with a span:
// a quote is found at a span when the two fold alike, leading and trailing
// white space aside.
func FoldQuote(s string) string {
	folded, _, _ := foldQuote(s, false)
	return strings.TrimSpace(folded)
}

// QuotedIn reports whether ev's quote is a verbatim substring of text, the
// text of its document. Its offsets, when it has them, are tried first as
// byte offsets, which they are wherever the text before the quote is
// ASCII: then the check costs one comparison rather than a search of the
// text. Offsets that do not point at the quote only cost the search: the
// answer is strings.Contains's whatever the offsets.
func (ev Evidence) QuotedIn(text string) bool {
	if ev.HasOffsets() && ev.Start >= 0 && ev.Start <= len(text)-len(ev.Quote) && text[ev.Start:ev.Start+len(ev.Quote)] == ev.Quote {
		return true
	}
	return strings.Contains(text, ev.Quote)
}
