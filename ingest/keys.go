package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// titles are the folded honorifics, offices and modifiers that may precede a
// person's name in reporting ("President Trump", "Mr Trump", "the Mexican
// president Claudia Sheinbaum", "Secretary of State Marco Rubio"). A
// person's name is also looked up with everything up to and including a
// title removed. Multi-word titles are matched before their first word
// alone, so "secretary of state marco rubio" gives "marco rubio", not
// "of state marco rubio".
var titles = []string{
	"president", "vice president", "president elect", "prime minister", "deputy prime minister",
	"secretary", "secretary of state", "secretary of defense", "secretary of war", "secretary general",
	"security secretary", "foreign secretary", "home secretary", "press secretary",
	"senator", "sen", "representative", "rep", "congressman", "congresswoman", "speaker",
	"governor", "gov", "mayor", "minister", "foreign minister", "defense minister", "chancellor",
	"attorney general", "judge", "justice", "chief justice", "ambassador", "envoy",
	"general", "gen", "admiral", "adm", "colonel", "col", "commander", "lieutenant", "lt",
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"king", "queen", "prince", "princess", "pope", "rev", "reverend", "sheikh",
	"former", "then", "late", "acting", "incoming", "outgoing", "the",
}

// titleWords maps the first word of each title to the titles it starts,
// longest first.
var titleWords = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		w := strings.Fields(t)
		m[w[0]] = append(m[w[0]], w)
	}
	for _, list := range m {
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				if len(list[j]) > len(list[i]) {
					list[i], list[j] = list[j], list[i]
				}
			}
		}
	}
	return m
}()

// lookupKeys returns the folded strings an entity input is looked up by, in
// order of preference: its name, its aliases, and then, without the titles
// that precede them, its name and aliases again. Titles are removed for
// persons only; other kinds lose a leading "the" ("the State Department").
func lookupKeys(e *EntityInput) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		add(newsgraph.Fold(n))
	}
	for _, n := range names {
		for _, k := range untitled(newsgraph.Fold(n), e.Kind) {
			add(k)
		}
	}
	return keys
}

// untitled returns folded with the titles before a name removed: for a
// person, what follows each title in it, latest cut first; for other
// kinds, folded without a leading "the".
func untitled(folded string, kind newsgraph.Kind) []string {
	words := strings.Fields(folded)
	if kind != newsgraph.KindPerson {
		if len(words) > 1 && words[0] == "the" {
			return []string{strings.Join(words[1:], " ")}
		}
		return nil
	}
	var cuts []int
	for i := 0; i < len(words); i++ {
		for _, t := range titleWords[words[i]] {
			if i+len(t) < len(words) && equalWords(words[i:i+len(t)], t) {
				cuts = append(cuts, i+len(t))
				break
			}
		}
	}
	out := make([]string, 0, len(cuts))
	for i := len(cuts) - 1; i >= 0; i-- {
		out = append(out, strings.Join(words[cuts[i]:], " "))
	}
	return out
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// entityKeys returns the folded name and aliases of a stored entity: the
// keys an input must equal to resolve to it. Initialisms are left out on
// purpose: they help search, but "DT" must not resolve to Donald Trump.
func entityKeys(e *newsgraph.Entity) map[string]bool {
	keys := make(map[string]bool, 1+len(e.Aliases))
	keys[newsgraph.Fold(e.Name)] = true
	for _, a := range e.Aliases {
		keys[newsgraph.Fold(a)] = true
	}
	return keys
}

// withoutLeadingTitles returns name without the titles it starts with
// ("Mr. Ana Acosta" gives "Ana Acosta", "Former President Jimmy Carter"
// gives "Jimmy Carter"), keeping the spelling of the rest, or name itself
// when it starts with no title or is nothing but titles.
func withoutLeadingTitles(name string) string {
	fields := strings.Fields(name)
	k := 0
	for k < len(fields) {
		n := leadingTitle(fields[k:])
		if n == 0 {
			break
		}
		k += n
	}
	if k == 0 || k == len(fields) {
		return name
	}
	return strings.Join(fields[k:], " ")
}

// leadingTitle returns the number of fields a title at the start of fields
// spans, or 0. Each field must fold to exactly one word of the title.
func leadingTitle(fields []string) int {
	for _, t := range titleWords[newsgraph.Fold(fields[0])] {
		if len(t) > len(fields) {
			continue
		}
		ok := true
		for m, w := range t {
			ok = ok && newsgraph.Fold(fields[m]) == w
		}
		if ok {
			return len(t)
		}
	}
	return 0
}
