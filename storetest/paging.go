package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// entityPages reads every page of q, checking each page's size,
// TotalCount and HasNextPage, and returns the ids in the order read.
func entityPages(t *testing.T, s newsgraph.Store, q newsgraph.EntityQuery, wantTotal int) []string {
	t.Helper()
	return walkPages(t, q.First, wantTotal, q.After, func(after string) (newsgraph.Page[*newsgraph.Entity], error) {
		q.After = after
		return s.Entities(t.Context(), q)
	}, func(e *newsgraph.Entity) string { return e.ID })
}

// walkPages reads every page that fetch returns, starting after the cursor
// start and following the cursor of each page's last item, checking each
// page's size against first, its TotalCount against wantTotal and its
// HasNextPage, and returns the ids of the items in the order read.
func walkPages[T any](t *testing.T, first, wantTotal int, start string, fetch func(after string) (newsgraph.Page[T], error), id func(T) string) []string {
	t.Helper()
	var ids []string
	after := start
	for range 100 {
		page, err := fetch(after)
		if err != nil {
			t.Fatalf("page after %q: %v", after, err)
		}
		if page.TotalCount != wantTotal {
			t.Errorf("page after %q: TotalCount = %d, want %d", after, page.TotalCount, wantTotal)
		}
		if len(page.Items) > first {
			t.Fatalf("page has %d items, more than first = %d", len(page.Items), first)
		}
		for _, item := range page.Items {
			ids = append(ids, id(item))
		}
		if !page.HasNextPage {
			return ids
		}
		if len(page.Items) == 0 {
			t.Fatalf("an empty page says it has a next page")
		}
		after = newsgraph.EncodeCursor(id(page.Items[len(page.Items)-1]))
	}
	t.Fatalf("paging did not end")
	return nil
}

