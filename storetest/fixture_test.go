package storetest_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/storetest"
)

func TestFixtureIsValid(t *testing.T) {
	b := storetest.Fixture()
	b.Normalize()
	if err := b.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if err := b.CheckReferences(nil, nil); err != nil {
		t.Fatalf("CheckReferences: %v", err)
	}
	for _, r := range b.Relations {
		if got, want := r.ID, newsgraph.RelationID(r.From, r.Type, r.To); got != want {
			t.Errorf("relation id %q, want %q", got, want)
		}
	}
	kinds := map[newsgraph.Kind]int{}
	for _, e := range b.Entities {
		kinds[e.Kind]++
		if !strings.HasPrefix(e.ID, e.Kind.IDPrefix()+":") {
			t.Errorf("entity id %q does not start with the prefix of %s", e.ID, e.Kind)
		}
	}
	if got, want := len(kinds), len(newsgraph.AllKinds); got != want {
		t.Errorf("fixture has %d kinds of entity, want all %d", got, want)
	}
}

func TestFixtureIsFresh(t *testing.T) {
	a := storetest.Fixture()
	a.Entities[0].Name = "changed"
	a.Relations[0].Evidence[0].Quote = "changed"
	b := storetest.Fixture()
	if b.Entities[0].Name == "changed" || b.Relations[0].Evidence[0].Quote == "changed" {
		t.Errorf("Fixture returned values shared with an earlier call")
	}
}
