package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// group is one entity of the draft: the mentions of it the rules found.
type group struct {
	kind newsgraph.Kind
	key  string
	// id is the known entity the group is, if any.
	id       string
	mentions []*mention
	// names are the distinct names the text gives it, first seen first.
	names []string
	rule  string
	conf  float64

	roles, roleKeys      []string
	roleOf               []string
	description          string
	leaderKey, locatedIn string
	placeName            string

	// EVENT and CLAIM fields.
	date      dateExpr
	claimText string
	claimant  *group
	place     *group
	// first is the first token of its first mention, or its byte offset
	// for groups without mentions.
	first int
	// spans are where a group without token mentions (a CLAIM, the words
	// of a quotation) is in the text.
	spans []Span
}

// cluster groups mentions into entities: by known id, by folded name, a
// surname or a shorter form with the person named in full, an office with
// its holder.
func cluster(d *document, gaz *Gazetteer, ms []*mention) []*group {
	slices.SortFunc(ms, func(a, b *mention) int { return a.start - b.start })
	byKey := map[string]*group{}
	var groups []*group
	get := func(m *mention) *group {
		k := string(m.kind) + "|" + m.key
		g := byKey[k]
		if g == nil {
			g = &group{kind: m.kind, key: m.key, id: m.id, first: m.start, rule: m.rule}
			byKey[k] = g
			groups = append(groups, g)
		}
		return g
	}
	join := func(g *group, m *mention) {
		g.mentions = append(g.mentions, m)
		if m.conf > g.conf {
			g.conf, g.rule = m.conf, m.rule
		}
		if m.role != "" && !slices.Contains(g.roles, m.role) {
			g.roles = append(g.roles, m.role)
		}
		if m.roleKey != "" && !slices.Contains(g.roleKeys, m.roleKey) {
			g.roleKeys = append(g.roleKeys, m.roleKey)
		}
		if m.roleOf != "" && !slices.Contains(g.roleOf, m.roleOf) {
			g.roleOf = append(g.roleOf, m.roleOf)
		}
		g.leaderKey = cmpOr(g.leaderKey, m.leaderKey)
		g.locatedIn = cmpOr(g.locatedIn, m.locatedIn)
		g.placeName = cmpOr(g.placeName, m.placeName)
		if !m.byRole && !slices.ContainsFunc(g.names, func(n string) bool { return newsgraph.Fold(n) == newsgraph.Fold(m.name) }) {
			g.names = append(g.names, m.name)
		}
	}
	var short, byRole []*mention
	for _, m := range ms {
		switch {
		case m.byRole:
			byRole = append(byRole, m)
		case m.kind == newsgraph.KindPerson && m.id == "":
			short = append(short, m)
		default:
			join(get(m), m)
		}
	}
	// Indexes of the groups, so that each short form is a few look-ups:
	// the word-suffixes of every person's names ("sheinbaum" of "claudia
	// sheinbaum"), the first word of two-word names ("zhou" of "zhou
	// ming"), the keys of other kinds, and the role keys.
	suffixes := map[string][]*group{}
	prefixes := map[string][]*group{}
	others := map[string]*group{}
	roles := map[string]*group{}
	indexed := map[*group]int{} // names indexed so far
	index := func(g *group) {
		if g.kind != newsgraph.KindPerson {
			others[g.key] = g
			return
		}
		names := g.names[indexed[g]:]
		if indexed[g] == 0 && g.id != "" {
			if k := gaz.entity(g.id); k != nil {
				names = append(slices.Clone(names), k.Name)
			}
		}
		indexed[g] = len(g.names)
		for _, n := range names {
			words := strings.Fields(newsgraph.Fold(n))
			for i := 1; i < len(words); i++ {
				k := strings.Join(words[i:], " ")
				if !slices.Contains(suffixes[k], g) {
					suffixes[k] = append(suffixes[k], g)
				}
			}
			if len(words) == 2 && !slices.Contains(prefixes[words[0]], g) {
				prefixes[words[0]] = append(prefixes[words[0]], g)
			}
		}
		for _, rk := range g.roleKeys {
			roles[rk] = g
		}
	}
	for _, g := range groups {
		index(g)
	}
	// Longer names first, so that "Lopez Obrador" finds "Andres Manuel
	// Lopez Obrador" and "Obrador" either.
	slices.SortStableFunc(short, func(a, b *mention) int { return strings.Count(b.key, " ") - strings.Count(a.key, " ") })
	for _, m := range short {
		var best *group
		for _, g := range suffixes[m.key] {
			if best == nil || g.first < m.start && g.first > best.first {
				best = g
			}
		}
		if best == nil && !strings.Contains(m.key, " ") {
			// "Zhou" of "Zhou Ming": a family name written first.
			if list := prefixes[m.key]; len(list) > 0 {
				best = list[len(list)-1]
			}
		}
		other := others[m.key] // "Chivay said": the place named before
		switch {
		case best != nil:
			m.rule, m.conf = "short-form", 0.85
			join(best, m)
			index(best)
		case other != nil:
			m.kind = other.kind
			join(other, m)
		case !m.weak:
			g := get(m)
			join(g, m)
			index(g)
		}
	}
	for _, m := range byRole {
		holder := roles[m.roleKey]
		if holder == nil {
			if ids := gaz.holders(m.roleKey); len(ids) == 1 {
				k := gaz.entity(ids[0])
				holder = get(&mention{kind: k.Kind, key: "id:" + k.ID, id: k.ID, start: m.start, rule: "role"})
			}
		}
		if holder != nil {
			join(holder, m)
		}
	}
	// "Commission" of "European Commission", "EU" of "European Union".
	lastWord, byInitials := map[string]*group{}, map[string]*group{}
	for _, o := range groups {
		if o.kind != newsgraph.KindOrganization || len(o.mentions) == 0 || !strings.Contains(o.key, " ") {
			continue
		}
		if w := o.key[strings.LastIndexByte(o.key, ' ')+1:]; lastWord[w] == nil {
			lastWord[w] = o
		}
		if k := initials(o.key); byInitials[k] == nil {
			byInitials[k] = o
		}
	}
	for _, g := range groups {
		if g.kind != newsgraph.KindOrganization || g.id != "" || strings.Contains(g.key, " ") || len(g.mentions) == 0 {
			continue
		}
		o := lastWord[g.key]
		if o == nil && g.mentions[0].rule == "initialism" {
			o = byInitials[g.key]
		}
		if o == nil || o == g {
			continue
		}
		for _, m := range g.mentions {
			m.rule = "short-form"
			join(o, m)
		}
		g.mentions = nil
	}
	groups = slices.DeleteFunc(groups, func(g *group) bool { return len(g.mentions) == 0 })
	for _, g := range groups {
		g.first = g.mentions[0].start
		for _, m := range g.mentions {
			g.first = min(g.first, m.start)
		}
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return a.first - b.first })
	return groups
}

