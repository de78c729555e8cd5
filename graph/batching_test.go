package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/countstore"
)

// TestStoreCallsAreBatched checks that resolving a field over every item of
// a page costs one batched store call, however large the page: the items of
// a level share its answers (package loaders), so the count does not depend
// on how goroutines are scheduled, and lists nested in lists are batched as
// one level too.
func TestStoreCallsAreBatched(t *testing.T) {
	const relations = 120
	s := openStore(t)
	upsert(t, s, chainBatch(relations))
	counting := countstore.New(s)
	a := serve(t, counting, graph.Config{})

	tests := []struct {
		name     string
		query    string
		items    int // items the query resolves fields for
		maxCalls int
	}{
		{
			name: "page of relations with ends and evidence",
			query: `{ relations(first: 100) { edges { node {
				from { name } to { name } evidence { quote document { title } } } } } }`,
			items:    100,
			maxCalls: 4, // Relations, EntitiesByID (from and to), DocumentsByID (+1 spare)
		},
		{
			name:     "fields not selected are not prefetched",
			query:    `{ relations(first: 100) { totalCount edges { node { id evidence { quote } } } } }`,
			items:    100,
			maxCalls: 1, // Relations
		},
		{
			name:     "end ids resolve no entity",
			query:    `{ relations(first: 100) { edges { node { id fromId toId } } } }`,
			items:    100,
			maxCalls: 1, // Relations
		},
		{
			name: "skipped fields are not prefetched",
			query: `query($no: Boolean = false) { relations(first: 100) { edges { node { id
				from @skip(if: true) { name } to @include(if: $no) { name } evidence { document @include(if: $no) { id } } } } } }`,
			items:    100,
			maxCalls: 1, // Relations
		},
		{
			name:     "5 entities with relations and neighbors",
			query:    `{ entities(first: 5) { edges { node { relations(first: 5) { totalCount } neighbors { id } } } } }`,
			items:    5,
			maxCalls: 3, // Entities, Relations, Neighborhoods
		},
		{
			name:     "50 entities with relations and neighbors",
			query:    `{ entities(first: 50) { edges { node { relations(first: 5) { totalCount } neighbors { id } } } } }`,
			items:    50,
			maxCalls: 3,
		},
		{
			name: "lists nested in lists stay batched",
			query: `{ entities(first: 20) { edges { node { neighbors(first: 5) { name
				relations(first: 2) { edges { node { from { name } to { name } } } } } } } } }`,
			items:    20,
			maxCalls: 4, // Entities, Neighborhoods, Relations, EntitiesByID for ends outside the neighbourhoods
		},
		{
			name: "one entity with relations, their ends and neighbors",
			query: `{ entity(id: "person:p010") { name relations(first: 5) { edges { node {
				from { name } to { name } } } } neighbors { id } } }`,
			items:    3,
			maxCalls: 4, // EntitiesByID, Relations, Neighborhoods (+1 spare: the ends are its nodes)
		},
		{
			name:     "subgraph edges resolve their ends from the primed subgraph",
			query:    `{ neighborhood(id: "person:p050", depth: 4) { nodes { id } edges { from { id } to { id } } } }`,
			items:    8,
			maxCalls: 1,
		},
		{
			name:     "subgraph nodes' degrees are one call",
			query:    `{ neighborhood(id: "person:p050", depth: 4) { hops nodes { id degree } edges { fromId toId } } }`,
			items:    8,
			maxCalls: 2, // Neighborhoods, Degrees
		},
		{
			name:     "50 entities' degrees are one call",
			query:    `{ entities(first: 50) { edges { node { id degree } } } }`,
			items:    50,
			maxCalls: 2, // Entities, Degrees
		},
		{
			name:     "path edges resolve their ends from the primed path",
			query:    `{ shortestPath(from: "person:p000", to: "person:p006") { edges { from { id } to { id } evidence { document { id } } } } }`,
			items:    6,
			maxCalls: 2, // ShortestPath, DocumentsByID
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counting.Reset()
			resp := a.post(t, tt.query, nil)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			if got := strings.Count(string(resp.Data), `"id"`) + strings.Count(string(resp.Data), `"name"`) + strings.Count(string(resp.Data), `"totalCount"`); got < tt.items {
				t.Fatalf("response resolves %d values, want at least %d: %s", got, tt.items, resp.Data)
			}
			n, summary := counting.Total()
			t.Logf("%d store calls: %s", n, summary)
			if n > tt.maxCalls {
				t.Errorf("%d store calls (%s), want at most %d", n, summary, tt.maxCalls)
			}
		})
	}
}

