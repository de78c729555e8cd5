package newsgraph_test

import (
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

func TestWithinEdits(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		k    int
		want bool
	}{
		{"sheinbum", "sheinbaum", 1, true},   // one deletion
		{"sheinbuam", "sheinbaum", 1, true},  // one swap
		{"shienbuam", "sheinbaum", 2, true},  // two swaps
		{"shienbuam", "sheinbaum", 1, false}, // two swaps need two edits
		{"trump", "trumps", 1, true},
		{"trump", "tramp", 1, true},
		{"trump", "tramps", 1, false},
		{"lopez", "lopez", 0, true},
		{"lopez", "lopes", 0, false},
		{"mexico", "mexica", 1, true},
		{"ab", "ba", 1, true},
		{"abc", "", 2, false},
		{"méxico", "mexico", 1, true}, // runes, not bytes
	} {
		if got := newsgraph.WithinEdits(tc.a, tc.b, tc.k); got != tc.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %v, want %v", tc.a, tc.b, tc.k, got, tc.want)
		}
		if got := newsgraph.WithinEdits(tc.b, tc.a, tc.k); got != tc.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %v, want %v (symmetric)", tc.b, tc.a, tc.k, got, tc.want)
		}
	}
}

func TestFuzzyEdits(t *testing.T) {
	for word, want := range map[string]int{"rubio": 1, "trum": 0, "sheinbum": 2, "mexico": 1, "obrador": 1, "ñandúes": 1} {
		if got := newsgraph.FuzzyEdits(word); got != want {
			t.Errorf("FuzzyEdits(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestSearchScoreToleratesTypos(t *testing.T) {
	sheinbaum := &newsgraph.Entity{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum", Aliases: []string{"Sheinbaum"}}
	lopez := &newsgraph.Entity{ID: "person:amlo", Kind: newsgraph.KindPerson, Name: "Andrés Manuel López Obrador", Description: "Former president of Mexico."}
	for _, tc := range []struct {
		query string
		e     *newsgraph.Entity
		want  float64
	}{
		{"sheinbum", sheinbaum, newsgraph.FuzzyScore},                                         // the alias, one word of one
		{"claudia sheinbum", sheinbaum, newsgraph.FuzzyScore},                                 // the name, both words
		{"claudia shienbuam", sheinbaum, newsgraph.FuzzyScore},                                // two swaps in a long word
		{"sheinbaum", sheinbaum, 0.95},                                                        // as typed: the alias
		{"lopez obradr", lopez, newsgraph.FuzzyScore * 2 / 4},                                 // a prefix and a typo
		{"obradr mexico", lopez, 0},                                                           // a typo and a description word: no one key
		{"presidnt", lopez, 0},                                                                // the description tolerates no typo
		{"trum", &newsgraph.Entity{Name: "Drum"}, 0},                                          // too short for a typo
		{"sheinbxyz", sheinbaum, 0},                                                           // too far
		{"sheinbum", &newsgraph.Entity{Name: "Sheinbaum plan", Description: "sheinbum"}, 0.3}, // the description wins
	} {
		if got := newsgraph.SearchScore(tc.query, tc.e); got != tc.want {
			t.Errorf("SearchScore(%q, %q) = %v, want %v", tc.query, tc.e.Name, got, tc.want)
		}
	}
}

// osa is the optimal string alignment distance, computed in full.
func osa(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// FuzzWithinEdits checks the banded, early-exit WithinEdits against the
// full distance.
func FuzzWithinEdits(f *testing.F) {
	f.Add("sheinbum", "sheinbaum", 2)
	f.Add("ca", "abc", 1)
	f.Add("méxico", "mexico", 1)
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		if len(a) > 64 || len(b) > 64 || k < 0 || k > 3 || !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		if got, want := newsgraph.WithinEdits(a, b, k), osa([]rune(a), []rune(b)) <= k; got != want {
			t.Errorf("WithinEdits(%q, %q, %d) = %v, distance %d", a, b, k, got, osa([]rune(a), []rune(b)))
		}
	})
}
