package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestTheQueryCacheIsBoundedByBytes pins the parsed-query cache's bounds:
// padded queries cannot pin more text than maxBytes, an over-long query is
// never kept, and re-adding a key does not count its bytes twice.
func TestTheQueryCacheIsBoundedByBytes(t *testing.T) {
	const maxBytes, maxQuery = 10_000, 4_000
	tests := []struct {
		name        string
		queries     []string
		wantEntries int
		wantBytes   int
	}{
		{"small queries are all kept", []string{"{a}", "{b}", "{c}"}, 3, 9},
		{"a query over the entry limit is not kept", []string{"{a}", "{" + strings.Repeat(" ", maxQuery) + "}"}, 1, 3},
		{"padded queries evict the oldest", padded(10, 3_000), 3, 9_000},
		{"the same query twice counts once", []string{"{a}", "{a}", "{a}"}, 1, 3},
		{"an entry bound still applies", distinct(20), 16, 16 * 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newQueryCache(16, maxBytes, maxQuery)
			for _, q := range tt.queries {
				c.Add(t.Context(), q, &ast.QueryDocument{})
			}
			entries, bytes := c.Len()
			if entries != tt.wantEntries || bytes != tt.wantBytes {
				t.Errorf("kept %d queries of %d bytes, want %d of %d", entries, bytes, tt.wantEntries, tt.wantBytes)
			}
			if bytes > maxBytes {
				t.Errorf("the cache holds %d bytes, over its bound of %d", bytes, maxBytes)
			}
			last := tt.queries[len(tt.queries)-1]
			if _, ok := c.Get(t.Context(), last); ok != (len(last) <= maxQuery) {
				t.Errorf("the last query added is kept: %v", ok)
			}
		})
	}
}

// TestTheTextCacheWeighsKeyAndValue checks the persisted-query cache counts
// the query text, not only its hash, against the bound.
func TestTheTextCacheWeighsKeyAndValue(t *testing.T) {
	c := newTextCache(100, 1_000, 600)
	c.Add(t.Context(), "h1", strings.Repeat("q", 400))
	c.Add(t.Context(), "h2", strings.Repeat("q", 400))
	c.Add(t.Context(), "h3", strings.Repeat("q", 400))
	if entries, bytes := c.Len(); entries != 2 || bytes != 804 {
		t.Errorf("kept %d texts of %d bytes, want 2 of 804", entries, bytes)
	}
	if _, ok := c.Get(t.Context(), "h1"); ok {
		t.Error("the oldest text was not evicted")
	}
	c.Add(t.Context(), "h4", strings.Repeat("q", 700))
	if _, ok := c.Get(t.Context(), "h4"); ok {
		t.Error("a text over the entry bound was kept")
	}
}

func padded(n, size int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "{" + strings.Repeat(" ", size-3) + string(rune('a'+i)) + "}"
	}
	return out
}

func distinct(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "{" + string(rune('a'+i)) + "" + string(rune('a'+i)) + "}"
	}
	return out
}
