package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Plain results.
//
// gqlgen's executor resolves every field of every object through its field
// machinery: a field context, a middleware call, a panic handler and, for
// list elements, a goroutine each. That costs 5-15 µs per object, which is
// most of the time of a traversal answer of hundreds of nodes and edges,
// although every field such an answer asks for is already in memory.
//
// A selection is plain when every field it selects, at every level, is a
// field of the plain field tables (plain_fields.go): a value read from the
// resolved Go value, with no arguments, no directive and no store call. A
// relation's `from` and `to` are plain inside a subgraph or a path, whose
// nodes hold every edge's ends. The plainResults field middleware compiles
// the selection of a root field of plainRoots; when it is plain, the
// resolver's result is written by the compiled writer, which writes the
// JSON gqlgen would write, in one pass (plain_test.go sends every query
// shape to both and compares). Any other selection, such as
// `evidence { document { title } }` or `documents`, goes through gqlgen's
// executor as before.

// plainRoot compiles the selection of a root field. The function it
// returns makes the marshaler of the resolver's result, or returns nil when
// the result is one to leave to gqlgen (null, a list holding null, an edge
// whose end is not among the nodes).
type plainRoot func(c *plainCompiler, f graphql.CollectedField) (func(res any) graphql.Marshaler, bool)

// plainRoots are the Query fields whose results may be written plainly:
// the ones a visualisation frontend calls per click and that return many
// objects.
var plainRoots = map[string]plainRoot{
	"neighborhood": plainObject("Subgraph", subgraphFields, func(s *model.Subgraph) ([]model.Entity, []*newsgraph.Relation) { return s.Nodes, s.Edges }),
	"shortestPath": plainObject("Path", pathFields, pathGraph),
	"paths":        plainList("Path", pathFields, pathGraph),
	"search":       plainList("SearchHit", searchHitFields, nil),
}

// pathGraph returns a path's nodes and edges.
func pathGraph(p *model.Path) ([]model.Entity, []*newsgraph.Relation) { return p.Nodes, p.Edges }

// plainAnswerKey marks the context of a resolver whose result is written
// plainly: it need not prime the dataloaders for fields that will not be
// resolved.
type plainAnswerKey struct{}

// plainAnswer reports whether ctx is that of a resolver whose result is
// written plainly.
func plainAnswer(ctx context.Context) bool {
	v, _ := ctx.Value(plainAnswerKey{}).(bool)
	return v
}

// plainResults is a field middleware (handler.AroundFields): for a root
// field of plainRoots whose selection is plain, it returns a marshaler that
// writes the resolved value directly; gqlgen uses a returned marshaler as
// the field's value. Every other field passes through untouched.
func plainResults(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Object != "Query" {
		return next(ctx)
	}
	root := plainRoots[fc.Field.Name]
	if root == nil {
		return next(ctx)
	}
	write, ok := root(&plainCompiler{oc: graphql.GetOperationContext(ctx)}, fc.Field)
	if !ok {
		return next(ctx)
	}
	res, err := next(context.WithValue(ctx, plainAnswerKey{}, true))
	if err != nil {
		return res, err
	}
	if m := write(res); m != nil {
		return m, nil
	}
	return res, nil
}

// plainObject is the plainRoot of a field returning *T, an object type
// named typ; graph, when not nil, gives the nodes and edges of a value.
func plainObject[T any](typ string, fields map[string]plainField[*T], graph func(*T) ([]model.Entity, []*newsgraph.Relation)) plainRoot {
	return func(c *plainCompiler, f graphql.CollectedField) (func(any) graphql.Marshaler, bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(res any) graphql.Marshaler {
			v, ok := res.(*T)
			if !ok || v == nil || !bindEnds(c, graph, v) {
				return nil
			}
			return plainMarshaler(func(b []byte) []byte { return w(b, v) })
		}, true
	}
}

// plainList is the plainRoot of a field returning []*T, a list of the
// object type typ.
func plainList[T any](typ string, fields map[string]plainField[*T], graph func(*T) ([]model.Entity, []*newsgraph.Relation)) plainRoot {
	return func(c *plainCompiler, f graphql.CollectedField) (func(any) graphql.Marshaler, bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(res any) graphql.Marshaler {
			list, ok := res.([]*T)
			if !ok || hasNil(list) || !bindEnds(c, graph, list...) {
				return nil
			}
			return plainMarshaler(func(b []byte) []byte { return appendList(b, list, w) })
		}, true
	}
}

// bindEnds gives the compiled writers the entities edges end at, when the
// selection asks for them (a relation's from or to): the nodes of the
// values. It reports false when an edge's end is not among them.
func bindEnds[T any](c *plainCompiler, graph func(*T) ([]model.Entity, []*newsgraph.Relation), values ...*T) bool {
	if !c.usesEnds {
		return true
	}
	if graph == nil {
		return false
	}
	c.ends = map[string]*newsgraph.Entity{}
	for _, v := range values {
		nodes, _ := graph(v)
		for _, n := range nodes {
			c.ends[n.Domain().ID] = n.Domain()
		}
	}
	for _, v := range values {
		_, edges := graph(v)
		for _, r := range edges {
			if c.ends[r.From] == nil || c.ends[r.To] == nil {
				return false
			}
		}
	}
	return true
}

// hasNil reports whether a list of pointers holds a nil, which gqlgen turns
// into null and an error: such a list is left to gqlgen.
func hasNil[T any](list []*T) bool {
	for _, v := range list {
		if v == nil {
			return true
		}
	}
	return false
}
