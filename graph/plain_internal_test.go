package graph

import (
	"bytes"
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/model"
)

// TestCompilePlain checks which answers plainResults writes itself: the
// frontend's traversal and search shapes, whatever their aliases, fragments
// and directives, edge ends inside a subgraph or path included; and not
// those that need a resolver, nor results gqlgen must report (null, null
// in a list, an edge whose end is not among the nodes).
func TestCompilePlain(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	a := &newsgraph.Entity{ID: "person:a", Kind: newsgraph.KindPerson, Name: "A"}
	b := &newsgraph.Entity{ID: "place:b", Kind: newsgraph.KindPlace, Name: "B"}
	ab := &newsgraph.Relation{ID: "person:a|IN|place:b", Type: "IN", From: a.ID, To: b.ID}
	subgraph := &model.Subgraph{Nodes: model.WrapAll([]*newsgraph.Entity{a, b}), Edges: []*newsgraph.Relation{ab}}
	halfSubgraph := &model.Subgraph{Nodes: model.WrapAll([]*newsgraph.Entity{a}), Edges: []*newsgraph.Relation{ab}}
	path := &model.Path{Length: 1, Nodes: subgraph.Nodes, Edges: subgraph.Edges}
	connection := &model.RelationConnection{Edges: []*model.RelationEdge{{Cursor: "c", Node: ab}}, PageInfo: &model.PageInfo{}, TotalCount: 1}
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		res   any
		plain bool
	}{
		{"frontend expand", `{ neighborhood(id: "a:b", depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type fromId toId } } }`, nil, subgraph, true},
		{"frontend path", `{ shortestPath(from: "a:b", to: "a:c") { length nodes { id name kind } edges { id type fromId toId } } }`, nil, path, true},
		{"frontend search", `{ search(query: "ab", first: 10) { score entity { id name kind } } }`, nil, []*model.SearchHit{}, true},
		{"paths", `{ paths(from: "a:b", to: "a:c") { length nodes { id } edges { from { id } } } }`, nil, []*model.Path{path, path}, true},
		{"every plain field", `{ neighborhood(id: "a:b") { __typename truncated nodes { __typename id name kind aliases description ... on Person { roles } ... on LegalConcept { jurisdiction } ... on Event { startDate endDate } ... on Claim { claimText verdict counterEvidence } } edges { __typename id type fromId toId validFrom validTo confidence evidence { quote } from { id } to { name kind } } } }`, nil, subgraph, true},
		{"fragments and directives", `query($x: Boolean!) { neighborhood(id: "a:b") { nodes { ...F @include(if: $x) id @skip(if: $x) } } } fragment F on Entity { name }`, map[string]any{"x": true}, subgraph, true},
		{"skipped resolver field", `query($x: Boolean!) { neighborhood(id: "a:b") { edges { id status @skip(if: $x) } } }`, map[string]any{"x": true}, subgraph, true},
		{"included resolver field", `query($x: Boolean!) { neighborhood(id: "a:b") { edges { id status @include(if: $x) } } }`, map[string]any{"x": true}, subgraph, false},
		{"edge ends", `{ neighborhood(id: "a:b") { edges { from { id } to { id } } } }`, nil, subgraph, true},
		{"edge end not among the nodes", `{ neighborhood(id: "a:b") { edges { to { id } } } }`, nil, halfSubgraph, false},
		{"edge end field that needs a resolver", `{ neighborhood(id: "a:b") { edges { from { documents { id } } } } }`, nil, subgraph, false},
		{"evidence document", `{ neighborhood(id: "a:b") { edges { evidence { document { id } } } } }`, nil, subgraph, false},
		{"entity documents", `{ shortestPath(from: "a:b", to: "a:c") { nodes { documents { id } } } }`, nil, path, false},
		{"event place", `{ neighborhood(id: "a:b") { nodes { ... on Event { place { id } } } } }`, nil, subgraph, false},
		{"entity relations", `{ search(query: "ab") { entity { relations { totalCount } } } }`, nil, []*model.SearchHit{}, false},
		{"relation status", `{ neighborhood(id: "a:b") { edges { status } } }`, nil, subgraph, false},
		{"nil path", `{ shortestPath(from: "a:b", to: "a:c") { length } }`, nil, (*model.Path)(nil), false},
		{"nil in a list", `{ paths(from: "a:b", to: "a:c") { length } }`, nil, []*model.Path{nil}, false},
		{"relation page", `{ relations(first: 5) { totalCount edges { cursor node { id type fromId evidence { quote } } } pageInfo { hasNextPage endCursor } } }`, nil, connection, true},
		{"relation page with ends, no loaders", `{ relations { edges { node { from { id } } } } }`, nil, connection, false},
		{"relation page with documents, no loaders", `{ relations { edges { node { evidence { document { id } } } } } }`, nil, connection, false},
		{"relation status on a page", `{ relations { edges { node { corroboration } } } }`, nil, connection, false},
		{"not a root of plainRoots", `{ stats { entities } }`, nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQueryWithRules(schema, tt.query, nil)
			if errs != nil {
				t.Fatalf("query: %v", errs)
			}
			oc := &graphql.OperationContext{RawQuery: tt.query, Variables: tt.vars, Doc: doc, Operation: doc.Operations[0]}
			fields := graphql.CollectFields(oc, doc.Operations[0].SelectionSet, []string{"Query"})
			if len(fields) != 1 {
				t.Fatalf("%d root fields, want 1", len(fields))
			}
			plain := false
			if root := plainRoots[fields[0].Name]; root != nil {
				if write, ok := root(&plainCompiler{oc: oc}, fields[0]); ok {
					plain = write(context.Background(), tt.res) != nil
				}
			}
			if plain != tt.plain {
				t.Errorf("plain = %v, want %v", plain, tt.plain)
			}
		})
	}
}

// FuzzAppendQuoted checks appendQuoted writes every string exactly as
// gqlgen's String marshaler does.
func FuzzAppendQuoted(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "tab\there\nline\r", "\x00\x01\x1f\x7f", "é ü 中文 \u2028", "<b>&amp;</b>", "\xff\xfe invalid"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		if got := appendQuoted([]byte("prefix"), s); string(got) != "prefix"+want.String() {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got[len("prefix"):], want.Bytes())
		}
	})
}
