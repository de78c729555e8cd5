package newsgraph

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold prepares text for matching: it removes diacritics, folds case, turns
// punctuation into spaces, and spells British "-isation"/"-ise" words the
// American way, so that "López Obrador" matches "Lopez Obrador" and
// "organisation" matches "organization". Words are separated by one space.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	stripped, _, err := transform.String(t, s)
	if err != nil {
		stripped = s
	}
	var b strings.Builder
	b.Grow(len(stripped))
	for _, r := range stripped {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			// Apostrophes join: "Trump's" folds to "trumps".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		words[i] = americanSpelling(w)
	}
	return strings.Join(words, " ")
}

// britishSuffixes maps British spelling suffixes to American ones. Longer
// suffixes come first.
var britishSuffixes = [][2]string{
	{"isations", "izations"}, {"isation", "ization"},
	{"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"},
	{"yses", "yzes"}, {"ysed", "yzed"}, {"yse", "yze"},
	{"ise", "ize"},
	{"ours", "ors"}, {"our", "or"},
	{"tres", "ters"}, {"tre", "ter"},
}

// americanSpelling rewrites a British suffix to its American form. Fold is
// applied to queries and to indexed names alike, so a word that merely looks
// British ("promise" becomes "promize") is rewritten the same way on both
// sides and still matches; short words are left alone to keep folded text
// readable.
func americanSpelling(w string) string {
	if len(w) < 6 {
		return w
	}
	for _, s := range britishSuffixes {
		if strings.HasSuffix(w, s[0]) {
			return w[:len(w)-len(s[0])] + s[1]
		}
	}
	return w
}
