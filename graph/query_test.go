package graph_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// assertJSON fails unless got and want are equal JSON values.
func assertJSON(tb testing.TB, got json.RawMessage, want string) {
	tb.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		tb.Fatalf("got is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		tb.Fatalf("want is not JSON: %v\n%s", err, want)
	}
	if !reflect.DeepEqual(g, w) {
		tb.Errorf("data mismatch\n got: %s\nwant: %s", got, want)
	}
}

func TestQueries(t *testing.T) {
	a := fixtureAPI(t)
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  string
	}{
		{
			name:  "entity person",
			query: `query($id: ID!) { entity(id: $id) { __typename id name kind aliases description ... on Person { roles } } }`,
			vars:  map[string]any{"id": ana},
			want:  `{"entity":{"__typename":"Person","id":"person:ana-lopez","name":"Ana López","kind":"PERSON","aliases":["Ana"],"description":"An engineer.","roles":["Engineer"]}}`,
		},
		{
			name:  "entity without optional fields",
			query: `{ entity(id: "person:bob-smith") { aliases description ... on Person { roles } } }`,
			want:  `{"entity":{"aliases":[],"description":null,"roles":[]}}`,
		},
		{
			name:  "entity absent is null",
			query: `{ entity(id: "person:nobody") { id } }`,
			want:  `{"entity":null}`,
		},
		{
			name:  "entity malformed id is null",
			query: `{ entity(id: "not an id") { id } }`,
			want:  `{"entity":null}`,
		},
		{
			name:  "organization",
			query: `{ entity(id: "organization:acme") { __typename kind ... on Organization { name aliases } } }`,
			want:  `{"entity":{"__typename":"Organization","kind":"ORGANIZATION","name":"Acme","aliases":["Acme Corporation"]}}`,
		},
		{
			name:  "place",
			query: `{ entity(id: "place:springfield") { __typename kind } }`,
			want:  `{"entity":{"__typename":"Place","kind":"PLACE"}}`,
		},
		{
			name:  "legal concept",
			query: `{ entity(id: "legal-concept:foreign-terrorist-organization") { kind ... on LegalConcept { jurisdiction } } }`,
			want:  `{"entity":{"kind":"LEGAL_CONCEPT","jurisdiction":"US domestic law"}}`,
		},
		{
			name:  "event",
			query: `{ entity(id: "event:springfield-summit") { kind ... on Event { startDate endDate place { id name } } } }`,
			want:  `{"entity":{"kind":"EVENT","startDate":"2025-11-17","endDate":null,"place":{"id":"place:springfield","name":"Springfield"}}}`,
		},
		{
			name:  "claim",
			query: `{ entity(id: "claim:acme-is-evil") { kind ... on Claim { claimText claimant { id name } verdict counterEvidence } } }`,
			want:  `{"entity":{"kind":"CLAIM","claimText":"Acme is evil","claimant":{"id":"person:bob-smith","name":"Bob Smith"},"verdict":"UNSUPPORTED","counterEvidence":null}}`,
		},
		{
			name:  "entities by kind",
			query: `{ entities(kinds: [PERSON, PLACE]) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`,
			want:  `{"entities":{"totalCount":3,"edges":[{"node":{"id":"person:ana-lopez"}},{"node":{"id":"person:bob-smith"}},{"node":{"id":"place:springfield"}}],"pageInfo":{"hasNextPage":false}}}`,
		},
		{
			name:  "entities first 0 counts only",
			query: `{ entities(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
			want:  `{"entities":{"totalCount":7,"edges":[],"pageInfo":{"hasNextPage":true,"endCursor":null}}}`,
		},
		{
			name:  "search by alias initialism",
			query: `{ search(query: "FTO", first: 1) { score entity { id } } }`,
			want:  `{"search":[{"score":0.95,"entity":{"id":"legal-concept:foreign-terrorist-organization"}}]}`,
		},
		{
			name:  "search by exact name ignores accents",
			query: `{ search(query: "ana lopez", kinds: [PERSON], first: 1) { score entity { name } } }`,
			want:  `{"search":[{"score":1,"entity":{"name":"Ana López"}}]}`,
		},
		{
			name:  "search without match",
			query: `{ search(query: "zzzz") { score } }`,
			want:  `{"search":[]}`,
		},
		{
			name:  "relations from an entity",
			query: `{ relations(filter: {from: "person:ana-lopez"}) { totalCount edges { node { type to { id } } } } }`,
			want:  `{"relations":{"totalCount":2,"edges":[{"node":{"type":"ATTENDED","to":{"id":"event:springfield-summit"}}},{"node":{"type":"WORKS_FOR","to":{"id":"organization:acme"}}}]}}`,
		},
		{
			name: "relation with evidence",
			query: `{ relations(filter: {types: ["CRITICIZES"]}) { edges { cursor node {
				id type confidence validFrom validTo from { name } to { name }
				evidence { quote document { id title } } } } } }`,
			want: `{"relations":{"edges":[{"cursor":"bmcxOnBlcnNvbjpib2Itc21pdGh8Q1JJVElDSVpFU3xvcmdhbml6YXRpb246YWNtZQ","node":{
				"id":"person:bob-smith|CRITICIZES|organization:acme","type":"CRITICIZES","confidence":0.8,"validFrom":null,"validTo":null,
				"from":{"name":"Bob Smith"},"to":{"name":"Acme"},
				"evidence":[{"quote":"Bob Smith criticized Acme on Monday.","document":{"id":"doc:alpha","title":"Alpha report"}},
				            {"quote":"Bob Smith criticized Acme again.","document":{"id":"doc:beta","title":"Beta report"}}]}}]}}`,
		},
		{
			name:  "relation dates",
			query: `{ relations(filter: {types: ["WORKS_FOR"], to: "organization:acme", involving: "person:ana-lopez"}) { edges { node { validFrom confidence } } } }`,
			want:  `{"relations":{"edges":[{"node":{"validFrom":"2020-01-01","confidence":1}}]}}`,
		},
		{
			name:  "relations by document",
			query: `{ relations(filter: {documentId: "doc:beta"}) { totalCount } }`,
			want:  `{"relations":{"totalCount":2}}`,
		},
		{
			name:  "unknown relation type matches nothing",
			query: `{ relations(filter: {types: ["NO_SUCH_TYPE"]}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
			want:  `{"relations":{"totalCount":0,"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}`,
		},
		{
			name: "entity relations and neighbors",
			query: `{ entity(id: "organization:acme") {
				out: relations(direction: OUT) { totalCount }
				in: relations(direction: IN) { totalCount }
				both: relations { totalCount }
				typed: relations(types: ["WORKS_FOR"]) { edges { node { from { id } } } }
				neighbors { id }
				places: neighbors(direction: OUT, kinds: [PLACE]) { id }
				firstTwo: neighbors(first: 2) { id }
				none: neighbors(first: 0) { id } } }`,
			want: `{"entity":{"out":{"totalCount":2},"in":{"totalCount":2},"both":{"totalCount":4},
				"typed":{"edges":[{"node":{"from":{"id":"person:ana-lopez"}}}]},
				"neighbors":[{"id":"legal-concept:foreign-terrorist-organization"},{"id":"place:springfield"},{"id":"person:ana-lopez"},{"id":"person:bob-smith"}],
				"places":[{"id":"place:springfield"}],
				"firstTwo":[{"id":"legal-concept:foreign-terrorist-organization"},{"id":"place:springfield"}],
				"none":[]}}`,
		},
		{
			name:  "document",
			query: `{ document(id: "doc:alpha") { id title publishedAt source url relations(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }`,
			want: `{"document":{"id":"doc:alpha","title":"Alpha report","publishedAt":"2025-11-18","source":"Wire","url":"https://example.com/alpha",
				"relations":{"totalCount":6,"edges":[{"node":{"id":"organization:acme|DESIGNATED_AS|legal-concept:foreign-terrorist-organization"}}],"pageInfo":{"hasNextPage":true}}}}`,
		},
		{
			name:  "document without optional fields",
			query: `{ document(id: "doc:beta") { publishedAt source url text } }`,
			want:  `{"document":{"publishedAt":null,"source":null,"url":null,"text":"The summit took place in Springfield. Bob Smith criticized Acme again."}}`,
		},
		{
			name:  "document absent is null",
			query: `{ document(id: "doc:nothing") { id } }`,
			want:  `{"document":null}`,
		},
		{
			name:  "documents",
			query: `{ documents { totalCount edges { node { id } } } }`,
			want:  `{"documents":{"totalCount":2,"edges":[{"node":{"id":"doc:alpha"}},{"node":{"id":"doc:beta"}}]}}`,
		},
		{
			name:  "relation types",
			query: `{ relationTypes { type count } }`,
			want: `{"relationTypes":[{"type":"ATTENDED","count":1},{"type":"CLAIMS","count":1},{"type":"CRITICIZES","count":1},
				{"type":"DESIGNATED_AS","count":1},{"type":"HELD_IN","count":1},{"type":"LOCATED_IN","count":1},{"type":"WORKS_FOR","count":1}]}`,
		},
		{
			name:  "stats",
			query: `{ stats { entities relations documents byKind { kind count } } }`,
			want: `{"stats":{"entities":7,"relations":7,"documents":2,"byKind":[{"kind":"PERSON","count":2},{"kind":"ORGANIZATION","count":1},
				{"kind":"PLACE","count":1},{"kind":"LEGAL_CONCEPT","count":1},{"kind":"EVENT","count":1},{"kind":"CLAIM","count":1}]}}`,
		},
		{
			name:  "neighborhood depth 1",
			query: `{ neighborhood(id: "person:ana-lopez") { nodes { id } edges { id from { id } to { id } } truncated } }`,
			want: `{"neighborhood":{"nodes":[{"id":"person:ana-lopez"},{"id":"event:springfield-summit"},{"id":"organization:acme"}],
				"edges":[{"id":"person:ana-lopez|ATTENDED|event:springfield-summit","from":{"id":"person:ana-lopez"},"to":{"id":"event:springfield-summit"}},
				         {"id":"person:ana-lopez|WORKS_FOR|organization:acme","from":{"id":"person:ana-lopez"},"to":{"id":"organization:acme"}}],
				"truncated":false}}`,
		},
		{
			name:  "neighborhood hops and degrees",
			query: `{ neighborhood(id: "person:ana-lopez", depth: 2) { hops nodes { id degree } } }`,
			want: `{"neighborhood":{"hops":[0,1,1,2,2,2],"nodes":[{"id":"person:ana-lopez","degree":2},{"id":"event:springfield-summit","degree":2},
				{"id":"organization:acme","degree":4},{"id":"place:springfield","degree":2},{"id":"legal-concept:foreign-terrorist-organization","degree":1},
				{"id":"person:bob-smith","degree":2}]}}`,
		},
		{
			name:  "neighborhood induced",
			query: `{ neighborhood(id: "person:ana-lopez", induced: true) { nodes { id } edges { id } } }`,
			want: `{"neighborhood":{"nodes":[{"id":"person:ana-lopez"},{"id":"event:springfield-summit"},{"id":"organization:acme"}],
				"edges":[{"id":"person:ana-lopez|ATTENDED|event:springfield-summit"},{"id":"person:ana-lopez|WORKS_FOR|organization:acme"}]}}`,
		},
		{
			name:  "neighborhood truncated",
			query: `{ neighborhood(id: "person:ana-lopez", depth: 2, limit: 3) { nodes { id } truncated } }`,
			want:  `{"neighborhood":{"nodes":[{"id":"person:ana-lopez"},{"id":"event:springfield-summit"},{"id":"organization:acme"}],"truncated":true}}`,
		},
		{
			name:  "neighborhood filtered",
			query: `{ neighborhood(id: "organization:acme", direction: IN, types: ["CRITICIZES", "WORKS_FOR"], kinds: [PERSON]) { nodes { id } } }`,
			want:  `{"neighborhood":{"nodes":[{"id":"organization:acme"},{"id":"person:ana-lopez"},{"id":"person:bob-smith"}]}}`,
		},
		{
			name:  "shortest path",
			query: `{ shortestPath(from: "person:ana-lopez", to: "person:bob-smith") { length nodes { id } edges { type } } }`,
			want: `{"shortestPath":{"length":2,"nodes":[{"id":"person:ana-lopez"},{"id":"organization:acme"},{"id":"person:bob-smith"}],
				"edges":[{"type":"WORKS_FOR"},{"type":"CRITICIZES"}]}}`,
		},
		{
			name:  "shortest path to itself",
			query: `{ shortestPath(from: "person:ana-lopez", to: "person:ana-lopez") { length nodes { id } edges { id } } }`,
			want:  `{"shortestPath":{"length":0,"nodes":[{"id":"person:ana-lopez"}],"edges":[]}}`,
		},
		{
			name:  "no path following direction",
			query: `{ shortestPath(from: "person:ana-lopez", to: "person:bob-smith", direction: OUT) { length } }`,
			want:  `{"shortestPath":null}`,
		},
		{
			name:  "paths",
			query: `{ paths(from: "person:bob-smith", to: "place:springfield", maxDepth: 2, first: 3) { length nodes { id } } }`,
			want:  `{"paths":[{"length":2,"nodes":[{"id":"person:bob-smith"},{"id":"organization:acme"},{"id":"place:springfield"}]}]}`,
		},
		{
			name:  "explicit null arguments take defaults",
			query: `{ entities(first: null, after: null) { totalCount } neighborhood(id: "place:springfield", depth: null, limit: null, direction: null) { truncated } }`,
			want:  `{"entities":{"totalCount":7},"neighborhood":{"truncated":false}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := a.post(t, tt.query, tt.vars)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			assertJSON(t, resp.Data, tt.want)
		})
	}
}

func TestPathsAreShortestFirst(t *testing.T) {
	a := fixtureAPI(t)
	var data struct {
		Paths []struct {
			Length int
			Nodes  []struct{ ID string }
		}
	}
	a.query(t, `{ paths(from: "person:ana-lopez", to: "place:springfield", maxDepth: 4, first: 10) { length nodes { id } } }`, nil, &data)
	if got, want := len(data.Paths), 2; got < want {
		t.Fatalf("got %d paths, want at least %d", got, want)
	}
	seen := map[string]bool{}
	for i, p := range data.Paths {
		if i > 0 && p.Length < data.Paths[i-1].Length {
			t.Errorf("path %d has length %d after a path of length %d", i, p.Length, data.Paths[i-1].Length)
		}
		if got, want := len(p.Nodes), p.Length+1; got != want {
			t.Errorf("path %d has %d nodes, want %d", i, got, want)
		}
		key := ""
		for _, n := range p.Nodes {
			key += n.ID + " "
		}
		if seen[key] {
			t.Errorf("path %s returned twice", key)
		}
		seen[key] = true
	}
	if got, want := data.Paths[0].Length, 2; got != want {
		t.Errorf("shortest path length = %d, want %d", got, want)
	}
}

// TestRelationEndIDs checks that fromId and toId are the ids from and to
// resolve to, on every relation of the fixture.
func TestRelationEndIDs(t *testing.T) {
	a := fixtureAPI(t)
	var data struct {
		Relations struct {
			Edges []struct {
				Node struct {
					ID     string
					FromID string
					ToID   string
					From   struct{ ID string }
					To     struct{ ID string }
				}
			}
		}
	}
	a.query(t, `{ relations(first: 100) { edges { node { id fromId toId from { id } to { id } } } } }`, nil, &data)
	if len(data.Relations.Edges) == 0 {
		t.Fatal("the fixture has no relations")
	}
	for _, e := range data.Relations.Edges {
		n := e.Node
		if got, want := n.FromID, n.From.ID; got != want {
			t.Errorf("relation %s: fromId = %q, want %q", n.ID, got, want)
		}
		if got, want := n.ToID, n.To.ID; got != want {
			t.Errorf("relation %s: toId = %q, want %q", n.ID, got, want)
		}
	}
}

// TestNeighborhoodInduced checks that induced: true passes to the store: on
// the seed graph, Sheinbaum's neighbours are related among themselves.
func TestNeighborhoodInduced(t *testing.T) {
	a := seedAPI(t)
	edges := func(induced bool) []string {
		resp := a.post(t, `query($induced: Boolean) { neighborhood(id: "person:claudia-sheinbaum", induced: $induced) { edges { id } } }`,
			map[string]any{"induced": induced})
		if len(resp.Errors) > 0 {
			t.Fatalf("errors: %+v", resp.Errors)
		}
		var data struct {
			Neighborhood struct{ Edges []struct{ ID string } }
		}
		if err := json.Unmarshal(resp.Data, &data); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range data.Neighborhood.Edges {
			ids = append(ids, e.ID)
		}
		return ids
	}
	walk, induced := edges(false), edges(true)
	if len(induced) <= len(walk) || !slices.Equal(induced[:len(walk)], walk) {
		t.Errorf("induced edges = %d %q, want the walk's %d %q and more after them", len(induced), induced, len(walk), walk)
	}
}
