package newsgraph_test

import (
	"math"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

func TestQuoteFinder(t *testing.T) {
	const text = "“Cooperation, yes; subordination, never,” Sheinbaum’s aide said of the 2018–2024 term.\n\n  López\u00a0Obrador agreed."
	tests := []struct {
		name, quote string
		wantSpan    string
		wantFolded  bool
		wantErr     string
	}{
		{name: "Verbatim", quote: "Sheinbaum’s aide", wantSpan: "Sheinbaum’s aide"},
		{name: "StraightQuotes", quote: `"Cooperation, yes; subordination, never," Sheinbaum's aide`, wantSpan: "“Cooperation, yes; subordination, never,” Sheinbaum’s aide", wantFolded: true},
		{name: "Dash", quote: "the 2018-2024 term", wantSpan: "the 2018–2024 term", wantFolded: true},
		{name: "WhiteSpace", quote: "term. López Obrador", wantSpan: "term.\n\n  López\u00a0Obrador", wantFolded: true},
		{name: "OuterSpaceIgnored", quote: "  said of  the ", wantSpan: "said of the", wantFolded: true},
		{name: "CaseMatters", quote: "sheinbaum's aide", wantErr: `quote "sheinbaum's aide" is not in the document text`},
		{name: "Closest", quote: "Cooperation, yes; submission, never",
			wantErr: `quote "Cooperation, yes; submission, never" is not in the document text; the closest span, at character 1, differs at "ordination, never,” Shei…" (the quote has "mission, never")`},
		{name: "ClosestAfterNonASCII", quote: "López Obrador disagreed",
			wantErr: `the closest span, at character 90, differs at "agreed." (the quote has "disagreed")`},
		{name: "TooShortToPointAt", quote: "Coop and more", wantErr: `quote "Coop and more" is not in the document text`},
		{name: "Blank", quote: " \n", wantErr: "is empty"},
	}
	f := newsgraph.NewQuoteFinder(text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := f.Find(tt.quote)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Find(%q) = %+v, %v; want error %q", tt.quote, m, err, tt.wantErr)
				}
				if tt.name == "TooShortToPointAt" && strings.Contains(err.Error(), "closest") {
					t.Errorf("Find(%q) points at a span for a beginning of 4 bytes: %v", tt.quote, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Find(%q): %v", tt.quote, err)
			}
			if m.Span != tt.wantSpan || m.Folded != tt.wantFolded {
				t.Errorf("Find(%q) = %q (folded %v), want %q (folded %v)", tt.quote, m.Span, m.Folded, tt.wantSpan, tt.wantFolded)
			}
			if got := utf16Slice(text, m.Start, m.End); got != m.Span {
				t.Errorf("offsets %d..%d give %q, want the span %q", m.Start, m.End, got, m.Span)
			}
		})
	}
}

// utf16Slice returns s from UTF-16 code unit start to end, as JavaScript's
// s.slice(start, end) does.
func utf16Slice(s string, start, end int) string {
	units := utf16.Encode([]rune(s))
	if start < 0 || end > len(units) || start > end {
		return "<out of range>"
	}
	return string(utf16.Decode(units[start:end]))
}

func TestQuoteOffsetsAreUTF16CodeUnits(t *testing.T) {
	const text = "🙂 López said “no” again."
	m, err := newsgraph.NewQuoteFinder(text).Find(`"no" again`)
	if err != nil {
		t.Fatal(err)
	}
	// "🙂" is two code units, as in a JavaScript string: "🙂 López said ".length is 14.
	if m.Start != 14 || m.End != 24 || m.Span != "“no” again" {
		t.Errorf("Find = %+v, want “no” again at 14..24", m)
	}
	if got, want := newsgraph.UTF16Len(text), 25; got != want {
		t.Errorf("UTF16Len = %d, want %d", got, want)
	}
}

func FuzzQuoteFinder(f *testing.F) {
	f.Add("“Cooperation, yes,” she said.", `"Cooperation, yes," she`)
	f.Add("a\u00a0\n b–c", "a b-c")
	f.Add("López’s  term", "López's term")
	f.Add("abc", "")
	f.Fuzz(func(t *testing.T, text, quote string) {
		if !utf8.ValidString(text) || !utf8.ValidString(quote) {
			return
		}
		m, err := newsgraph.NewQuoteFinder(text).Find(quote)
		if err != nil {
			if quote != "" && strings.Contains(text, quote) {
				t.Fatalf("Find(%q) in %q: %v, but the quote is verbatim in the text", quote, text, err)
			}
			return
		}
		if got := utf16Slice(text, m.Start, m.End); got != m.Span {
			t.Fatalf("offsets %d..%d give %q, want the span %q", m.Start, m.End, got, m.Span)
		}
		if !strings.Contains(text, m.Span) {
			t.Fatalf("span %q is not in the text %q", m.Span, text)
		}
		if newsgraph.FoldQuote(m.Span) != newsgraph.FoldQuote(quote) {
			t.Fatalf("span %q folds to %q, the quote %q to %q", m.Span, newsgraph.FoldQuote(m.Span), quote, newsgraph.FoldQuote(quote))
		}
		if !m.Folded && m.Span != quote {
			t.Fatalf("verbatim match %q of quote %q", m.Span, quote)
		}
	})
}

func TestEvidenceQuotedIn(t *testing.T) {
	const ascii = "Sheinbaum rejected the plan. Trump insisted."
	const accented = "López Obrador said no. Sheinbaum rejected the plan."
	for _, tt := range []struct {
		name string
		text string
		ev   newsgraph.Evidence
		want bool
	}{
		{"offsets at the quote, ASCII before it", ascii, newsgraph.Evidence{Quote: "Trump insisted", Start: 29, End: 43}, true},
		{"UTF-16 offsets after an accent (not byte offsets)", accented, newsgraph.Evidence{Quote: "Sheinbaum rejected", Start: 23, End: 41}, true},
		{"offsets elsewhere, quote present", ascii, newsgraph.Evidence{Quote: "Trump insisted", Start: 0, End: 14}, true},
		{"offsets past the end, quote present", ascii, newsgraph.Evidence{Quote: "Trump insisted", Start: 400, End: 414}, true},
		{"no offsets, quote present", ascii, newsgraph.Evidence{Quote: "rejected the plan"}, true},
		{"offsets at a look-alike, quote absent", ascii, newsgraph.Evidence{Quote: "Trump insisted!", Start: 29, End: 44}, false},
		{"no offsets, quote absent", ascii, newsgraph.Evidence{Quote: "Trump relented"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ev.QuotedIn(tt.text); got != tt.want {
				t.Errorf("QuotedIn = %v, want %v", got, tt.want)
			}
		})
	}
}

// FuzzEvidenceQuotedIn checks that the offsets only speed QuotedIn up: its
// answer is strings.Contains's whatever they are.
func FuzzEvidenceQuotedIn(f *testing.F) {
	f.Add("Sheinbaum rejected the plan.", "rejected", 10, 18)
	f.Add("López said no.", "said", 6, 10)
	f.Add("abc", "abcd", 0, 4)
	f.Add("abc", "c", -3, 1)
	f.Add("", "x", 0, 1)
	f.Add("abc", "b", math.MaxInt, 1) // start+len(quote) overflows
	f.Fuzz(func(t *testing.T, text, quote string, start, end int) {
		ev := newsgraph.Evidence{Quote: quote, Start: start, End: end}
		if got, want := ev.QuotedIn(text), strings.Contains(text, quote); got != want {
			t.Errorf("QuotedIn(%q) of %q at %d..%d = %v, strings.Contains says %v", text, quote, start, end, got, want)
		}
	})
}