// TestStoreCallsDoNotGrowWithPageSize compares a page of 5 with a page of 50.
func TestStoreCallsDoNotGrowWithPageSize(t *testing.T) {
	s := openStore(t)
	upsert(t, s, chainBatch(60))
	counting := countstore.New(s)
	a := serve(t, counting, graph.Config{})
	calls := func(first int) int {
		counting.Reset()
		resp := a.post(t, `query($first: Int) { entities(first: $first) { edges { node {
			relations(first: 5) { totalCount } neighbors { id } } } } }`, map[string]any{"first": first})
		if len(resp.Errors) > 0 {
			t.Fatalf("errors: %+v", resp.Errors)
		}
		n, summary := counting.Total()
		t.Logf("first %d: %d store calls: %s", first, n, summary)
		return n
	}
	small, large := calls(5), calls(50)
	if small != large {
		t.Errorf("store calls for 5 entities = %d, for 50 = %d; want equal", small, large)
	}
}

// TestEachFieldOfALevelIsOneStoreCall checks the cost of a level whose
// entities ask for relations and neighbours under several aliases,
// fragments, variables and defaults: one store call per distinct field
// (a field's arguments decide its answer; an alias with the same arguments
// as another shares its call), each carrying one query per entity.
func TestEachFieldOfALevelIsOneStoreCall(t *testing.T) {
	s := openStore(t)
	upsert(t, s, chainBatch(60))
	counting := countstore.New(s)
	a := serve(t, counting, graph.Config{})
	const entities = 40
	resp := a.post(t, `query($n: Int, $types: [String!], $k: Int) { entities(first: $n) { edges { node {
		a: relations(first: 5, direction: OUT) { totalCount }
		... on Person { b: relations(types: $types) { totalCount } }
		...F
		same: relations(first: 5, direction: OUT) { totalCount }
		neighbors(kinds: [PERSON], first: $k) { id }
		c: neighbors(direction: IN) { id } } } } }
		fragment F on Entity { d: relations(first: null, after: null, direction: null) { totalCount }
			e: relations(asOf: "2020-01-01") { totalCount } f: neighbors(asOf: "2020-01-01") { id } }`,
		map[string]any{"n": entities, "types": []string{"KNOWS"}, "k": 2})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	n, summary := counting.Total()
	t.Logf("%d store calls: %s", n, summary)
	// Entities, 4 distinct relations fields (a and same share one), 3
	// distinct neighbours fields.
	if got, want := n, 1+4+3; got != want {
		t.Errorf("store calls = %d (%s), want %d", got, summary, want)
	}
	if got, want := counting.Keys("Relations"), 4*entities; got != want {
		t.Errorf("Relations queries = %d, want %d (one per entity and distinct field)", got, want)
	}
	if got, want := counting.Keys("Neighborhoods"), 3*entities; got != want {
		t.Errorf("Neighborhoods queries = %d, want %d (one per entity and distinct field)", got, want)
	}
}

// TestProvenanceFieldsAreBatched checks the store calls of the provenance
// fields over the seed graph: a page of relations with their status and
// reporting days, and a page of entities with their documents.
func TestProvenanceFieldsAreBatched(t *testing.T) {
	s := openStore(t)
	if err := seed.Load(context.Background(), s); err != nil {
		t.Fatalf("seed.Load: %v", err)
	}
	counting := countstore.New(s)
	a := serve(t, counting, graph.Config{})
	tests := []struct {
		name     string
		query    string
		maxCalls int
	}{
		{
			name:     "100 relations with status, corroboration and reporting days",
			query:    `{ relations(first: 100) { edges { node { id status corroboration firstReported lastReported } } } }`,
			maxCalls: 3, // Relations, Relations (CONTRADICTS counts), DocumentsByID
		},
		{
			name:     "67 entities with documents and firstSeen",
			query:    `{ entities(first: 100) { edges { node { id documents { id title } firstSeen } } } }`,
			maxCalls: 3, // Entities, DocumentIDsMentioning, DocumentsByID
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counting.Reset()
			resp := a.post(t, tt.query, nil)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			if got := strings.Count(string(resp.Data), `"id"`); got < 60 {
				t.Fatalf("response resolves %d ids, want at least 60: %s", got, resp.Data)
			}
			n, summary := counting.Total()
			t.Logf("%d store calls: %s", n, summary)
			if n > tt.maxCalls {
				t.Errorf("%d store calls (%s), want at most %d", n, summary, tt.maxCalls)
			}
		})
	}
}
