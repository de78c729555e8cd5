package loaders_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// wait is long enough for every goroutine of a test to join one batch, even
// on a busy machine.
const wait = 50 * time.Millisecond

// countingStore is the real store counting calls of the batched methods.
type countingStore struct {
	newsgraph.Store
	mu    sync.Mutex
	calls map[string]int
}

func (s *countingStore) count(m string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[m]++
}

func (s *countingStore) callsTo(m string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[m]
}

func (s *countingStore) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	s.count("EntitiesByID")
	return s.Store.EntitiesByID(ctx, ids)
}

func (s *countingStore) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	s.count("DocumentsByID")
	return s.Store.DocumentsByID(ctx, ids)
}

func (s *countingStore) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	s.count("Relations")
	return s.Store.Relations(ctx, qs)
}

func (s *countingStore) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	s.count("Neighborhoods")
	return s.Store.Neighborhoods(ctx, qs)
}

const people = 10

func person(i int) string { return fmt.Sprintf("person:p%02d", i) }

// openStore returns a counting store under test (see package teststore)
// holding a chain of people, each KNOWS the next, quoted from one document.
func openStore(t *testing.T) *countingStore {
	t.Helper()
	ctx := context.Background()
	s := teststore.Open(t)
	var b newsgraph.Batch
	text := ""
	for i := range people {
		b.Entities = append(b.Entities, &newsgraph.Entity{ID: person(i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("P%02d", i)})
		if i > 0 {
			quote := fmt.Sprintf("P%02d knows P%02d.", i-1, i)
			text += quote + " "
			b.Relations = append(b.Relations, &newsgraph.Relation{From: person(i - 1), Type: "KNOWS", To: person(i),
				Evidence: []newsgraph.Evidence{{Quote: quote, DocumentID: "doc:chain"}}})
		}
	}
	b.Documents = []*newsgraph.Document{{ID: "doc:chain", Title: "Chain", Text: text}}
	if err := s.Upsert(ctx, b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	return &countingStore{Store: s, calls: map[string]int{}}
}

// concurrently runs f(i) for i in [0, n) in parallel and waits for all.
func concurrently(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { f(i) })
	}
	wg.Wait()
}

func TestEntitiesAreBatchedAndCached(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ctx := context.Background()
	got := make([]*newsgraph.Entity, people+1)
	errs := make([]error, people+1)
	concurrently(people+1, func(i int) { got[i], errs[i] = l.Entity(ctx, person(i)) })
	for i := range people + 1 {
		if errs[i] != nil {
			t.Fatalf("Entity(%s): %v", person(i), errs[i])
		}
	}
	for i := range people {
		if got[i] == nil || got[i].ID != person(i) {
			t.Errorf("Entity(%s) = %+v", person(i), got[i])
		}
	}
	if got[people] != nil {
		t.Errorf("Entity of an absent id = %+v, want nil", got[people])
	}
	if _, err := l.Entity(ctx, person(3)); err != nil {
		t.Fatal(err)
	}
	if got, want := s.callsTo("EntitiesByID"), 1; got != want {
		t.Errorf("EntitiesByID calls = %d, want %d", got, want)
	}
}

func TestMaxBatch(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait), loaders.WithMaxBatch(4))
	concurrently(people, func(i int) { _, _ = l.Entity(context.Background(), person(i)) })
	if got, want := s.callsTo("EntitiesByID"), 3; got != want {
		t.Errorf("EntitiesByID calls for %d ids in batches of 4 = %d, want %d", people, got, want)
	}
}

func TestDocuments(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ids := []string{"doc:chain", "doc:absent", "doc:chain"}
	got := make([]*newsgraph.Document, len(ids))
	concurrently(len(ids), func(i int) {
		var err error
		if got[i], err = l.Document(context.Background(), ids[i]); err != nil {
			t.Errorf("Document(%s): %v", ids[i], err)
		}
	})
	if got[0] == nil || got[0].Title != "Chain" || got[1] != nil || got[2] != got[0] {
		t.Errorf("documents = %+v", got)
	}
	if got, want := s.callsTo("DocumentsByID"), 1; got != want {
		t.Errorf("DocumentsByID calls = %d, want %d", got, want)
	}
}

func TestRelationsAreBatchedPerQuery(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ctx := context.Background()
	queries := make([]newsgraph.RelationQuery, people)
	for i := range queries {
		queries[i] = newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: person(i), Types: []string{"KNOWS"}}, First: 5}
	}
	queries[0].Filter.Types = []string{"KNOWS", "LIKES"}
	got := make([]newsgraph.Page[*newsgraph.Relation], len(queries))
	concurrently(len(queries), func(i int) {
		var err error
		if got[i], err = l.Relations(ctx, queries[i]); err != nil {
			t.Errorf("Relations(%+v): %v", queries[i], err)
		}
	})
	if got, want := s.callsTo("Relations"), 1; got != want {
		t.Errorf("Relations calls = %d, want %d", got, want)
	}
	want, err := s.Store.Relations(ctx, queries)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded pages differ from the store's:\n got %+v\nwant %+v", got, want)
	}
}

func TestRelationsError(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(time.Millisecond))
	_, err := l.Relations(context.Background(), newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Types: []string{"not a type"}}, First: 1})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
		t.Errorf("error code = %q, want %q (%v)", got, want, err)
	}
}

