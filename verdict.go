package newsgraph

import (
	"fmt"
	"strings"
)

// Verdict is a claim's standing as reported: one of AllVerdicts, the
// values of the GraphQL ClaimVerdict enum. The zero Verdict means none was
// given. What the analyst said in words goes into Entity.VerdictNote.
type Verdict string

// The verdicts a claim may have.
const (
	// VerdictSupported: the reporting backs the claim with evidence.
	VerdictSupported Verdict = "SUPPORTED"
	// VerdictUnsupported: the reporting says it has no basis or no
	// evidence was given for it.
	VerdictUnsupported Verdict = "UNSUPPORTED"
	// VerdictDisputed: other actors, or the law as reported, contest it.
	VerdictDisputed Verdict = "DISPUTED"
	// VerdictFalse: the reporting shows it to be wrong.
	VerdictFalse Verdict = "FALSE"
	// VerdictUnverified: the reporting neither confirms nor refutes it.
	VerdictUnverified Verdict = "UNVERIFIED"
)

// AllVerdicts lists every verdict in a fixed, documented order.
var AllVerdicts = []Verdict{VerdictSupported, VerdictUnsupported, VerdictDisputed, VerdictFalse, VerdictUnverified}

// Valid reports whether v is one of AllVerdicts.
func (v Verdict) Valid() bool {
	for _, known := range AllVerdicts {
		if v == known {
			return true
		}
	}
	return false
}

// verdictWords maps the words free-text verdicts start with, folded, to
// the verdict they mean. It is what ParseVerdict accepts besides the enum
// values themselves.
var verdictWords = map[string]Verdict{
	"supported": VerdictSupported, "confirmed": VerdictSupported, "true": VerdictSupported,
	"accurate": VerdictSupported, "correct": VerdictSupported, "verified": VerdictSupported,
	"unsupported": VerdictUnsupported, "unsubstantiated": VerdictUnsupported, "baseless": VerdictUnsupported,
	"unfounded": VerdictUnsupported, "unproven": VerdictUnsupported,
	"disputed": VerdictDisputed, "contested": VerdictDisputed, "contradicted": VerdictDisputed,
	"misleading": VerdictDisputed, "questionable": VerdictDisputed,
	"false": VerdictFalse, "refuted": VerdictFalse, "debunked": VerdictFalse, "wrong": VerdictFalse,
	"incorrect": VerdictFalse, "untrue": VerdictFalse,
	"unverified": VerdictUnverified, "unconfirmed": VerdictUnverified, "unknown": VerdictUnverified,
	"unclear": VerdictUnverified, "unverifiable": VerdictUnverified,
}

// ParseVerdict reads a verdict as the import format and older data spell
// it: an enum value in any case ("DISPUTED", "disputed"), or free text
// whose first word is a known one ("unsubstantiated", "supported (official
// provisional data)", "false", "misleading"; see verdictWords). It returns
// the verdict and, for free text that is not just the enum word, the text
// itself, to keep as the note. The empty string gives no verdict. Anything
// else is an Invalid error naming the accepted values.
func ParseVerdict(s string) (Verdict, string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", nil
	}
	if v := Verdict(strings.ToUpper(s)); v.Valid() {
		return v, "", nil
	}
	words := SearchTokens(s)
	if len(words) > 0 {
		if v, ok := verdictWords[words[0]]; ok {
			return v, s, nil
		}
	}
	return "", "", Errorf(Invalid, "verdict %q is not one of %s, nor free text starting with a word that names one (such as \"unsubstantiated\" or \"misleading\"); put other wording in verdictNote", s, verdictList())
}

// verdictList names AllVerdicts for messages.
func verdictList() string {
	names := make([]string, len(AllVerdicts))
	for i, v := range AllVerdicts {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

// UpgradeVerdict rewrites an entity stored before verdicts were an enum:
// a free-text verdict becomes the verdict ParseVerdict reads in it, or
// UNVERIFIED when it names none, and the text moves to VerdictNote unless
// a note is there already. Stores call it on every entity they read, so
// that old data reads as valid entities; a valid verdict is left alone.
func UpgradeVerdict(e *Entity) {
	if e.Verdict == "" || e.Verdict.Valid() {
		return
	}
	old := string(e.Verdict)
	v, _, err := ParseVerdict(old)
	if err != nil {
		v = VerdictUnverified
	}
	e.Verdict = v
	if e.VerdictNote == "" && !strings.EqualFold(old, string(v)) {
		e.VerdictNote = old
	}
}

// checkVerdict checks an entity's verdict: empty or one of AllVerdicts.
func checkVerdict(e *Entity) error {
	if e.Verdict != "" && !e.Verdict.Valid() {
		return fmt.Errorf("entity %s: verdict %q is not one of %s", e.ID, e.Verdict, verdictList())
	}
	return nil
}
