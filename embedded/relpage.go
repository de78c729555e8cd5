package embedded

import "github.com/newsgraph/newsgraph"

// arcPage answers a relation query that names an end (From, To or
// Involving) from the traversal view when one was built: the view lists an
// entity's relations as numbers with their types beside them, so checking
// the type of thousands of a hub's relations reads two arrays instead of
// every relation. It reports false, leaving the query to listPage, when
// the query names no end or there is no view yet.
func (ix *index) arcPage(q newsgraph.RelationQuery) (newsgraph.Page[*newsgraph.Relation], bool) {
	var page newsgraph.Page[*newsgraph.Relation]
	f := q.Filter
	a := ix.graph.built()
	if a == nil {
		return page, false
	}
	var id string
	dir := newsgraph.Both
	switch {
	case f.From != "":
		id, dir = f.From, newsgraph.Out
	case f.To != "":
		id, dir = f.To, newsgraph.In
	case f.Involving != "":
		id = f.Involving
	default:
		return page, false
	}
	page.Items = []*newsgraph.Relation{}
	n, ok := a.node[id]
	if !ok {
		return page, true
	}
	types := a.filter(newStep(dir, f.Types, newsgraph.Date{})).types
	after, _ := newsgraph.DecodeCursor(q.After)
	for _, x := range a.arcs(n, dir) {
		if types != nil && !types[a.relType[x.rel]] {
			continue
		}
		r := a.relations[x.rel]
		if !matches(f, r) {
			continue
		}
		page.TotalCount++
		switch {
		case after != "" && r.ID <= after:
		case len(page.Items) < q.First:
			page.Items = append(page.Items, r.Clone())
		default:
			page.HasNextPage = true
		}
	}
	return page, true
}
