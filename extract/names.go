package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// names spots capitalised names the other rules left: runs of capitalised
// words, joined by connectors, read for titles, organisation words and
// person cues.
func (s *spotter) names() {
	toks := s.d.toks
	for i := 0; i < len(toks); i++ {
		if s.used[i] || !toks[i].Upper {
			continue
		}
		j := i + 1
		for j < len(toks) && !s.used[j] && s.joined(j-1) {
			switch {
			case toks[j].Upper:
				j++
				continue
			case connectors[toks[j].Fold] && j+1 < len(toks) && toks[j+1].Upper && !s.used[j+1] && s.joined(j) && !dateWords[toks[j+1].Fold]:
				j += 2
				continue
			}
			break
		}
		s.chunk(i, j)
		i = j - 1
	}
}

// chunk reads the capitalised run [i, j).
func (s *spotter) chunk(i, j int) {
	toks := s.d.toks
	// Leading words that are not part of a name.
	org := s.hasOrgWord(i, j)
	for i < j && (stop(toks[i]) || adjectives[toks[i].Fold] && i+1 < j && !org) {
		i++
	}
	for j > i && connectors[toks[j-1].Fold] {
		j--
	}
	if i >= j {
		return
	}
	// "Trump and FIFA President Gianni Infantino": two names, unless an
	// organisation word holds them together ("Centers for Disease Control
	// and Prevention").
	if !s.hasOrgWord(i, j) {
		for k := i + 1; k < j-1; k++ {
			if toks[k].Fold == "and" {
				s.chunk(i, k)
				s.chunk(k+1, j)
				return
			}
		}
	}
	// A title inside the run: qualifier, title, name ("FIFA President
	// Gianni Infantino", "Mexican President Claudia Sheinbaum").
	for p := i; p < j; p++ {
		n := s.titleAt(p)
		if n > 0 && p+n == j && j < len(toks) && s.used[j] && s.joined(j-1) {
			// "Mexican President" before a known "Claudia Sheinbaum".
			for _, m := range s.mentions {
				if m.start == j && m.kind == newsgraph.KindPerson {
					s.titled(i, p, j, j, m)
					return
				}
			}
		}
		if n == 0 || p+n >= j || !toks[p+n].Upper {
			continue
		}
		s.titled(i, p, p+n, j, nil)
		return
	}
	s.plain(i, j, "")
}

func (s *spotter) hasOrgWord(i, j int) bool {
	for k, t := range s.d.toks[i:j] {
		if orgWords[t.Fold] || k > 0 && trailingOrgWords[t.Fold] {
			return true
		}
	}
	return false
}

// stop reports whether token t is a word that starts no name: a function
// word (unless in capitals: "US" is not "us"), a date word, a modifier.
func stop(t token) bool {
	return leadingStop[t.Fold] && !t.Caps || dateWords[t.Fold] || titleModifiers[t.Fold] || connectors[t.Fold]
}

// titled reads qualifier [i, p), title [p, q) and name [q, j), or gives
// the role to m, the mention of the name, when it has one already.
func (s *spotter) titled(i, p, q, j int, m *mention) {
	toks := s.d.toks
	role := s.text(p, q)
	var of, ofName string
	if i < p {
		if pl, n := s.pl.demonymAt(toks, i); pl != nil && i+n == p {
			of, ofName = roleKey(pl.Name), pl.Name
		} else if pm := s.place(i, p); pm != "" {
			of, ofName = pm, s.text(i, p)
		} else if hasUpperOnly(toks[i:p]) && (toks[i].Caps || s.hasOrgWord(i, p) || p-i > 1) {
			org := s.add(&mention{start: i, end: p, kind: newsgraph.KindOrganization, rule: "qualifier-org", conf: 0.7})
			of, ofName = org.key, org.name
		}
	} else if i > 0 && s.joined(i-1) && s.used[i-1] {
		// The qualifier is a mention already ("FIFA" known, then "President").
		for _, m := range s.mentions {
			if m.end == i && (m.kind == newsgraph.KindOrganization || m.kind == newsgraph.KindPlace) {
				of, ofName = s.placeKeyOf(m), m.name
			}
		}
	}
	if of != "" {
		role = upperFirst(role) + " of " + ofName
	} else if i < p {
		role = s.text(i, q) // "Health Minister"
	}
	if m == nil {
		m = s.person(q, j, "title", 0.85)
	}
	if m != nil && honorifics[s.fold(p, q)] {
		m.role = ""
	} else if m != nil {
		m.role, m.roleOf = upperFirst(role), of
		if of != "" {
			m.roleKey = s.fold(p, q) + " of " + of
		}
	}
}

// place returns the role key of a listed place that tokens [i, j) name
// exactly, adding the place mention, or "".
func (s *spotter) place(i, j int) string {
	p := s.pl.place(s.fold(i, j))
	if p == nil {
		return ""
	}
	s.add(&mention{start: i, end: j, kind: newsgraph.KindPlace, key: newsgraph.Fold(p.Name), placeName: p.Name, rule: "place-list", conf: 0.9})
	return roleKey(p.Name)
}

func hasUpperOnly(toks []token) bool {
	for _, t := range toks {
		if !t.Upper {
			return false
		}
	}
	return len(toks) > 0
}

func upperFirst(s string) string {
	r, w := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[w:]
}