// initials returns the first letters of a folded name's words, connectors
// left out: "european union" gives "eu".
func initials(key string) string {
	var b strings.Builder
	for _, w := range strings.Fields(key) {
		if !connectors[w] {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// hasSuffix reports whether key is the last words of one of the group's
// names ("sheinbaum" of "claudia sheinbaum"), shorter than it.
func (g *group) hasSuffix(key string, gaz *Gazetteer) bool {
	names := slices.Clone(g.names)
	if g.id != "" {
		if k := gaz.entity(g.id); k != nil {
			names = append(names, k.Name)
		}
	}
	for _, n := range names {
		f := newsgraph.Fold(n)
		if f != key && strings.HasSuffix(f, " "+key) {
			return true
		}
	}
	return false
}

// name returns the name the draft gives the group: a known entity's own
// name, a listed place's canonical name, or the longest name of a person,
// otherwise the first.
func (g *group) name(gaz *Gazetteer) string {
	if g.id != "" {
		if k := gaz.entity(g.id); k != nil {
			return k.Name
		}
	}
	if g.placeName != "" {
		return g.placeName
	}
	if len(g.names) == 0 {
		return g.key
	}
	best := g.names[0]
	if g.kind == newsgraph.KindPerson {
		for _, n := range g.names {
			if len(strings.Fields(n)) > len(strings.Fields(best)) {
				best = n
			}
		}
	}
	return best
}

// aliases returns the group's other names: for a known entity only those it
// does not have yet.
func (g *group) aliases(gaz *Gazetteer, name string) []string {
	var out []string
	for _, n := range g.names {
		f := newsgraph.Fold(n)
		if f == newsgraph.Fold(name) {
			continue
		}
		if g.id != "" && slices.ContainsFunc(gaz.keys[f], func(e entry) bool { return e.id == g.id }) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// appositives reads "Name, a/an/the ...," after a group's first mention as
// its description, and as a role when it starts with "the" and holds a
// title ("Elena Varga, the UN special rapporteur on torture, said").
func appositives(d *document, groups []*group) {
	for _, g := range groups {
		if g.kind != newsgraph.KindPerson && g.kind != newsgraph.KindOrganization {
			continue
		}
		for _, m := range g.mentions {
			if g.description != "" || m.byRole {
				break
			}
			end := d.toks[m.end-1].End
			rest := d.text[end:]
			if !strings.HasPrefix(rest, ", ") {
				continue
			}
			rest = rest[2:]
			var art string
			for _, a := range []string{"a ", "an ", "the "} {
				if strings.HasPrefix(rest, a) {
					art = a
				}
			}
			if art == "" {
				continue
			}
			stop := strings.IndexAny(rest, ",.;:“\"()\n")
			if stop < 0 || stop > 200 {
				continue
			}
			desc := strings.TrimSpace(rest[:stop])
			if len(strings.Fields(desc)) < 2 {
				continue
			}
			g.description = upperFirst(desc)
			if art == "the " && g.kind == newsgraph.KindPerson && hasTitleWord(desc) {
				role := upperFirst(strings.TrimPrefix(desc, "the "))
				if !slices.Contains(g.roles, role) {
					g.roles = append(g.roles, role)
				}
			}
		}
	}
}

func hasTitleWord(s string) bool {
	for _, w := range strings.Fields(newsgraph.Fold(s)) {
		if titles[w] {
			return true
		}
	}
	return false
}
