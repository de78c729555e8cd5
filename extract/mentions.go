package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// mention is a span of tokens [start, end) that names an entity, as one
// rule found it.
type mention struct {
	start, end int
	kind       newsgraph.Kind
	// name is the name the text gives, a verbatim span; key is the folded
	// name mentions of one entity share.
	name, key string
	// id is the known entity the mention matched, if any.
	id   string
	rule string
	conf float64
	// weak: a lone capitalised word with no cue; kept only if it is the
	// surname of a person named in full, or a speaker.
	weak bool
	// role is an office the text gives a person ("President"), roleOf the
	// key of the place or organisation it is an office of, and roleKey
	// the role index key ("president of mexico").
	role, roleOf, roleKey string
	// byRole: the mention names no one but an office ("Mexico's president").
	byRole bool
	// leaderKey is the key of the person an organisation is named after
	// ("Trump administration"); locatedIn the key of the place it is of.
	leaderKey, locatedIn string
	// placeName is the canonical name in the place list, for places.
	placeName string
}

// spotter finds the mentions of one document.
type spotter struct {
	d        *document
	gaz      *Gazetteer
	pl       *placeIndex
	used     []bool
	mentions []*mention
}

// spot runs the mention rules in order of reliability: known entities,
// listed places, organisations named from a place or demonym, offices
// standing for their holder, then capitalised names.
func spot(d *document, gaz *Gazetteer) []*mention {
	s := &spotter{d: d, gaz: gaz, pl: places(), used: make([]bool, len(d.toks))}
	s.known()
	s.places()
	s.demonymOrgs()
	s.roles()
	s.names()
	return s.mentions
}

func (s *spotter) text(start, end int) string {
	return s.d.text[s.d.toks[start].Start:s.d.toks[end-1].End]
}

func (s *spotter) fold(start, end int) string {
	parts := make([]string, 0, end-start)
	for _, t := range s.d.toks[start:end] {
		parts = append(parts, t.Fold)
	}
	return strings.Join(parts, " ")
}

func (s *spotter) free(start, end int) bool {
	for i := start; i < end; i++ {
		if s.used[i] {
			return false
		}
	}
	return true
}

func (s *spotter) add(m *mention) *mention {
	for i := m.start; i < m.end; i++ {
		s.used[i] = true
	}
	if m.name == "" {
		m.name = s.text(m.start, m.end)
	}
	if m.key == "" {
		m.key = newsgraph.Fold(m.name)
	}
	s.mentions = append(s.mentions, m)
	return m
}

// joined reports whether tokens i and i+1 are separated by one space or a
// hyphen only, within a sentence.
func (s *spotter) joined(i int) bool {
	if i+1 >= len(s.d.toks) || s.d.toks[i].Sentence != s.d.toks[i+1].Sentence || s.d.toks[i].Possessive {
		return false
	}
	g := s.d.gap(i)
	if (g == "’ " || g == "' ") && strings.HasSuffix(s.d.toks[i].Fold, "s") && s.d.toks[i+1].Upper {
		return true
	}
	return g == " " || g == "-" || g == "–"
}

// known spots the entities of the graph.
func (s *spotter) known() {
	for _, m := range s.gaz.find(s.d.toks) {
		e := m.best()
		rule, conf := "gazetteer-alias", 0.9
		if e.byName {
			rule, conf = "gazetteer-name", 0.95
		}
		k := s.gaz.entity(e.id)
		mm := s.add(&mention{start: m.start, end: m.end, kind: e.kind, id: e.id, key: "id:" + e.id, rule: rule, conf: conf})
		if k.Kind == newsgraph.KindPlace {
			s.orgHead(mm, newsgraph.Fold(k.Name))
		}
	}
}

// places spots the bundled list's places. A listed name followed by another
// capitalised word is left to the name rules ("US Centers for Disease
// Control", "Texas Rangers"), as is one inside "X of Mexico".
func (s *spotter) places() {
	toks := s.d.toks
	for _, m := range s.pl.gaz.find(toks) {
		if !s.free(m.start, m.end) {
			continue
		}
		if m.end < len(toks) && toks[m.end].Upper && s.joined(m.end-1) && !s.used[m.end] && !titles[toks[m.end].Fold] {
			continue
		}
		if m.start >= 2 && (toks[m.start-1].Fold == "of" || toks[m.start-1].Fold == "de") && toks[m.start-2].Upper && orgWords[toks[m.start-2].Fold] {
			continue
		}
		p := s.pl.byID[m.best().id]
		if k := m.start - 1; k >= 0 && toks[k].Upper && compass[toks[k].Fold] && !s.used[k] && s.joined(k) {
			// "East Africa", "South Sudan" unlisted: a place of its own.
			s.add(&mention{start: k, end: m.end, kind: newsgraph.KindPlace, rule: "compass-place", conf: 0.75})
			continue
		}
		mm := s.add(&mention{start: m.start, end: m.end, kind: newsgraph.KindPlace, key: newsgraph.Fold(p.Name), placeName: p.Name, rule: "place-list", conf: 0.9})
		s.orgHead(mm, newsgraph.Fold(p.Name))
	}
}

