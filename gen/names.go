package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Syllable parts of generated names. Onsets of a word's first syllable are
// ASCII so that names start with a capital letter; some vowels carry
// diacritics so that folding is exercised.
var (
	onsets       = []string{"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "ch", "dr", "gr", "kr", "st", "tr", "sh", "al", "or", "el"}
	innerOnsets  = []string{"b", "d", "g", "l", "m", "n", "r", "s", "t", "v", "z", "ñ", "nd", "rt", "sk"}
	vowels       = []string{"a", "e", "i", "o", "u", "a", "e", "o", "ia", "ai"}
	markedVowels = []string{"á", "é", "í", "ó", "ú", "ö", "ü", "ã", "ø"}
	codas        = []string{"", "", "", "", "n", "r", "s", "l", "k", "v"}
)

// namer makes names that are unique per kind after folding.
type namer struct {
	r    *rand.Rand
	used map[string]bool // entity ids given out
	b    strings.Builder
}

func newNamer(r *rand.Rand, n int) *namer {
	return &namer{r: r, used: make(map[string]bool, n)}
}

// word returns a capitalised word of the given number of syllables.
func (nm *namer) word(syllables int) string {
	nm.b.Reset()
	r := nm.r
	for i := range syllables {
		if i == 0 {
			nm.b.WriteString(onsets[r.IntN(len(onsets))])
		} else {
			nm.b.WriteString(innerOnsets[r.IntN(len(innerOnsets))])
		}
		if r.IntN(12) == 0 {
			nm.b.WriteString(markedVowels[r.IntN(len(markedVowels))])
		} else {
			nm.b.WriteString(vowels[r.IntN(len(vowels))])
		}
		if i == syllables-1 || r.IntN(3) == 0 {
			nm.b.WriteString(codas[r.IntN(len(codas))])
		}
	}
	return capitalize(nm.b.String())
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[size:]
}

// unique returns name, or name with a counter word appended, such that the
// id of an entity of kind k with that name is not yet taken, and takes it.
func (nm *namer) unique(k newsgraph.Kind, name string) (string, string) {
	candidate := name
	for n := 2; ; n++ {
		id := newsgraph.EntityID(k, candidate)
		if !nm.used[id] {
			nm.used[id] = true
			return candidate, id
		}
		candidate = name + " " + strconv.Itoa(n)
	}
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// Vocabulary of names and descriptions.
var (
	particles      = []string{"de", "van", "al", "da", "von", "bin"}
	orgSuffixes    = []string{"Holdings", "Party", "Bank", "Group", "Front", "Institute", "Cartel", "Times", "Foundation", "Union", "Airlines", "Energy", "Council", "Agency", "Movement", "Telecom"}
	orgPrefixes    = []string{"Ministry of", "Bank of", "University of", "Army of", "Supreme Court of", "Central Bank of", "Parliament of"}
	placeSuffixes  = []string{"", "", "", "City", "Province", "Valley", "Port", "Island", "Heights"}
	legalForms     = []string{"%s Act", "Law on %s", "%s Treaty", "%s Doctrine", "%s Convention", "Article %s", "%s Statute"}
	legalConcepts  = []string{"Foreign Terrorist Organization", "Self-Defence", "State of Emergency", "Due Process", "Sovereign Immunity", "Extradition", "Habeas Corpus", "Money Laundering", "Sanctions Regime", "War Crime", "Freedom of the Press", "Antitrust"}
	jurisdictions  = []string{"domestic law", "international law", "international humanitarian law", "EU law", "constitutional law", "criminal law"}
	eventForms     = []string{"Summit", "Protests", "Election", "Floods", "Talks", "Strike", "Trial", "Referendum", "Earthquake", "Ceasefire", "Conference", "Blockade"}
	roles          = []string{"minister", "senator", "spokesperson", "general", "governor", "judge", "chief executive", "ambassador", "mayor", "journalist", "activist", "economist"}
	claimPredicate = []string{"rigged the vote in", "smuggled weapons into", "bribed officials in", "hid losses from", "spied on", "funded militias in", "lied about the budget of", "poisoned the river near", "sold secrets to", "staged the attack on"}
	verdicts       = []newsgraph.Verdict{newsgraph.VerdictUnsupported, newsgraph.VerdictDisputed, newsgraph.VerdictFalse, newsgraph.VerdictDisputed, newsgraph.VerdictSupported, newsgraph.VerdictUnverified}
)
