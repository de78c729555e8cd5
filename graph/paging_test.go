package graph_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// connection is the Relay shape every connection shares.
type connection struct {
	TotalCount int
	Edges      []struct {
		Cursor string
		Node   struct{ ID string }
	}
	PageInfo struct {
		HasNextPage bool
		EndCursor   *string
	}
}

func TestRelayPaging(t *testing.T) {
	const relations = 120
	s := openStore(t)
	upsert(t, s, chainBatch(relations))
	a := serve(t, s, graph.Config{})

	tests := []struct {
		name     string
		query    string // takes $first and $after, selects the connection as "c"
		typ      string // the connection type
		pageSize int
		want     int
	}{
		{
			name:     "relations",
			typ:      "RelationConnection",
			query:    `query($first: Int, $after: String) { c: relations(first: $first, after: $after) { ...C } }`,
			pageSize: 7,
			want:     relations,
		},
		{
			name:     "entities",
			typ:      "EntityConnection",
			query:    `query($first: Int, $after: String) { c: entities(kinds: [PERSON], first: $first, after: $after) { ...C } }`,
			pageSize: 50,
			want:     relations + 1,
		},
		{
			name:     "documents",
			typ:      "DocumentConnection",
			query:    `query($first: Int, $after: String) { c: documents(first: $first, after: $after) { ...C } }`,
			pageSize: 1,
			want:     2,
		},
		{
			name:     "document relations",
			typ:      "RelationConnection",
			query:    `query($first: Int, $after: String) { document(id: "doc:chain-0") { c: relations(first: $first, after: $after) { ...C } } }`,
			pageSize: 11,
			want:     relations / 2,
		},
		{
			name:     "entity relations",
			typ:      "RelationConnection",
			query:    `query($first: Int, $after: String) { entity(id: "person:p010") { c: relations(first: $first, after: $after) { ...C } } }`,
			pageSize: 1,
			want:     2,
		},
	}
	const fragment = ` fragment C on %s { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := walkPages(t, a, tt.query+fmt.Sprintf(fragment, tt.typ), tt.pageSize)
			if got := len(ids); got != tt.want {
				t.Errorf("walked %d items, want %d", got, tt.want)
			}
			if !sort.StringsAreSorted(ids) {
				t.Errorf("items are not in ascending id order: %v", ids)
			}
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("item %s appears twice", id)
				}
				seen[id] = true
			}
		})
	}
}

// walkPages follows endCursor from the first page to the last and returns
// the ids of all items, checking the Relay invariants of every page.
func walkPages(tb testing.TB, a api, query string, pageSize int) []string {
	tb.Helper()
	var ids []string
	var after any
	for page := 0; ; page++ {
		if page > 1000 {
			tb.Fatal("paging does not end")
		}
		resp := a.post(tb, query, map[string]any{"first": pageSize, "after": after})
		if len(resp.Errors) > 0 {
			tb.Fatalf("page %d: %+v", page, resp.Errors)
		}
		c := findConnection(tb, resp)
		if len(c.Edges) > pageSize {
			tb.Fatalf("page %d has %d items, more than %d", page, len(c.Edges), pageSize)
		}
		for _, e := range c.Edges {
			if got, want := e.Cursor, newsgraph.EncodeCursor(e.Node.ID); got != want {
				tb.Errorf("cursor of %s = %q, want %q", e.Node.ID, got, want)
			}
			ids = append(ids, e.Node.ID)
		}
		if len(c.Edges) > 0 {
			if c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
				tb.Errorf("page %d: endCursor %v is not the last edge's cursor", page, c.PageInfo.EndCursor)
			}
		}
		if !c.PageInfo.HasNextPage {
			if got := len(ids); got != c.TotalCount {
				tb.Errorf("walked %d items, totalCount says %d", got, c.TotalCount)
			}
			return ids
		}
		if c.PageInfo.EndCursor == nil {
			tb.Fatalf("page %d has a next page but no endCursor", page)
		}
		after = *c.PageInfo.EndCursor
	}
}

// findConnection decodes the connection aliased "c", at the top level or
// one level down.
func findConnection(tb testing.TB, resp gqlResponse) connection {
	tb.Helper()
	var top map[string]connection
	if err := json.Unmarshal(resp.Data, &top); err == nil {
		if c, ok := top["c"]; ok {
			return c
		}
	}
	var nested map[string]map[string]connection
	if err := json.Unmarshal(resp.Data, &nested); err != nil {
		tb.Fatalf("decode %s: %v", resp.Data, err)
	}
	for _, v := range nested {
		if c, ok := v["c"]; ok {
			return c
		}
	}
	tb.Fatalf("no connection c in %s", resp.Data)
	return connection{}
}

func TestPagingPastTheEnd(t *testing.T) {
	a := fixtureAPI(t)
	last := newsgraph.EncodeCursor("zzz")
	var data struct{ Entities connection }
	a.query(t, `query($after: String) { entities(after: $after) { ...C } } fragment C on EntityConnection { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }`,
		map[string]any{"after": last}, &data)
	if got := len(data.Entities.Edges); got != 0 {
		t.Errorf("got %d edges after the last item, want 0", got)
	}
	if data.Entities.PageInfo.HasNextPage || data.Entities.PageInfo.EndCursor != nil {
		t.Errorf("pageInfo = %+v, want no next page and no endCursor", data.Entities.PageInfo)
	}
	if got, want := data.Entities.TotalCount, 7; got != want {
		t.Errorf("totalCount = %d, want %d", got, want)
	}
}
