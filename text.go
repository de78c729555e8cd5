package newsgraph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text rules shared by every write. A label (a name, an alias, a role, a
// title, a source) is one line of printable text: control characters
// (NUL, escape, DEL, the C1 block) and the bidirectional embedding,
// override and isolate controls (U+202A to U+202E, U+2066 to U+2069, the
// "Trojan source" characters that make a name display as another) are
// refused, and so is invalid UTF-8. Document text may hold tab, line feed
// and carriage return besides, and the bidirectional controls that
// right-to-left writing needs; other control characters are refused there
// too. Evidence quotes must hold at least one letter or digit, so that a
// quote of "." or of a zero-width space supports nothing.

// CheckLabel returns an error naming what and the offending character when
// s is not a valid label.
func CheckLabel(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || isBidiControl(r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("%s holds the control character %U at byte %d: names and titles must be printable text on one line", what, r, i)
	}
	return nil
}

// CheckText returns an error naming what and the offending character when
// s is not valid document text.
func CheckText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("%s holds the control character %U at byte %d: only tab, line feed and carriage return are allowed", what, r, i)
	}
	return nil
}

// HasWordCharacter reports whether s holds a letter or a digit.
func HasWordCharacter(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// isBidiControl reports whether r is a bidirectional embedding, override or
// isolate control. The marks U+200E, U+200F and U+061C, which reorder
// nothing, are allowed.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
