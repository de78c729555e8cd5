package events_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
)

func relation(from, typ, to string) *newsgraph.Relation {
	return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to}
}

func TestFilterMatch(t *testing.T) {
	person := events.Change{Kind: events.EntityCreated, Entity: &newsgraph.Entity{ID: "person:a", Kind: newsgraph.KindPerson}}
	claims := events.Change{Kind: events.RelationCreated, Relation: relation("person:a", "CLAIMS", "claim:b")}
	tests := []struct {
		name   string
		filter events.Filter
		change events.Change
		want   bool
	}{
		{"zero filter, entity", events.Filter{}, person, true},
		{"zero filter, relation", events.Filter{}, claims, true},
		{"kind of the entity", events.Filter{Kinds: []newsgraph.Kind{newsgraph.KindPerson}}, person, true},
		{"other kind", events.Filter{Kinds: []newsgraph.Kind{newsgraph.KindPlace}}, person, false},
		{"kind of the relation's to", events.Filter{Kinds: []newsgraph.Kind{newsgraph.KindClaim}}, claims, true},
		{"kind of neither end", events.Filter{Kinds: []newsgraph.Kind{newsgraph.KindPlace}}, claims, false},
		{"type", events.Filter{Types: []string{"CLAIMS"}}, claims, true},
		{"other type", events.Filter{Types: []string{"REJECTS"}}, claims, false},
		{"types let entity changes pass", events.Filter{Types: []string{"REJECTS"}}, person, true},
	}
	for _, tt := range tests {
		if got := tt.filter.Match(tt.change); got != tt.want {
			t.Errorf("%s: Match = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestBrokerDeliversInOrderToMatchingSubscribers(t *testing.T) {
	b := events.NewBroker(slog.New(slog.DiscardHandler), 8)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	all := b.Subscribe(ctx, events.Filter{})
	claimsOnly := b.Subscribe(ctx, events.Filter{Types: []string{"CLAIMS"}})
	b.Publish(
		events.Change{Kind: events.RelationCreated, Relation: relation("person:a", "CLAIMS", "claim:b")},
		events.Change{Kind: events.RelationCreated, Relation: relation("person:a", "REJECTS", "claim:b")},
		events.Change{Kind: events.RelationDeleted, Relation: relation("person:a", "CLAIMS", "claim:b")},
	)
	for _, want := range []string{"CLAIMS", "REJECTS", "CLAIMS"} {
		if got := (<-all).Relation.Type; got != want {
			t.Errorf("all: got %s, want %s", got, want)
		}
	}
	for _, want := range []events.ChangeKind{events.RelationCreated, events.RelationDeleted} {
		if got := (<-claimsOnly).Kind; got != want {
			t.Errorf("claimsOnly: got %s, want %s", got, want)
		}
	}
	if got, want := b.Subscribers(), 2; got != want {
		t.Errorf("Subscribers = %d, want %d", got, want)
	}
}

func TestSlowSubscriberIsDroppedWithoutBlockingThePublisher(t *testing.T) {
	b := events.NewBroker(slog.New(slog.DiscardHandler), 2)
	slow := b.Subscribe(context.Background(), events.Filter{})
	change := events.Change{Kind: events.EntityCreated, Entity: &newsgraph.Entity{ID: "person:a", Kind: newsgraph.KindPerson}}
	for range 5 {
		b.Publish(change) // must not block
	}
	received := 0
	for range slow {
		received++
	}
	if got, want := received, 2; got != want {
		t.Errorf("slow subscriber received %d changes before being dropped, want %d", got, want)
	}
	if got := b.Subscribers(); got != 0 {
		t.Errorf("Subscribers = %d, want 0", got)
	}
}

func TestSubscriptionEndsWithItsContext(t *testing.T) {
	b := events.NewBroker(nil, 0)
	ctx, cancel := context.WithCancel(context.Background())
	ch := b.Subscribe(ctx, events.Filter{})
	cancel()
	if _, open := <-ch; open {
		t.Error("channel still open after the context ended")
	}
	if got := b.Subscribers(); got != 0 {
		t.Errorf("Subscribers = %d, want 0", got)
	}
	b.Publish(events.Change{Kind: events.EntityDeleted}) // no subscriber, no panic
}
