package countstore_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/countstore"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

func TestCountsCallsAndKeys(t *testing.T) {
	s := teststore.Open(t)
	if _, err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	c := countstore.New(s)
	if _, err := c.EntitiesByID(t.Context(), []string{storetest.PlaceMexico, storetest.PersonTrump}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.EntitiesByID(t.Context(), []string{storetest.PlaceMexico}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Relations(t.Context(), []newsgraph.RelationQuery{{First: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Stats(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		method      string
		calls, keys int
	}{{"EntitiesByID", 2, 3}, {"Relations", 1, 1}, {"Stats", 1, 0}, {"Search", 0, 0}} {
		if got, keys := c.Calls(tt.method), c.Keys(tt.method); got != tt.calls || keys != tt.keys {
			t.Errorf("%s: %d calls with %d keys, want %d with %d", tt.method, got, keys, tt.calls, tt.keys)
		}
	}
	if n, summary := c.Total(); n != 4 || summary != "EntitiesByID=2 Relations=1 Stats=1" {
		t.Errorf("Total = %d %q", n, summary)
	}
	c.Reset()
	if all := c.All(); len(all) != 0 {
		t.Errorf("after Reset: %v", all)
	}
}
