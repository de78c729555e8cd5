package newsgraph

import "testing"

// FuzzFoldASCIIWord checks that Fold's fast path for one ASCII word folds
// as the general path does.
func FuzzFoldASCIIWord(f *testing.F) {
	for _, s := range []string{"Sheinbaum", "ORGANISATION", "defence", "F16", "realise", "x", "Trump's", "'", "O'Brien's", "López", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := foldASCIIWord(s); ok {
			if want := foldText(s); got != want {
				t.Errorf("foldASCIIWord(%q) = %q, want %q as foldText gives", s, got, want)
			}
		}
	})
}

// FuzzFoldLatinWord checks the fast path for words with accented Latin
// letters against the general one.
func FuzzFoldLatinWord(f *testing.F) {
	for _, s := range []string{"López", "Müller's", "Łódź", "Straße", "ÉCOLE", "Ǆemal", "naïve", "Ærø", "O’Brien", "é\u0301", "Œuvre", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := foldLatinWord(s); ok {
			if want := foldText(s); got != want {
				t.Errorf("foldLatinWord(%q) = %q, want %q as foldText gives", s, got, want)
			}
		}
	})
}
