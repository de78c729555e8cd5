package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

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
// field of plainFields: a value read from the resolved Go value, with no
// resolver, no arguments, no directive and no store call. The plainResults
// field middleware hands the result of a root field whose whole selection is
// plain to a marshaler compiled from that selection, which writes the JSON
// gqlgen would write, byte for byte, in one pass (plain_equivalence_test.go
// compares the two on every query shape). Any other selection, such as a
// relation's `from { name }` or `evidence { document { title } }`, goes
// through gqlgen's executor as before.

// plainRoots are the Query fields whose results may be written plainly:
// the ones a visualisation frontend calls per click and that return many
// objects.
var plainRoots = map[string]bool{
	"neighborhood": true,
	"shortestPath": true,
	"paths":        true,
	"search":       true,
}

// plainResults is a field middleware (handler.AroundFields): for a root
// field of plainRoots whose selection is plain, it returns a marshaler that
// writes the resolved value directly; gqlgen uses a returned marshaler as
// the field's value. Every other field passes through untouched.
func plainResults(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Object != "Query" || !plainRoots[fc.Field.Name] {
		return next(ctx)
	}
	res, err := next(ctx)
	if err != nil {
		return res, err
	}
	if m := compilePlain(graphql.GetOperationContext(ctx), fc.Field, res); m != nil {
		return m, nil
	}
	return res, nil
}

// compilePlain returns a marshaler writing res under the field's selection,
// or nil when the selection is not plain or res is not a value it knows (a
// nil result included: gqlgen writes null and its errors).
func compilePlain(oc *graphql.OperationContext, field graphql.CollectedField, res any) graphql.Marshaler {
	c := &plainCompiler{oc: oc}
	switch v := res.(type) {
	case *model.Subgraph:
		if v == nil {
			return nil
		}
		if w, ok := compileObject(c, field.Selections, []string{"Subgraph"}, subgraphFields); ok {
			return plainMarshaler(func(b []byte) []byte { return w(b, v) })
		}
	case *model.Path:
		if v == nil {
			return nil
		}
		if w, ok := compileObject(c, field.Selections, []string{"Path"}, pathFields); ok {
			return plainMarshaler(func(b []byte) []byte { return w(b, v) })
		}
	case []*model.Path:
		if w, ok := compileObject(c, field.Selections, []string{"Path"}, pathFields); ok && !hasNil(v) {
			return plainMarshaler(func(b []byte) []byte { return appendList(b, v, w) })
		}
	case []*model.SearchHit:
		if w, ok := compileObject(c, field.Selections, []string{"SearchHit"}, searchHitFields); ok && !hasNil(v) {
			return plainMarshaler(func(b []byte) []byte { return appendList(b, v, w) })
		}
	}
	return nil
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
