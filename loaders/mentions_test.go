package loaders_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

func (s *countingStore) DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error) {
	s.count("DocumentIDsMentioning")
	return s.Store.DocumentIDsMentioning(ctx, entityIDs)
}

func TestDocumentsMentioningAreBatchedAndPrimeDocuments(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ctx := context.Background()
	ids := []string{person(0), person(5), "person:absent"}
	got := make([][]*newsgraph.Document, len(ids))
	concurrently(len(ids), func(i int) {
		var err error
		if got[i], err = l.DocumentsMentioning(ctx, ids[i]); err != nil {
			t.Errorf("DocumentsMentioning(%s): %v", ids[i], err)
		}
	})
	for i, id := range ids[:2] {
		if len(got[i]) != 1 || got[i][0].ID != "doc:chain" {
			t.Errorf("documents mentioning %s = %+v, want doc:chain", id, got[i])
		}
	}
	if got[2] == nil || len(got[2]) != 0 {
		t.Errorf("documents mentioning an absent entity = %#v, want an empty list", got[2])
	}
	if d, err := l.Document(ctx, "doc:chain"); err != nil || d == nil {
		t.Errorf("Document(doc:chain) = %v, %v", d, err)
	}
	for m, want := range map[string]int{"DocumentIDsMentioning": 1, "DocumentsByID": 1} {
		if got := s.callsTo(m); got != want {
			t.Errorf("%s calls = %d, want %d", m, got, want)
		}
	}
}

func TestAsOfIsPartOfTheLoaderKeys(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ctx := context.Background()
	q := newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: person(1)}, First: 5}
	dated := q
	dated.Filter.AsOf = newsgraph.MustParseDate("2020-01-01")
	for _, tt := range []struct {
		q    newsgraph.RelationQuery
		want int
	}{{q, 2}, {dated, 2}} {
		page, err := l.Relations(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if page.TotalCount != tt.want {
			t.Errorf("TotalCount(%+v) = %d, want %d", tt.q.Filter, page.TotalCount, tt.want)
		}
	}
	if got, want := s.callsTo("Relations"), 2; got != want {
		t.Errorf("Relations calls = %d, want %d: a dated query must not hit the undated one's cache", got, want)
	}
}
