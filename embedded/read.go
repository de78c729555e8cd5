package embedded

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// EntitiesByID returns the entities with the given ids that exist, keyed
// by the requested id; an id merged away maps to its survivor.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	var found []*newsgraph.Entity
	var keys []string
	err := s.read(ctx, func(ix *index) error {
		for _, id := range ids {
			if e := ix.entities[ix.resolve(id)]; e != nil {
				found = append(found, e)
				keys = append(keys, id)
			}
		}
		cloneEntities(found)
		return nil
	})
	out := make(map[string]*newsgraph.Entity, len(found))
	for i, e := range found {
		out[keys[i]] = e
	}
	return out, err
}

// Entities returns a page of entities in ascending id order.
func (s *Store) Entities(ctx context.Context, q newsgraph.EntityQuery) (newsgraph.Page[*newsgraph.Entity], error) {
	var page newsgraph.Page[*newsgraph.Entity]
	if err := q.Validate(); err != nil {
		return page, err
	}
	after, _ := newsgraph.DecodeCursor(q.After)
	err := s.read(ctx, func(ix *index) error {
		var ids []string
		if len(q.Kinds) == 0 {
			page.TotalCount = len(ix.entityIDs)
			start := searchAfter(ix.entityIDs, after)
			ids = ix.entityIDs[start:min(len(ix.entityIDs), start+q.First+1)]
		} else {
			// Take up to First+1 ids after the cursor from each kind's list
			// and merge them: the First+1 smallest are among them.
			kinds := slices.Clone(q.Kinds)
			slices.Sort(kinds)
			for _, k := range slices.Compact(kinds) {
				list := ix.kindIDs[k]
				page.TotalCount += len(list)
				start := searchAfter(list, after)
				ids = append(ids, list[start:min(len(list), start+q.First+1)]...)
			}
			slices.Sort(ids)
		}
		if len(ids) > q.First {
			page.HasNextPage = true
			ids = ids[:q.First]
		}
		page.Items = make([]*newsgraph.Entity, 0, len(ids))
		for _, id := range ids {
			page.Items = append(page.Items, ix.entities[id].Clone())
		}
		return nil
	})
	return page, err
}

// DocumentsByID returns the documents with the given ids that exist.
func (s *Store) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	out := make(map[string]*newsgraph.Document, len(ids))
	err := s.read(ctx, func(ix *index) error {
		for _, id := range ids {
			if d := ix.documents[id]; d != nil {
				out[id] = d.Clone()
			}
		}
		return nil
	})
	return out, err
}

// Documents returns a page of documents in ascending id order.
func (s *Store) Documents(ctx context.Context, q newsgraph.DocumentQuery) (newsgraph.Page[*newsgraph.Document], error) {
	var page newsgraph.Page[*newsgraph.Document]
	if err := q.Validate(); err != nil {
		return page, err
	}
	after, _ := newsgraph.DecodeCursor(q.After)
	err := s.read(ctx, func(ix *index) error {
		page.TotalCount = len(ix.documentIDs)
		start := searchAfter(ix.documentIDs, after)
		ids := ix.documentIDs[start:min(len(ix.documentIDs), start+q.First+1)]
		if len(ids) > q.First {
			page.HasNextPage = true
			ids = ids[:q.First]
		}
		page.Items = make([]*newsgraph.Document, 0, len(ids))
		for _, id := range ids {
			page.Items = append(page.Items, ix.documents[id].Clone())
		}
		return nil
	})
	return page, err
}

// RelationsByID returns the relations with the given ids that exist.
func (s *Store) RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error) {
	out := make(map[string]*newsgraph.Relation, len(ids))
	err := s.read(ctx, func(ix *index) error {
		for _, id := range ids {
			if r := ix.relation(id); r != nil {
				out[id] = r.Clone()
			}
		}
		return nil
	})
	return out, err
}

// Relations answers each query with a page of matching relations in
// ascending id order.
func (s *Store) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	pages := make([]newsgraph.Page[*newsgraph.Relation], len(qs))
	err := s.read(ctx, func(ix *index) error {
		for i, q := range qs {
			pages[i] = ix.relationPage(q)
		}
		return nil
	})
	return pages, err
}

// relationPage answers one validated query: from an end's arcs in the
// traversal view (arcPage) when the filter has more to check than the end,
// whose list would otherwise be read relation by relation; otherwise from
// the index's sorted lists (listPage), which are then exactly the matches.
// The two answer alike; a test pages both to the end on every filter shape
// and compares them.
func (ix *index) relationPage(q newsgraph.RelationQuery) newsgraph.Page[*newsgraph.Relation] {
	if filterFields(q.Filter) > 1 || !q.Filter.AsOf.IsZero() {
		if page, ok := ix.arcPage(q); ok {
			return page
		}
	}
	return ix.listPage(q)
}

