package loaders_test

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
	"github.com/newsgraph/newsgraph/storetest/countstore"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

const people = 10

func person(i int) string { return fmt.Sprintf("person:p%02d", i) }

// openStore returns a counting store under test (see package teststore)
// holding a chain of people, each KNOWS the next, quoted from one document,
// and the people themselves.
func openStore(t *testing.T) (*countstore.Store, []*newsgraph.Entity) {
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
	if _, err := s.Upsert(ctx, b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	stored, err := s.EntitiesByID(ctx, entityIDs(b.Entities))
	if err != nil {
		t.Fatal(err)
	}
	entities := make([]*newsgraph.Entity, people)
	for i := range people {
		entities[i] = stored[person(i)]
	}
	return countstore.New(s), entities
}

func entityIDs(es []*newsgraph.Entity) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// concurrently runs f(0..n-1) in n goroutines and waits for them, as gqlgen
// resolves the items of a list.
func concurrently(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { f(i) })
	}
	wg.Wait()
}

// TestALevelAnswersEachFieldOnce asks every field of a level from as many
// goroutines as it has entities, as gqlgen's resolvers do: each field costs
// one store call, and every goroutine gets the same answer.
func TestALevelAnswersEachFieldOnce(t *testing.T) {
	s, entities := openStore(t)
	ctx := context.Background()
	level := loaders.NewLevel(s).WithEntities(entities...)
	spec := loaders.RelationSpec{Types: []string{"KNOWS"}, Direction: newsgraph.Out, First: 5}
	neighbors := loaders.NeighborSpec{Direction: newsgraph.Both, First: 5}
	pages := make([]map[string]newsgraph.Page[*newsgraph.Relation], people)
	levels := make([]*loaders.Level, people)
	concurrently(people, func(i int) {
		var err error
		if pages[i], levels[i], err = level.RelationsOf(ctx, spec); err != nil {
			t.Errorf("RelationsOf: %v", err)
		}
		if _, _, err := level.NeighborsOf(ctx, neighbors); err != nil {
			t.Errorf("NeighborsOf: %v", err)
		}
		if _, _, err := level.DocumentsMentioning(ctx); err != nil {
			t.Errorf("DocumentsMentioning: %v", err)
		}
	})
	for m, want := range map[string]int{"Relations": 1, "Neighborhoods": 1, "DocumentIDsMentioning": 1, "DocumentsByID": 1, "EntitiesByID": 0} {
		if got := s.Calls(m); got != want {
			t.Errorf("%s calls = %d, want %d", m, got, want)
		}
	}
	for i := 1; i < people; i++ {
		if !reflect.DeepEqual(pages[i], pages[0]) || levels[i] != levels[0] {
			t.Fatalf("goroutine %d got another answer than goroutine 0", i)
		}
	}
	qs := make([]newsgraph.RelationQuery, people)
	for i, e := range entities {
		qs[i] = spec.Query(e.ID)
	}
	want, err := s.Store.Relations(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entities {
		if !reflect.DeepEqual(pages[0][e.ID], want[i]) {
			t.Errorf("page of %s = %+v, want the store's %+v", e.ID, pages[0][e.ID], want[i])
		}
	}

	// The relations' level: their ends are the entities of the level above,
	// known to it, so they cost no store call.
	ends, err := levels[0].Ends(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ends); got != people {
		t.Errorf("ends = %d entities, want %d", got, people)
	}
	if got := s.Calls("EntitiesByID"); got != 0 {
		t.Errorf("EntitiesByID calls for known ends = %d, want 0", got)
	}
	docs, err := levels[0].EvidenceDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs["doc:chain"] == nil {
		t.Errorf("evidence documents = %v, want doc:chain", docs)
	}
}

// TestEndsOfRelationsAreLoadedOnce reads the ends of a page of relations
// whose level knows none of them: one EntitiesByID call, asked by every
// relation at once.
func TestEndsOfRelationsAreLoadedOnce(t *testing.T) {
	s, _ := openStore(t)
	ctx := context.Background()
	pages, err := s.Store.Relations(ctx, []newsgraph.RelationQuery{{First: 50}})
	if err != nil {
		t.Fatal(err)
	}
	level := loaders.NewLevel(s).WithRelations(pages[0].Items...)
	concurrently(len(pages[0].Items), func(int) {
		if _, err := level.Ends(ctx); err != nil {
			t.Errorf("Ends: %v", err)
		}
	})
	ends, _ := level.Ends(ctx)
	if got, want := slices.Sorted(maps.Keys(ends)), []string{person(0), person(1), person(2), person(3), person(4), person(5), person(6), person(7), person(8), person(9)}; !slices.Equal(got, want) {
		t.Errorf("ends = %v, want %v", got, want)
	}
	if got, want := s.Calls("EntitiesByID"), 1; got != want {
		t.Errorf("EntitiesByID calls = %d, want %d", got, want)
	}
}

// TestFieldArgumentsAreAnswersOfTheirOwn asks a level for two pages of
// relations with different arguments: two store calls, each answer its own,
// and as-of dates are part of the arguments.
func TestFieldArgumentsAreAnswersOfTheirOwn(t *testing.T) {
	s, entities := openStore(t)
	ctx := context.Background()
	level := loaders.NewLevel(s).WithEntities(entities[1])
	all := loaders.RelationSpec{First: 5}
	dated := loaders.RelationSpec{First: 5, AsOf: newsgraph.MustParseDate("2020-01-01")}
	withOne := loaders.RelationSpec{First: 1}
	for _, spec := range []loaders.RelationSpec{all, dated, withOne, all} {
		pages, _, err := level.RelationsOf(ctx, spec)
		if err != nil {
			t.Fatal(err)
		}
		want := min(2, spec.First)
		if got := len(pages[person(1)].Items); got != want {
			t.Errorf("RelationsOf(%+v) gave %d relations, want %d", spec, got, want)
		}
	}
	if got, want := s.Calls("Relations"), 3; got != want {
		t.Errorf("Relations calls for 3 distinct argument sets = %d, want %d", got, want)
	}
}

// TestNeighborsAndReferences checks the entity fields that return entities:
// neighbours in walk order without the entity itself, and places and
// claimants, absent ones missing.
func TestNeighborsAndReferences(t *testing.T) {
	s, entities := openStore(t)
	ctx := context.Background()
	level := loaders.NewLevel(s).WithEntities(entities[1], entities[5])
	neighbors, next, err := level.NeighborsOf(ctx, loaders.NeighborSpec{Direction: newsgraph.Both, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := entityIDs(neighbors[person(1)]), []string{person(0), person(2)}; !slices.Equal(got, want) {
		t.Errorf("neighbours of %s = %v, want %v", person(1), got, want)
	}
	if next == level || next == nil {
		t.Error("the neighbours are not a level of their own")
	}
	event := &newsgraph.Entity{ID: "event:meeting", Kind: newsgraph.KindEvent, Name: "Meeting", PlaceID: "place:nowhere"}
	claim := &newsgraph.Entity{ID: "claim:c", Kind: newsgraph.KindClaim, Name: "C", ClaimantID: person(3)}
	refs, _, err := loaders.NewLevel(s).WithEntities(event, claim).Referenced(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if refs[person(3)] == nil || refs["place:nowhere"] != nil {
		t.Errorf("referenced = %v, want %s and no absent place", refs, person(3))
	}
}

// TestStoreErrorsReachEveryAsker fails a level's store call: every asker
// gets the error, and the code is kept.
func TestStoreErrorsReachEveryAsker(t *testing.T) {
	s, entities := openStore(t)
	ctx := context.Background()
	level := loaders.NewLevel(s).WithEntities(entities...)
	bad := loaders.RelationSpec{Types: []string{"not a type"}, First: 1}
	errs := make([]error, people)
	concurrently(people, func(i int) { _, _, errs[i] = level.RelationsOf(ctx, bad) })
	for i, err := range errs {
		if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
			t.Errorf("asker %d: error code = %q, want %q (%v)", i, got, want, err)
		}
	}
}