// orgHeadAt returns the number of tokens of an organisation head noun at i
// ("military", "special forces"), or 0.
func (s *spotter) orgHeadAt(i int) int {
	toks := s.d.toks
	for n := 2; n >= 1; n-- {
		if i+n > len(toks) || !s.free(i, i+n) || !s.joined(i-1) || (n == 2 && !s.joined(i)) {
			continue
		}
		if orgHeads[s.fold(i, i+n)] {
			return n
		}
	}
	return 0
}

// orgHead turns a place mention followed by an organisation head ("US
// military") into that organisation, located in the place.
func (s *spotter) orgHead(m *mention, placeKey string) {
	if m.end >= len(s.d.toks) || s.d.toks[m.end-1].Possessive {
		return
	}
	n := s.orgHeadAt(m.end)
	if n == 0 {
		return
	}
	head := s.fold(m.end, m.end+n)
	for i := m.end; i < m.end+n; i++ {
		s.used[i] = true
	}
	m.end += n
	m.name = s.text(m.start, m.end)
	m.key = placeKey + " " + head
	m.kind, m.id, m.locatedIn, m.placeName = newsgraph.KindOrganization, "", placeKey, ""
	m.rule, m.conf = "place-org-head", 0.75
	if g := s.gaz.keys[m.key]; len(g) > 0 {
		m.id, m.key, m.rule, m.conf = g[0].id, "id:"+g[0].id, "gazetteer-alias", 0.9
	}
}

// demonymOrgs spots organisations named by a demonym and a head noun
// ("Mexican government", "Latin American cartels").
func (s *spotter) demonymOrgs() {
	for i := 0; i < len(s.d.toks); i++ {
		if s.used[i] {
			continue
		}
		p, n := s.pl.demonymAt(s.d.toks, i)
		if p == nil || !s.free(i, i+n) {
			continue
		}
		h := s.orgHeadAt(i + n)
		if h == 0 {
			continue
		}
		placeKey := newsgraph.Fold(p.Name)
		key := placeKey + " " + s.fold(i+n, i+n+h)
		m := &mention{start: i, end: i + n + h, kind: newsgraph.KindOrganization, key: key, locatedIn: placeKey, rule: "demonym-org-head", conf: 0.7}
		if g := s.gaz.keys[s.fold(i, i+n+h)]; len(g) > 0 {
			m.id, m.key, m.rule, m.conf = g[0].id, "id:"+g[0].id, "gazetteer-alias", 0.9
		}
		s.add(m)
		i = m.end - 1
	}
}

// titleAt returns the number of tokens of the longest title at i (at most
// three words, joined by spaces), or 0.
func (s *spotter) titleAt(i int) int {
	for n := 3; n >= 1; n-- {
		if i+n > len(s.d.toks) {
			continue
		}
		ok := true
		for j := i; j < i+n-1; j++ {
			if !s.joined(j) {
				ok = false
			}
		}
		if ok && titles[s.fold(i, i+n)] {
			return n
		}
	}
	return 0
}

// roles spots offices that stand for their holder: "Mexico's president",
// "the Mexican president", "the US president" (with no name after).
func (s *spotter) roles() {
	toks := s.d.toks
	placeAt := map[int]*mention{}
	for _, m := range s.mentions {
		if m.kind == newsgraph.KindPlace {
			placeAt[m.end] = m
		}
	}
	for i := 0; i < len(toks); i++ {
		if s.used[i] {
			continue
		}
		var of string
		start := i
		if p := placeAt[i]; p != nil && (toks[i-1].Possessive || s.joined(i-1)) {
			of = s.placeKeyOf(p)
		} else if pl, n := s.pl.demonymAt(toks, i); pl != nil && s.free(i, i+n) && s.joined(i+n-1) {
			of, start = newsgraph.Fold(pl.Name), i+n
		}
		if of == "" {
			continue
		}
		n := s.titleAt(start)
		if n == 0 || start+n < len(toks) && toks[start+n].Upper && s.joined(start+n-1) {
			continue // a name follows: the name rules read the title
		}
		if !s.free(i, start+n) {
			continue
		}
		title := s.fold(start, start+n)
		s.add(&mention{start: i, end: start + n, kind: newsgraph.KindPerson, byRole: true,
			roleKey: title + " of " + strings.TrimPrefix(of, "the "), rule: "role", conf: 0.7})
		i = start + n - 1
	}
}

// placeKeyOf returns the role key part of a place mention: its canonical
// name, folded.
func (s *spotter) placeKeyOf(p *mention) string {
	if p.id != "" {
		if k := s.gaz.entity(p.id); k != nil {
			return roleKey(k.Name)
		}
	}
	if p.placeName != "" {
		return roleKey(p.placeName)
	}
	return p.key
}
