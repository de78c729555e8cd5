package extract

import (
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph"
)

// index holds what the relation rules look up, so that each look-up costs
// a map access or a binary search, not a pass over the document: a long
// text stays linear in its length.
type index struct {
	// clauseToks[c] is the token range [from, to) of clause c.
	clauseToks [][2]int
	// byClause are each clause's mentions in text order.
	byClause map[int][]*mention
	byStart  map[int][]*mention
	byEnd    map[int][]*mention
	// persons are the person mentions, by end once personsSorted.
	persons       []*mention
	personsSorted bool
	// rels indexes the proposed relations by (from, type, to).
	rels map[relKey]*rel
}

type relKey struct {
	typ      string
	from, to *group
}

// newIndex indexes the document's clauses.
func newIndex(d *document) index {
	ix := index{clauseToks: make([][2]int, len(d.clauses)), byClause: map[int][]*mention{},
		byStart: map[int][]*mention{}, byEnd: map[int][]*mention{}, rels: map[relKey]*rel{}}
	for c := range ix.clauseToks {
		ix.clauseToks[c] = [2]int{len(d.toks), len(d.toks)}
	}
	for i := len(d.toks) - 1; i >= 0; i-- {
		c := d.toks[i].Clause
		if ix.clauseToks[c][1] == len(d.toks) {
			ix.clauseToks[c][1] = i + 1
		}
		ix.clauseToks[c][0] = i
	}
	return ix
}

// addMention records a mention of group g.
func (r *relater) addMention(m *mention, g *group) {
	r.byMention[m] = g
	c := r.d.toks[m.start].Clause
	list := r.ix.byClause[c]
	i := sort.Search(len(list), func(i int) bool { return mentionLess(m, list[i]) })
	r.ix.byClause[c] = slices.Insert(list, i, m)
	r.ix.byStart[m.start] = append(r.ix.byStart[m.start], m)
	r.ix.byEnd[m.end] = append(r.ix.byEnd[m.end], m)
	if g.kind == newsgraph.KindPerson {
		r.ix.persons = append(r.ix.persons, m)
		r.ix.personsSorted = false
	}
}

// clauseRange returns the token range of clause c.
func (r *relater) clauseRange(c int) (int, int) {
	if c < 0 || c >= len(r.ix.clauseToks) {
		return 0, 0
	}
	return r.ix.clauseToks[c][0], r.ix.clauseToks[c][1]
}

// tokenAt returns the index of the first token starting at or after byte
// offset at.
func (r *relater) tokenAt(at int) int {
	return sort.Search(len(r.d.toks), func(i int) bool { return r.d.toks[i].Start >= at })
}
