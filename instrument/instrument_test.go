package instrument_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// recorder counts the calls it observes by operation and outcome, and
// marks each call's context so the test can see that the store ran with it.
type recorder struct {
	mu       sync.Mutex
	begun    map[string]int
	ended    map[string]int
	failed   map[string]int
	inFlight int
}

type markKey struct{}

func newRecorder() *recorder {
	return &recorder{begun: map[string]int{}, ended: map[string]int{}, failed: map[string]int{}}
}

func (r *recorder) StoreCall(ctx context.Context, op string) (context.Context, func(error)) {
	r.mu.Lock()
	r.begun[op]++
	r.inFlight++
	r.mu.Unlock()
	return context.WithValue(ctx, markKey{}, op), func(err error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.ended[op]++
		r.inFlight--
		if err != nil {
			r.failed[op]++
		}
	}
}

// TestTheObservedStoreKeepsTheContract runs the whole store contract through
// the wrapper: observing changes no behaviour, and every call that begins
// ends.
func TestTheObservedStoreKeepsTheContract(t *testing.T) {
	rec := newRecorder()
	storetest.Run(t, func(t *testing.T) newsgraph.Store {
		return instrument.Store(teststore.Open(t), rec)
	})
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.inFlight != 0 {
		t.Errorf("%d calls began and never ended", rec.inFlight)
	}
	if !reflect.DeepEqual(rec.begun, rec.ended) {
		t.Errorf("calls begun %v, ended %v", rec.begun, rec.ended)
	}
	for _, op := range []string{"EntitiesByID", "Entities", "Search", "EntitiesNamed", "RelationsByID", "Relations",
		"RelationTypes", "Stats", "DocumentsByID", "Documents", "DocumentIDsMentioning", "Neighborhoods", "Degrees",
		"ShortestPath", "Paths", "Upsert", "DeleteRelation", "DeleteEntity", "MergeEntities", "Merges"} {
		if rec.begun[op] == 0 {
			t.Errorf("no %s call observed", op)
		}
	}
	if rec.failed["Upsert"] == 0 {
		t.Error("the contract's invalid batches were not observed as failed Upserts")
	}
}

// ctxStore is a Store that records the operation mark of the context each
// call ran with; its methods come from an embedded nil Store and only the
// ones the test calls are defined.
type ctxStore struct {
	newsgraph.Store
	seen []string
}

func (s *ctxStore) Stats(ctx context.Context) (newsgraph.Stats, error) {
	s.seen = append(s.seen, ctx.Value(markKey{}).(string))
	return newsgraph.Stats{}, errors.New("down")
}

func (s *ctxStore) Ping(ctx context.Context) error {
	s.seen = append(s.seen, ctx.Value(markKey{}).(string))
	return nil
}

func TestObserversSeeTheCallsContextAndError(t *testing.T) {
	inner := &ctxStore{}
	first, second := newRecorder(), newRecorder()
	var order []string
	s := instrument.Store(inner, first, instrument.ObserverFunc(func(ctx context.Context, op string) (context.Context, func(error)) {
		if ctx.Value(markKey{}) != op {
			t.Errorf("the second observer got a context without the first one's mark")
		}
		order = append(order, "begin "+op)
		return second.StoreCall(ctx, op)
	}))
	if _, err := s.Stats(t.Context()); err == nil || err.Error() != "down" {
		t.Fatalf("Stats error = %v, want the store's own", err)
	}
	if err := s.Ping(t.Context()); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Stats", "Ping"}; !slices.Equal(inner.seen, want) {
		t.Errorf("the store ran with contexts marked %v, want %v", inner.seen, want)
	}
	if first.failed["Stats"] != 1 || second.failed["Stats"] != 1 || first.failed["Ping"] != 0 {
		t.Errorf("failures seen: %v and %v", first.failed, second.failed)
	}
	if want := []string{"begin Stats", "begin Ping"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if instrument.Unwrap(s) != newsgraph.Store(inner) || instrument.Unwrap(inner) != newsgraph.Store(inner) {
		t.Error("Unwrap does not return the wrapped store")
	}
	if instrument.Store(inner) != newsgraph.Store(inner) {
		t.Error("with no observer Store must return the store itself")
	}
}
