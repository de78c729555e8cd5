package embedded

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// TestRelationPagesAnswerAlikeFromArcsAndFromLists pages every relation
// filter shape to its end twice, through the traversal view's arcs
// (arcPage) and through the index's sorted lists (listPage), at several
// page sizes, and requires both to return exactly the relations a scan of
// the whole graph matches, in ascending id order, with the same total
// counts. The store has two implementations of one page for speed; this
// keeps them one behaviour.
func TestRelationPagesAnswerAlikeFromArcsAndFromLists(t *testing.T) {
	ctx := context.Background()
	cfg := gen.Config{Entities: 400, Relations: 4000, Seed: 7}
	g, err := gen.Graph(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Upsert(ctx, *g); err != nil {
		t.Fatal(err)
	}
	// A self-loop, counted once under Involving.
	hub := gen.Hubs(cfg, 1)[0]
	loop := &newsgraph.Relation{ID: newsgraph.RelationID(hub, "CRITICISES", hub), From: hub, To: hub, Type: "CRITICISES",
		Evidence: []newsgraph.Evidence{{Quote: g.Documents[0].Text[:20], DocumentID: g.Documents[0].ID}}}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{loop}}); err != nil {
		t.Fatal(err)
	}
	ix := s.idx
	if ix.adjacency() == nil {
		t.Fatal("no traversal view")
	}

	all := slices.Clone(ix.rels)
	all = slices.DeleteFunc(all, func(r *newsgraph.Relation) bool { return r == nil })
	slices.SortFunc(all, newsgraph.CompareRelationIDs)
	someType, otherType := all[0].Type, all[len(all)-1].Type
	var dated *newsgraph.Relation
	for _, r := range all {
		if !r.ValidFrom.IsZero() {
			dated = r
			break
		}
	}
	if dated == nil {
		t.Fatal("the generated graph has no dated relation")
	}
	quiet := all[len(all)/2].To
	filters := map[string]newsgraph.RelationFilter{
		"from":                     {From: hub},
		"to":                       {To: hub},
		"involving, with the loop": {Involving: hub},
		"involving a quiet entity": {Involving: quiet},
		"from, one type":           {From: hub, Types: []string{someType}},
		"to, two types":            {To: quiet, Types: []string{someType, otherType}},
		"involving, one type":      {Involving: hub, Types: []string{"CRITICISES"}},
		"from and to":              {From: hub, To: hub},
		"from, document":           {From: hub, DocumentID: g.Documents[0].ID},
		"involving, as of":         {Involving: dated.From, AsOf: dated.ValidFrom},
		"from, type, as of":        {From: dated.From, Types: []string{dated.Type}, AsOf: dated.ValidFrom},
		"absent entity":            {Involving: "person:nobody-at-all"},
		"unknown type":             {Involving: hub, Types: []string{"NEVER_USED"}},
	}
	checked := 0
	for name, f := range filters {
		var want []string
		for _, r := range all {
			if matches(f, r) {
				want = append(want, r.ID)
			}
		}
		for _, first := range []int{1, 7, newsgraph.MaxPageSize} {
			t.Run(fmt.Sprintf("%s/first=%d", name, first), func(t *testing.T) {
				arcs := pageToEnd(t, func(q newsgraph.RelationQuery) newsgraph.Page[*newsgraph.Relation] {
					page, ok := ix.arcPage(q)
					if !ok {
						t.Fatalf("arcPage declined %+v, a filter with an end", q.Filter)
					}
					return page
				}, f, first)
				lists := pageToEnd(t, ix.listPage, f, first)
				if !slices.Equal(arcs, want) {
					t.Errorf("from arcs: %d relations, want the %d a scan matches (first differs at %d)", len(arcs), len(want), firstDifference(arcs, want))
				}
				if !slices.Equal(lists, want) {
					t.Errorf("from lists: %d relations, want the %d a scan matches (first differs at %d)", len(lists), len(want), firstDifference(lists, want))
				}
			})
			checked++
		}
	}
	if checked != 3*len(filters) {
		t.Fatalf("checked %d pagings", checked)
	}
}

// pageToEnd follows the cursors of page from the start until the last
// page and returns the relation ids in the order given, checking on the
// way that every page states the same total count, no page is longer than
// first, and only the last page says there is no next one.
func pageToEnd(t *testing.T, page func(newsgraph.RelationQuery) newsgraph.Page[*newsgraph.Relation], f newsgraph.RelationFilter, first int) []string {
	t.Helper()
	var ids []string
	total := -1
	q := newsgraph.RelationQuery{Filter: f, First: first}
	for range 100_000 {
		p := page(q)
		if total >= 0 && p.TotalCount != total {
			t.Fatalf("total count changed from %d to %d between pages", total, p.TotalCount)
		}
		total = p.TotalCount
		if len(p.Items) > first {
			t.Fatalf("a page of %d items, asked for %d", len(p.Items), first)
		}
		for _, r := range p.Items {
			ids = append(ids, r.ID)
		}
		if !p.HasNextPage {
			if len(ids) != total {
				t.Fatalf("paged %d relations, the total count says %d", len(ids), total)
			}
			return ids
		}
		if len(p.Items) == 0 {
			t.Fatal("an empty page says there is a next one")
		}
		q.After = newsgraph.EncodeCursor(p.Items[len(p.Items)-1].ID)
	}
	t.Fatal("paging did not end")
	return nil
}

// firstDifference returns the first index at which a and b differ.
func firstDifference(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