// person adds a person named by tokens [i, j), split at "and" into several.
func (s *spotter) person(i, j int, rule string, conf float64) *mention {
	for k := i; k < j; k++ {
		if s.d.toks[k].Fold == "and" {
			s.person(k+1, j, rule, conf)
			j = k
			break
		}
	}
	if i >= j || s.nameless(i, j) {
		return nil
	}
	return s.add(&mention{start: i, end: j, kind: newsgraph.KindPerson, rule: rule, conf: conf})
}

// nameless reports whether tokens [i, j) are only words that name nothing.
func (s *spotter) nameless(i, j int) bool {
	for _, t := range s.d.toks[i:j] {
		if !(stop(t) || adjectives[t.Fold] || notNames[t.Fold]) {
			if _, n := s.pl.demonymAt(s.d.toks, i); n == j-i {
				return true
			}
			return false
		}
	}
	return true
}

// plain reads a capitalised run with no title inside.
func (s *spotter) plain(i, j int, _ string) {
	toks := s.d.toks
	if s.nameless(i, j) {
		return
	}
	org := s.hasOrgWord(i, j)
	if !org && j-i > 1 {
		// "Sheinbaum and Trump": two names.
		for k := i + 1; k < j-1; k++ {
			if toks[k].Fold == "and" {
				s.plain(i, k, "")
				s.plain(k+1, j, "")
				return
			}
		}
	}
	// A person or place followed by an organisation head: "Trump
	// administration".
	if h := s.orgHeadAt(j); h > 0 && !org && !toks[j-1].Possessive && !(j-i == 1 && s.d.sentenceInitial(i)) {
		m := s.add(&mention{start: i, end: j + h, kind: newsgraph.KindOrganization, leaderKey: s.fold(i, j), rule: "name-org-head", conf: 0.7})
		if g := s.gaz.keys[m.key]; len(g) > 0 {
			m.id, m.key, m.rule, m.conf = g[0].id, "id:"+g[0].id, "gazetteer-alias", 0.9
		}
		return
	}
	if !org && j < len(toks) && !s.used[j] && !toks[j].Upper && orgCues[toks[j].Fold] && s.joined(j-1) && !toks[j-1].Possessive {
		s.add(&mention{start: i, end: j, kind: newsgraph.KindOrganization, rule: "org-cue", conf: 0.7})
		return
	}
	switch {
	case s.placeCue(i, j):
		s.add(&mention{start: i, end: j, kind: newsgraph.KindPlace, rule: "place-word", conf: 0.7})
	case org:
		s.add(&mention{start: i, end: j, kind: newsgraph.KindOrganization, rule: "org-word", conf: 0.8})
	case j-i == 1 && toks[i].Caps:
		s.add(&mention{start: i, end: j, kind: newsgraph.KindOrganization, rule: "initialism", conf: 0.6})
	case s.titleBefore(i) != "":
		m := s.add(&mention{start: i, end: j, kind: newsgraph.KindPerson, rule: "title", conf: 0.85})
		if t := s.titleBefore(i); !honorifics[newsgraph.Fold(t)] {
			m.role = upperFirst(t)
		}
	case j-i >= 2 && j-i <= 4:
		s.add(&mention{start: i, end: j, kind: newsgraph.KindPerson, rule: "capitalised-name", conf: 0.7})
	case j-i == 1:
		m := s.add(&mention{start: i, end: j, kind: newsgraph.KindPerson, rule: "speaker", conf: 0.6})
		m.weak = !s.speaker(i, j)
	}
}

// placeCue reports whether tokens [i, j) name a place by a place word
// ("Colca Valley"), after "the town of", or, for a lone word with no other
// cue, after "in", "at", "near" or "from" ("in Chivay").
func (s *spotter) placeCue(i, j int) bool {
	toks := s.d.toks
	for _, t := range toks[i:j] {
		if placeWords[t.Fold] && !orgWords[t.Fold] {
			return !s.hasOrgWord(i, j)
		}
	}
	if i >= 2 && toks[i-1].Fold == "of" && placeNouns[toks[i-2].Fold] && !toks[i-2].Upper {
		return true
	}
	if j-i == 1 && i >= 1 && !s.d.sentenceInitial(i) && !toks[i].Caps && !s.speaker(i, j) && s.titleBefore(i) == "" {
		switch toks[i-1].Fold {
		case "in", "at", "near", "from":
			return true
		}
	}
	return false
}

// titleBefore returns the title (with its modifiers) that stands just
// before token i in lower case ("presidential candidate Ron DeSantis",
// "secretary of state, Marco Rubio"), or "".
func (s *spotter) titleBefore(i int) string {
	toks := s.d.toks
	for n := 3; n >= 1; n-- {
		p := i - n
		if p < 0 || toks[p].Upper || toks[p].Sentence != toks[i].Sentence || s.used[p] {
			continue
		}
		if s.titleAt(p) != n {
			continue
		}
		g := s.d.gap(i - 1)
		if g != " " && g != ", " {
			continue
		}
		for p > 0 && titleModifiers[toks[p-1].Fold] && !toks[p-1].Upper && s.joined(p-1) {
			p--
		}
		if titleModifiers[toks[p].Fold] && (toks[p].Fold == "then" || toks[p].Fold == "former" || toks[p].Fold == "late") && p+1 < i-n+1 {
			p++
		}
		return s.text(p, i)
	}
	return ""
}

// speaker reports whether a speech verb follows or precedes tokens [i, j).
func (s *spotter) speaker(i, j int) bool {
	toks := s.d.toks
	return j < len(toks) && speechVerbs[toks[j].Fold] && toks[j].Sentence == toks[i].Sentence ||
		i > 0 && speechVerbs[toks[i-1].Fold] && toks[i-1].Sentence == toks[i].Sentence
}