func TestNeighborhoodsPrimeEntities(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s, loaders.WithWait(wait))
	ctx := context.Background()
	got := make([]newsgraph.Subgraph, 3)
	concurrently(len(got), func(i int) {
		var err error
		q := newsgraph.NeighborhoodQuery{ID: person(i + 1), Depth: 1, Direction: newsgraph.Both, Kinds: []newsgraph.Kind{newsgraph.KindPerson}, Limit: 10}
		if got[i], err = l.Neighborhood(ctx, q); err != nil {
			t.Errorf("Neighborhood(%s): %v", q.ID, err)
		}
	})
	if got, want := s.callsTo("Neighborhoods"), 1; got != want {
		t.Errorf("Neighborhoods calls = %d, want %d", got, want)
	}
	for i, sg := range got {
		if n := len(sg.Nodes); n != 3 {
			t.Errorf("neighbourhood of %s has %d nodes, want 3", person(i+1), n)
		}
	}
	// p00..p04 were all nodes of the subgraphs: no store call to load them.
	for i := range 5 {
		if e, err := l.Entity(ctx, person(i)); err != nil || e == nil {
			t.Errorf("Entity(%s) = %v, %v", person(i), e, err)
		}
	}
	if got := s.callsTo("EntitiesByID"); got != 0 {
		t.Errorf("EntitiesByID calls = %d, want 0 after priming", got)
	}
}

func TestPrimeEntities(t *testing.T) {
	s := openStore(t)
	l := loaders.New(s)
	primed := &newsgraph.Entity{ID: person(1), Kind: newsgraph.KindPerson, Name: "Primed"}
	l.PrimeEntities(primed, nil)
	l.PrimeDocuments(&newsgraph.Document{ID: "doc:chain", Title: "Primed"}, nil)
	e, err := l.Entity(context.Background(), person(1))
	if err != nil || e != primed {
		t.Errorf("Entity = %+v, %v; want the primed entity", e, err)
	}
	d, err := l.Document(context.Background(), "doc:chain")
	if err != nil || d.Title != "Primed" {
		t.Errorf("Document = %+v, %v; want the primed document", d, err)
	}
	if got := s.callsTo("EntitiesByID") + s.callsTo("DocumentsByID"); got != 0 {
		t.Errorf("store calls = %d, want 0", got)
	}
}

func TestMiddlewareGivesEachRequestItsOwnLoaders(t *testing.T) {
	s := openStore(t)
	var mu sync.Mutex
	var seen []*loaders.Loaders
	h := loaders.Middleware(s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := loaders.For(r.Context())
		if l == nil {
			t.Error("no loaders in the request context")
			return
		}
		if _, err := l.Entity(r.Context(), person(0)); err != nil {
			t.Error(err)
		}
		mu.Lock()
		seen = append(seen, l)
		mu.Unlock()
	}))
	for range 2 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	}
	if len(seen) != 2 || seen[0] == seen[1] {
		t.Errorf("requests shared loaders or had none: %v", seen)
	}
	if got, want := s.callsTo("EntitiesByID"), 2; got != want {
		t.Errorf("EntitiesByID calls = %d, want %d: caches must not outlive a request", got, want)
	}
	if loaders.For(context.Background()) != nil {
		t.Error("For(context.Background()) is not nil")
	}
}

func TestPrefetchQueuesOneBatch(t *testing.T) {
	s := openStore(t)
	// Loaded one by one below, each key would cost a store call of its
	// own; prefetched first, they share one batch per loader.
	l := loaders.New(s)
	ctx := context.Background()
	ids := make([]string, people)
	rels := make([]newsgraph.RelationQuery, people)
	hoods := make([]newsgraph.NeighborhoodQuery, people)
	for i := range people {
		ids[i] = person(i)
		rels[i] = newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{From: person(i)}, First: 3}
		hoods[i] = newsgraph.NeighborhoodQuery{ID: person(i), Depth: 1, Direction: newsgraph.Out, Limit: 5}
	}
	l.PrefetchEntities(ctx, ids...)
	l.PrefetchDocuments(ctx, "doc:chain", "doc:absent")
	l.PrefetchRelations(ctx, rels...)
	l.PrefetchNeighborhoods(ctx, hoods...)
	for i := range people {
		if e, err := l.Entity(ctx, ids[i]); err != nil || e == nil {
			t.Errorf("Entity(%s) = %v, %v", ids[i], e, err)
		}
		if p, err := l.Relations(ctx, rels[i]); err != nil || p.TotalCount != min(1, people-1-i) {
			t.Errorf("Relations(from %s) = %+v, %v", ids[i], p, err)
		}
		if sg, err := l.Neighborhood(ctx, hoods[i]); err != nil || len(sg.Nodes) == 0 || sg.Nodes[0].ID != ids[i] {
			t.Errorf("Neighborhood(%s) = %+v, %v", ids[i], sg, err)
		}
	}
	if d, err := l.Document(ctx, "doc:chain"); err != nil || d == nil {
		t.Errorf("Document = %v, %v", d, err)
	}
	for _, m := range []string{"EntitiesByID", "DocumentsByID", "Relations", "Neighborhoods"} {
		if got, want := s.callsTo(m), 1; got != want {
			t.Errorf("%s calls = %d, want %d", m, got, want)
		}
	}
}
