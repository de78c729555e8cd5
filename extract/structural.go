package extract

import (
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph"
)

// possessives reads "its spokesman, Zhou Ming" as the person holding an
// office of the organisation or country the passage is about (the last
// one mentioned), and "China's Ministry of Commerce" as the organisation
// LOCATED_IN the country.
func (r *relater) possessives() {
	toks := r.d.toks
	all := r.sorted()
	for _, m := range all {
		g := r.byMention[m]
		if m.start == 0 {
			continue
		}
		switch {
		case g.kind == newsgraph.KindPerson && m.role != "" && m.start >= 3 && r.d.gap(m.start-1) == ", ":
			k := m.start - 1
			for k > 0 && !toks[k].Upper && toks[k].Fold != "its" && m.start-k < 5 {
				k--
			}
			if toks[k].Possessive {
				// "Tanzania's foreign minister, Joseph Mrema".
				for _, o := range r.ix.byEnd[k+1] {
					if og := r.byMention[o]; og.kind == newsgraph.KindOrganization || og.kind == newsgraph.KindPlace {
						r.relate("HOLDS_OFFICE", g, og, r.clauseSpan(m.start), 0.55, "possessive-title")
					}
				}
				continue
			}
			if toks[k].Fold != "its" {
				continue
			}
			var last *mention
			for j := sort.Search(len(all), func(j int) bool { return all[j].end > k }) - 1; j >= 0 && last == nil; j-- {
				if og := r.byMention[all[j]]; og.kind == newsgraph.KindOrganization || og.kind == newsgraph.KindPlace {
					last = all[j]
				}
			}
			if last != nil {
				r.relate("HOLDS_OFFICE", g, r.byMention[last], r.clauseSpan(m.start), 0.5, "its-title")
			}
		case g.kind == newsgraph.KindOrganization && toks[m.start-1].Possessive:
			for _, o := range r.ix.byEnd[m.start] {
				if og := r.byMention[o]; og.kind == newsgraph.KindPlace {
					r.relate("LOCATED_IN", g, og, r.clauseSpan(m.start), 0.6, "possessive-place")
				}
			}
		}
	}
}

// structural proposes the relations the names themselves say: an office's
// holder HOLDS_OFFICE in its country or organisation ("Mexican President
// Claudia Sheinbaum"), a person LEADS the organisation named after them
// ("Trump administration"), an organisation named after a place and a
// listed city are LOCATED_IN it.
func (r *relater) structural() {
	byKey := map[string]*group{}
	for _, g := range r.groups {
		byKey[roleKey(g.name(r.gaz))] = g
		for _, n := range g.names {
			if _, ok := byKey[roleKey(n)]; !ok {
				byKey[roleKey(n)] = g
			}
		}
	}
	ev := func(g *group) Span { return r.clauseSpan(g.mentions[0].start) }
	r.possessives()
	for _, g := range r.groups {
		for _, m := range g.mentions {
			if m.roleOf != "" {
				if typ := "HOLDS_OFFICE"; byKey[m.roleOf] != nil {
					r.relate(typ, g, byKey[m.roleOf], r.clauseSpan(m.start), 0.7, "role-of")
				}
			}
		}
		if g.leaderKey != "" {
			for _, p := range r.groups {
				if p.kind == newsgraph.KindPerson && (roleKey(p.name(r.gaz)) == g.leaderKey || p.hasSuffix(g.leaderKey, r.gaz) || slices.ContainsFunc(p.names, func(n string) bool { return newsgraph.Fold(n) == g.leaderKey })) {
					r.relate("LEADS", p, g, ev(g), 0.6, "name-org-head")
					break
				}
			}
		}
		if g.locatedIn != "" {
			r.relate("LOCATED_IN", g, byKey[roleKey(g.locatedIn)], ev(g), 0.6, "place-org-head")
		}
		if g.placeName != "" {
			if p := places().place(newsgraph.Fold(g.placeName)); p != nil && p.Country != "" {
				r.relate("LOCATED_IN", g, byKey[roleKey(p.Country)], ev(g), 0.8, "place-list-country")
			}
		}
	}
}
