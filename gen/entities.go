package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// kindShares are the proportions of the kinds among the entities, in
// newsgraph.AllKinds order; persons take the rest.
var kindShares = [6]float64{0, 0.24, 0.14, 0.05, 0.10, 0.09}

// kindIndex returns the position of k in newsgraph.AllKinds.
func kindIndex(k newsgraph.Kind) int {
	for i, v := range newsgraph.AllKinds {
		if v == k {
			return i
		}
	}
	panic("gen: unknown kind " + string(k))
}

// kindCounts splits n entities among the kinds, at least two of each.
func kindCounts(n int) [6]int {
	var counts [6]int
	others := 0
	for i := 1; i < len(counts); i++ {
		counts[i] = max(2, int(float64(n)*kindShares[i]))
		others += counts[i]
	}
	counts[0] = n - others
	return counts
}

// entityMaker fills the entities of a graph, kind by kind, so that later
// kinds can name earlier ones (a ministry of a place, a claim about a
// person).
type entityMaker struct {
	g  *graph
	r  *rand.Rand
	nm *namer
}

// makeEntities creates every entity of g.
func (g *graph) makeEntities(r *rand.Rand) {
	m := &entityMaker{g: g, r: r, nm: newNamer(r, len(g.entities))}
	for _, k := range []newsgraph.Kind{place, person, org, legal, event, claim} {
		ki := kindIndex(k)
		for rank := range g.count[ki] {
			e := &newsgraph.Entity{Kind: k}
			switch k {
			case place:
				m.place(e, rank)
			case person:
				m.person(e, rank)
			case org:
				m.org(e)
			case legal:
				m.legal(e, rank)
			case event:
				m.event(e)
			case claim:
				m.claim(e)
			}
			g.entities[g.start[ki]+rank] = e
		}
	}
}

// name sets e's name to a unique variant of name and its id.
func (m *entityMaker) name(e *newsgraph.Entity, name string) {
	e.Name, e.ID = m.nm.unique(e.Kind, name)
}

// some picks an entity of kind k by its popularity.
func (m *entityMaker) some(k newsgraph.Kind) *newsgraph.Entity {
	return m.g.entities[m.g.draw(m.r, kindIndex(k))]
}

func (m *entityMaker) place(e *newsgraph.Entity, rank int) {
	name := m.nm.word(2 + m.r.IntN(2))
	if suffix := pick(m.r, placeSuffixes); suffix != "" && rank > 0 {
		name += " " + suffix
	}
	m.name(e, name)
	switch {
	case rank == 0:
		e.Description = "A country, the most reported on."
	case m.r.IntN(4) == 0:
		e.Description = "A place in " + m.g.entities[m.g.start[kindIndex(place)]+m.r.IntN(rank)].Name + "."
	}
	if m.r.IntN(8) == 0 {
		if a := acronym(e.Name); len(a) >= 2 {
			e.Aliases = []string{a}
		} else {
			e.Aliases = []string{strings.ToUpper(e.Name)}
		}
	}
}

func (m *entityMaker) person(e *newsgraph.Entity, rank int) {
	given, family := m.nm.word(2), m.nm.word(2+m.r.IntN(2))
	if m.r.IntN(12) == 0 {
		family = pick(m.r, particles) + " " + family
	}
	m.name(e, given+" "+family)
	country := m.g.entities[m.g.start[kindIndex(place)]].Name
	switch {
	case rank == 0:
		e.Roles = []string{"President of " + country}
		e.Aliases = []string{"President " + family}
		e.Description = "Head of state of " + country + "."
		return
	case m.r.IntN(5) < 2:
		role := pick(m.r, roles)
		e.Roles = []string{role}
		e.Description = "A " + role + " from " + m.some(place).Name + "."
	}
	switch m.r.IntN(8) {
	case 0:
		e.Aliases = []string{family}
	case 1:
		e.Aliases = []string{given[:1] + ". " + family}
	}
}

func (m *entityMaker) org(e *newsgraph.Entity) {
	if m.r.IntN(5) == 0 {
		m.name(e, pick(m.r, orgPrefixes)+" "+m.some(place).Name)
	} else {
		m.name(e, m.nm.word(2+m.r.IntN(2))+" "+pick(m.r, orgSuffixes))
	}
	if m.r.IntN(10) < 3 {
		if a := acronym(e.Name); len(a) >= 2 {
			e.Aliases = []string{a}
		}
	}
	if m.r.IntN(3) == 0 {
		e.Description = "An organisation based in " + m.some(place).Name + "."
	}
}

func (m *entityMaker) legal(e *newsgraph.Entity, rank int) {
	if rank < len(legalConcepts) {
		m.name(e, legalConcepts[rank])
	} else {
		form := pick(m.r, legalForms)
		arg := m.nm.word(2 + m.r.IntN(2))
		if strings.HasPrefix(form, "Article") {
			arg = strconv.Itoa(1+m.r.IntN(300)) + " of the " + arg + " Charter"
		}
		m.name(e, strings.Replace(form, "%s", arg, 1))
	}
	e.Jurisdiction = pick(m.r, jurisdictions)
}

func (m *entityMaker) event(e *newsgraph.Entity) {
	where := m.some(place)
	form := pick(m.r, eventForms)
	day := m.g.randomDay(m.r)
	m.name(e, m.nm.word(2)+" "+form+" "+strconv.Itoa(dateOfDay(day).Year))
	e.StartDate = dateOfDay(day)
	if m.r.IntN(5) < 2 {
		e.EndDate = dateOfDay(day + 1 + m.r.IntN(20))
	}
	e.PlaceID = where.ID
	e.Description = "The " + strings.ToLower(form) + " in " + where.Name + "."
}

func (m *entityMaker) claim(e *newsgraph.Entity) {
	subject := m.some(person)
	if m.r.IntN(3) == 0 {
		subject = m.some(org)
	}
	m.name(e, subject.Name+" "+pick(m.r, claimPredicate)+" "+m.some(place).Name)
	e.ClaimText = e.Name
	e.ClaimantID = m.some(person).ID
	if m.r.IntN(10) < 7 {
		e.Verdict = pick(m.r, verdicts)
	}
	if m.r.IntN(10) < 3 {
		e.CounterEvidence = "Records published by " + m.some(org).Name + " contradict it."
	}
}

// acronym returns the capital initials of the words of name.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
