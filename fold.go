package newsgraph

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold prepares text for matching: it removes diacritics (and spells "ł",
// "ø", "ß", "æ" and the like in ASCII), folds case, turns punctuation into
// spaces, and spells British "-isation"/"-ise" words (and a few whole words
// such as "defence") the American way, so that "López Obrador" matches
// "Lopez Obrador" and "organisation" matches "organization". Words are
// separated by one space. Fold is idempotent: Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	if w, ok := foldASCIIWord(s); ok {
		return w
	}
	if w, ok := foldLatinWord(s); ok {
		return w
	}
	return foldText(s)
}

// latinLimit bounds the runes of latinFolds: the Latin-1 Supplement and
// Latin Extended-A and -B, where the accented letters of European names
// are.
const latinLimit = 0x250

// latinFolds holds, for each letter and digit below latinLimit that folds
// to ASCII letters and digits alone, what foldText makes of it ("É" gives
// "e", "ß" "ss"), and "" for every other rune.
var latinFolds = func() (t [latinLimit]string) {
	for r := rune(0); r < latinLimit; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if f := foldText(string(r)); f != "" && isASCIIAlnum(f) {
			t[r] = f
		}
	}
	return t
}()

// isASCIIAlnum reports whether s holds only ASCII letters and digits.
func isASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// foldLatinWord folds s when it is one word of letters and digits that
// latinFolds covers and apostrophes, such as "López" or "Müller's": rune
// by rune from the table, as foldText would after normalising (a letter
// without combining marks after it folds the same alone as in a word),
// without normalising the whole word.
func foldLatinWord(s string) (string, bool) {
	// A first pass decides, so that a text of many words (Fold's general
	// case, which fails at its first space) costs no allocation.
	n := 0
	for _, r := range s {
		switch {
		case isApostrophe(r):
		case r < latinLimit && latinFolds[r] != "":
			n += len(latinFolds[r])
		default:
			return "", false
		}
	}
	if n == 0 {
		return "", false
	}
	b := make([]byte, 0, n)
	for _, r := range s {
		if !isApostrophe(r) {
			b = append(b, latinFolds[r]...)
		}
	}
	return americanSpelling(string(b)), true
}

// foldASCIIWord folds s when it is one word of ASCII letters, digits and
// apostrophes, the usual word of a text, which the general path
// (foldText) would only lower-case, strip of apostrophes and respell:
// without its allocations, since a text is folded word by word to find
// where it names entities.
func foldASCIIWord(s string) (string, bool) {
	plain := true // lower-case letters and digits only
	letters := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			letters++
		case 'A' <= c && c <= 'Z':
			letters++
			plain = false
		case c == '\'':
			plain = false
		default:
			return "", false
		}
	}
	if letters == 0 {
		return "", false
	}
	if !plain {
		b := make([]byte, 0, letters)
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\'':
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			default:
				b = append(b, c)
			}
		}
		s = string(b)
	}
	return americanSpelling(s), true
}

// foldText is Fold for any text.
func foldText(s string) string {
	stripped := stripMarks(s)
	var b strings.Builder
	b.Grow(len(stripped))
	for _, r := range stripped {
		switch {
		case isApostrophe(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if latin, ok := strokeLetters[r]; ok {
				b.WriteString(latin)
			} else {
				b.WriteRune(r)
			}
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

// stripMarks removes apostrophes and combining marks: "López" becomes
// "Lopez". Apostrophes ("Trump's" folds to "trumps") are removed before
// normalisation so that letters they separated compose the same way on every
// pass, which keeps Fold idempotent. ASCII text, the common case, is returned
// as it is: it has no marks, and Fold drops its apostrophes itself.
func stripMarks(s string) string {
	if isASCII(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// strokeLetters spells lower-case Latin letters that have no canonical
// decomposition, so that normalisation leaves their marks in place, with
// plain ASCII letters: "Łódź" folds to "lodz", "Straße" to "strasse".
var strokeLetters = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h", 'ı': "i", 'ŧ': "t",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// britishWords maps British spellings that no suffix rule covers to American
// ones. Their American forms match no rule, so folding stays idempotent.
var britishWords = map[string]string{
	"defence": "defense", "defences": "defenses",
	"offence": "offense", "offences": "offenses",
	"licence": "license", "licences": "licenses",
	"pretence": "pretense", "programme": "program", "programmes": "programs",
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
	if american, ok := britishWords[w]; ok {
		return american
	}
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