func testEntities(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	all := fixtureEntityIDs(nil)
	ofKinds := func(kinds ...newsgraph.Kind) []string {
		return fixtureEntityIDs(func(e *newsgraph.Entity) bool { return slices.Contains(kinds, e.Kind) })
	}
	t.Run("Pages", func(t *testing.T) {
		s := openFixture(t, open)
		for _, c := range []struct {
			name  string
			kinds []newsgraph.Kind
			first int
			want  []string
		}{
			{"AllInOnePage", nil, newsgraph.MaxPageSize, all},
			{"PagesOfFive", nil, 5, all},
			{"PagesOfOne", nil, 1, all},
			{"ExactMultiple", nil, 6, all},
			{"OneKind", []newsgraph.Kind{newsgraph.KindPlace}, 4, ofKinds(newsgraph.KindPlace)},
			{"TwoKinds", []newsgraph.Kind{newsgraph.KindPerson, newsgraph.KindClaim}, 2, ofKinds(newsgraph.KindPerson, newsgraph.KindClaim)},
			{"DuplicateKinds", []newsgraph.Kind{newsgraph.KindPerson, newsgraph.KindPerson}, 2, ofKinds(newsgraph.KindPerson)},
			{"KindsAcrossTheAlphabet", []newsgraph.Kind{newsgraph.KindPlace, newsgraph.KindClaim, newsgraph.KindEvent}, 3,
				ofKinds(newsgraph.KindPlace, newsgraph.KindClaim, newsgraph.KindEvent)},
		} {
			t.Run(c.name, func(t *testing.T) {
				got := entityPages(t, s, newsgraph.EntityQuery{Kinds: c.kinds, First: c.first}, len(c.want))
				equalStrings(t, "entity ids", got, c.want)
			})
		}
	})
	t.Run("FirstZeroGivesOnlyTotalCount", func(t *testing.T) {
		s := openFixture(t, open)
		page, err := s.Entities(t.Context(), newsgraph.EntityQuery{First: 0})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		if len(page.Items) != 0 || page.TotalCount != len(all) {
			t.Errorf("page = %d items, total %d; want 0 items, total %d", len(page.Items), page.TotalCount, len(all))
		}
	})
	t.Run("CursorIsTheSortKey", func(t *testing.T) {
		s := openFixture(t, open)
		// A cursor naming no entity starts after its key all the same.
		page, err := s.Entities(t.Context(), newsgraph.EntityQuery{First: 2, After: newsgraph.EncodeCursor("person:b")})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		equalStrings(t, "page after person:b", entityIDs(page.Items), []string{PersonSheinbaum, PersonTrump})
		last := all[len(all)-1]
		page, err = s.Entities(t.Context(), newsgraph.EntityQuery{First: 5, After: newsgraph.EncodeCursor(last)})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		if len(page.Items) != 0 || page.HasNextPage || page.TotalCount != len(all) {
			t.Errorf("page after the last id = %v (next %v, total %d), want empty, no next, total %d",
				entityIDs(page.Items), page.HasNextPage, page.TotalCount, len(all))
		}
	})
	t.Run("StableUnderInserts", func(t *testing.T) {
		s := openFixture(t, open)
		ctx := t.Context()
		page1, err := s.Entities(ctx, newsgraph.EntityQuery{First: 5})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		cursor := page1.Items[len(page1.Items)-1].ID
		early := &newsgraph.Entity{ID: "claim:aaa-early", Kind: newsgraph.KindClaim, Name: "Early"}
		late := &newsgraph.Entity{ID: "place:zzz-late", Kind: newsgraph.KindPlace, Name: "Late"}
		if early.ID >= cursor || late.ID <= cursor {
			t.Fatalf("fixture ids changed: %s and %s do not bracket the cursor %s", early.ID, late.ID, cursor)
		}
		mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{early, late}})
		rest := entityPages(t, s, newsgraph.EntityQuery{First: 5, After: newsgraph.EncodeCursor(cursor)}, len(all)+2)
		want := append(slices.Clone(all[5:]), late.ID)
		equalStrings(t, "ids after the first page", rest, want)
		for _, id := range rest {
			if slices.Contains(entityIDs(page1.Items), id) {
				t.Errorf("entity %s appears on two pages", id)
			}
		}
	})
	t.Run("Validation", func(t *testing.T) {
		s := open(t)
		for _, c := range []struct {
			name  string
			query newsgraph.EntityQuery
			code  newsgraph.Code
		}{
			{"MalformedCursor", newsgraph.EntityQuery{First: 5, After: "not a cursor!"}, newsgraph.Invalid},
			{"ForeignCursor", newsgraph.EntityQuery{First: 5, After: "cGVyc29uOng"}, newsgraph.Invalid},
			{"NegativeFirst", newsgraph.EntityQuery{First: -1}, newsgraph.Invalid},
			{"FirstTooLarge", newsgraph.EntityQuery{First: newsgraph.MaxPageSize + 1}, newsgraph.LimitExceeded},
			{"UnknownKind", newsgraph.EntityQuery{First: 5, Kinds: []newsgraph.Kind{"ALIEN"}}, newsgraph.Invalid},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Entities(t.Context(), c.query)
				wantCode(t, err, c.code)
			})
		}
	})
}

func testDocuments(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	ctx := t.Context()
	want := sortedIDs(Fixture().Documents, func(d *newsgraph.Document) string { return d.ID }, nil)
	q := newsgraph.DocumentQuery{First: 2}
	var got []string
	for _, wantNext := range []bool{true, false} {
		page, err := s.Documents(ctx, q)
		if err != nil {
			t.Fatalf("Documents: %v", err)
		}
		if page.TotalCount != len(want) || page.HasNextPage != wantNext {
			t.Errorf("page: total %d, next %v; want total %d, next %v", page.TotalCount, page.HasNextPage, len(want), wantNext)
		}
		got = append(got, documentIDs(page.Items)...)
		if len(page.Items) > 0 {
			q.After = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
		}
	}
	equalStrings(t, "document ids", got, want)

	page, err := s.Documents(ctx, newsgraph.DocumentQuery{First: 10})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	for _, d := range page.Items {
		if d.Text == "" || d.Title == "" {
			t.Errorf("document %s lacks its title or text", d.ID)
		}
	}
	page, err = s.Documents(ctx, newsgraph.DocumentQuery{First: 0})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if len(page.Items) != 0 || page.TotalCount != len(want) {
		t.Errorf("first 0: %d items, total %d; want 0 items, total %d", len(page.Items), page.TotalCount, len(want))
	}
	_, err = s.Documents(ctx, newsgraph.DocumentQuery{First: 1, After: "%%%"})
	wantCode(t, err, newsgraph.Invalid)
	_, err = s.Documents(ctx, newsgraph.DocumentQuery{First: newsgraph.MaxPageSize + 1})
	wantCode(t, err, newsgraph.LimitExceeded)
}