// listPage answers one validated query from the most selective lists its
// filter allows, merged in ascending id order from the cursor on, so that
// a page costs about its own size when the lists are exactly the matching
// relations, and one pass over them otherwise.
func (ix *index) listPage(q newsgraph.RelationQuery) newsgraph.Page[*newsgraph.Relation] {
	f := q.Filter
	lists, involving := ix.candidateLists(f)
	exact := filterFields(f) <= 1 && f.AsOf.IsZero()
	var page newsgraph.Page[*newsgraph.Relation]
	page.Items = []*newsgraph.Relation{}
	if involving {
		// A self-loop is in both of the lists: count it once.
		for _, s := range lists[1] {
			if r := ix.rels[s]; r.From != r.To && (exact || matches(f, r)) {
				page.TotalCount++
			}
		}
		for _, s := range lists[0] {
			if exact || matches(f, ix.rels[s]) {
				page.TotalCount++
			}
		}
	} else {
		for _, list := range lists {
			if exact {
				page.TotalCount += len(list)
				continue
			}
			for _, s := range list {
				if matches(f, ix.rels[s]) {
					page.TotalCount++
				}
			}
		}
	}
	after, _ := newsgraph.DecodeCursor(q.After)
	for i, list := range lists {
		lists[i] = list[ix.slotsAfter(list, after):]
	}
	for {
		r := ix.nextSmallest(lists)
		if r == nil {
			return page
		}
		if !exact && !matches(f, r) {
			continue
		}
		if len(page.Items) == q.First {
			page.HasNextPage = true
			return page
		}
		page.Items = append(page.Items, r.Clone())
	}
}

// candidateLists returns lists of relation slots sorted by id, disjoint
// but for self-loops under involving, whose union holds every relation f
// matches: the one list of its most selective field, or one per type, or,
// for an entity's relations (involving), the relations from it and those
// to it, which share its self-loops.
func (ix *index) candidateLists(f newsgraph.RelationFilter) (lists [][]int32, involving bool) {
	switch {
	case f.From != "":
		return [][]int32{ix.sorted(ix.out[f.From])}, false
	case f.To != "":
		return [][]int32{ix.sorted(ix.in[f.To])}, false
	case f.Involving != "":
		return [][]int32{ix.sorted(ix.out[f.Involving]), ix.sorted(ix.in[f.Involving])}, true
	case f.DocumentID != "":
		return [][]int32{ix.sorted(ix.byDocument[f.DocumentID])}, false
	case len(f.Types) > 0:
		types := slices.Clone(f.Types)
		slices.Sort(types)
		for _, t := range slices.Compact(types) {
			lists = append(lists, ix.sorted(ix.byType[t]))
		}
		return lists, false
	}
	return [][]int32{ix.sorted(ix.relationList)}, false
}

// nextSmallest removes and returns the relation with the smallest id at
// the head of the lists, from every list it heads, or nil when they are
// all empty.
func (ix *index) nextSmallest(lists [][]int32) *newsgraph.Relation {
	best := -1
	for i, list := range lists {
		if len(list) > 0 && (best < 0 || ix.rels[list[0]].ID < ix.rels[lists[best][0]].ID) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	s := lists[best][0]
	for i, list := range lists {
		if len(list) > 0 && list[0] == s {
			lists[i] = list[1:]
		}
	}
	return ix.rels[s]
}

// involving returns the relations with id at either end, in ascending id
// order, a self-loop once.
func (ix *index) involving(id string) []*newsgraph.Relation {
	merged := mergeSorted(ix.sorted(ix.out[id]), ix.sorted(ix.in[id]), ix.cmpSlots)
	rels := make([]*newsgraph.Relation, 0, len(merged))
	for i, s := range merged {
		if i == 0 || s != merged[i-1] {
			rels = append(rels, ix.rels[s])
		}
	}
	return rels
}

// filterFields counts the fields of f that are set, AsOf aside: no list
// holds the relations valid on a date.
func filterFields(f newsgraph.RelationFilter) int {
	n := 0
	for _, set := range []bool{len(f.Types) > 0, f.From != "", f.To != "", f.Involving != "", f.DocumentID != ""} {
		if set {
			n++
		}
	}
	return n
}

// matches reports whether r satisfies every field of f that is set.
func matches(f newsgraph.RelationFilter, r *newsgraph.Relation) bool {
	switch {
	case len(f.Types) > 0 && !slices.Contains(f.Types, r.Type),
		f.From != "" && r.From != f.From,
		f.To != "" && r.To != f.To,
		f.Involving != "" && r.From != f.Involving && r.To != f.Involving,
		!f.AsOf.IsZero() && !r.ValidOn(f.AsOf):
		return false
	case f.DocumentID != "":
		return slices.ContainsFunc(r.Evidence, func(ev newsgraph.Evidence) bool { return ev.DocumentID == f.DocumentID })
	}
	return true
}

// RelationTypes returns every relation type with its count, by count
// descending, then type ascending.
func (s *Store) RelationTypes(ctx context.Context) ([]newsgraph.TypeCount, error) {
	var types []newsgraph.TypeCount
	err := s.read(ctx, func(ix *index) error {
		for t, list := range ix.byType {
			types = append(types, newsgraph.TypeCount{Type: t, Count: list.len()})
		}
		return nil
	})
	slices.SortFunc(types, func(a, b newsgraph.TypeCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Type, b.Type)
	})
	return types, err
}

// Stats counts entities, relations and documents.
func (s *Store) Stats(ctx context.Context) (newsgraph.Stats, error) {
	var st newsgraph.Stats
	err := s.read(ctx, func(ix *index) error {
		st.Entities = len(ix.entities)
		st.Relations = len(ix.relations)
		st.Documents = len(ix.documents)
		for _, k := range newsgraph.AllKinds {
			st.ByKind = append(st.ByKind, newsgraph.KindCount{Kind: k, Count: len(ix.kindIDs[k])})
		}
		return nil
	})
	return st, err
}
