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
// resolved Go value, with no arguments and no directive. Three fields read
// other objects: a relation's `from` and `to`, taken from the nodes of a
// subgraph or a path (which hold every edge's ends) or else from the
// request's dataloaders, and an evidence item's `document`, from the
// dataloaders; all are loaded before writing, one batch per kind, as the
// executor's prefetch would load them. The plainResults field middleware
// compiles the selection of a root field of plainRoots; when it is plain,
// the resolver's result is written by the compiled writer, which writes
// the JSON gqlgen would write, in one pass (plain_test.go sends every query
// shape to both and compares). Any other selection, such as `documents` or
// a relation's `status`, goes through gqlgen's executor as before.

// plainRoot compiles the selection of a root field. The function it
// returns makes the marshaler of the resolver's result, or returns nil when
// the result is one to leave to gqlgen (null, a list holding null, an edge
// whose end is not among the nodes).
type plainRoot func(c *plainCompiler, f graphql.CollectedField) (func(ctx context.Context, res any) graphql.Marshaler, bool)

// plainRoots are the Query fields whose results may be written plainly:
// the ones a visualisation frontend calls per click and that return many
// objects.
var plainRoots = map[string]plainRoot{
	"neighborhood": plainObject("Subgraph", subgraphFields, subgraphGraph),
	"shortestPath": plainObject("Path", pathFields, pathGraph),
	"paths":        plainList("Path", pathFields, pathGraph),
	"search":       plainList("SearchHit", searchHitFields, nil),
	"relations":    plainObject("RelationConnection", relationConnectionFields, connectionGraph),
}

// graphOf returns the relations in a result and, when nodesHoldEnds, the
// nodes that hold their ends.
type graphOf[T any] func(v *T) (nodes []model.Entity, edges []*newsgraph.Relation, nodesHoldEnds bool)

func subgraphGraph(s *model.Subgraph) ([]model.Entity, []*newsgraph.Relation, bool) {
	return s.Nodes, s.Edges, true
}

func pathGraph(p *model.Path) ([]model.Entity, []*newsgraph.Relation, bool) {
	return p.Nodes, p.Edges, true
}

func connectionGraph(c *model.RelationConnection) ([]model.Entity, []*newsgraph.Relation, bool) {
	edges := make([]*newsgraph.Relation, 0, len(c.Edges))
	for _, e := range c.Edges {
		if e != nil && e.Node != nil {
			edges = append(edges, e.Node)
		}
	}
	return nil, edges, false
}

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
	if m := write(ctx, res); m != nil {
		return m, nil
	}
	return res, nil
}

// plainObject is the plainRoot of a field returning *T, an object type
// named typ; graph, when not nil, gives the relations in a value.
func plainObject[T any](typ string, fields map[string]plainField[*T], graph graphOf[T]) plainRoot {
	return func(c *plainCompiler, f graphql.CollectedField) (func(context.Context, any) graphql.Marshaler, bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(ctx context.Context, res any) graphql.Marshaler {
			v, ok := res.(*T)
			if !ok || v == nil || !bind(ctx, c, graph, v) {
				return nil
			}
			return plainMarshaler(func(b []byte) []byte { return w(b, v) })
		}, true
	}
}

// plainList is the plainRoot of a field returning []*T, a list of the
// object type typ.
func plainList[T any](typ string, fields map[string]plainField[*T], graph graphOf[T]) plainRoot {
	return func(c *plainCompiler, f graphql.CollectedField) (func(context.Context, any) graphql.Marshaler, bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(ctx context.Context, res any) graphql.Marshaler {
			list, ok := res.([]*T)
			if !ok || hasNil(list) || !bind(ctx, c, graph, list...) {
				return nil
			}
			return plainMarshaler(func(b []byte) []byte { return appendList(b, list, w) })
		}, true
	}
}

// bind gives the compiled writers the objects their relations point to,
// when the selection asks for them: the entities edges end at (from, to),
// found among the nodes when they hold them and loaded otherwise, and the
// documents evidence quotes (evidence { document }), loaded. It reports
// false when one is missing, for gqlgen to report.
func bind[T any](ctx context.Context, c *plainCompiler, graph graphOf[T], values ...*T) bool {
	if !c.usesEnds && !c.usesDocuments {
		return true
	}
	if graph == nil {
		return false
	}
	var edges []*newsgraph.Relation
	c.ends = map[string]*newsgraph.Entity{}
	holdEnds := true
	for _, v := range values {
		nodes, es, h := graph(v)
		for _, n := range nodes {
			c.ends[n.Domain().ID] = n.Domain()
		}
		edges = append(edges, es...)
		holdEnds = holdEnds && h
	}
	if c.usesEnds && !holdEnds && !c.loadEnds(ctx, edges) {
		return false
	}
	for _, r := range edges {
		if c.usesEnds && (c.ends[r.From] == nil || c.ends[r.To] == nil) {
			return false
		}
	}
	return !c.usesDocuments || c.loadDocuments(ctx, edges)
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
