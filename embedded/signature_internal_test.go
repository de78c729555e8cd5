package embedded

import (
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// TestLetterBound checks letterBound on pairs whose edit distance is known:
// it never exceeds the distance, and it is tight where the words differ
// only in what the signatures see.
func TestLetterBound(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"sheinbaum", "sheinbaum", 0},
		{"sheinbaum", "shienbaum", 0}, // a swap keeps every character
		{"sheinbaum", "sheinbam", 1},  // the second u goes: the twice bit
		{"sheinbaum", "sheinbaux", 1}, // u's twice bit, and an x
		{"peskaiskus", "zz", 9},       // its seven classes, and s and k twice
		{"müller", "muller", 1},       // a character outside a to z has a class too
		{"", "abc", 3},
	}
	for _, tt := range tests {
		got := letterBound(signatureOf(tt.a), signatureOf(tt.b))
		if got != tt.want {
			t.Errorf("letterBound(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got > 0 && newsgraph.WithinEdits(tt.a, tt.b, got-1) {
			t.Errorf("letterBound(%q, %q) = %d exceeds their edit distance", tt.a, tt.b, got)
		}
	}
}

// FuzzLetterBound checks that letterBound is a lower bound of the edit
// distance newsgraph.WithinEdits measures, so that withinTwo never drops a
// word within its edits.
func FuzzLetterBound(f *testing.F) {
	for _, seed := range [][2]string{
		{"sheinbaum", "shienbaum"}, {"peskaiskus", "peskiaskus"}, {"aab", "abb"},
		{"müller", "muler"}, {"zürich", "zurich"}, {"ab12", "ba21"}, {"", "a"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || len(a) > 40 || len(b) > 40 {
			return
		}
		bound := letterBound(signatureOf(a), signatureOf(b))
		if bound > 0 && newsgraph.WithinEdits(a, b, bound-1) {
			t.Fatalf("letterBound(%q, %q) = %d, but they are within %d edits", a, b, bound, bound-1)
		}
	})
}
