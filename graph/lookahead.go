package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph"
)

// Lookahead: a resolver that returns a list can see what the client selects
// on its items, and start loading it for all items at once (prefetch.go).

// selected reports whether the current field's selection selects the field
// path below it, following fragments and honouring @skip and @include.
func selected(ctx context.Context, path ...string) bool {
	return len(selectionsAt(ctx, path...)) > 0
}

// selectionsAt returns the selection sets of the fields at path below the
// current field: one per occurrence (aliases, fragments). An empty path
// gives the current field's own selection set.
func selectionsAt(ctx context.Context, path ...string) []ast.SelectionSet {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil {
		return nil
	}
	return collectAt(graphql.GetOperationContext(ctx), fc.Field.Selections, fc.Field.Definition.Type.Name(), path, nil)
}

func collectAt(opCtx *graphql.OperationContext, set ast.SelectionSet, typeName string, path []string, out []ast.SelectionSet) []ast.SelectionSet {
	if len(path) == 0 {
		return append(out, set)
	}
	for _, f := range graphql.CollectFields(opCtx, set, []string{typeName}) {
		if f.Name == path[0] && f.Definition != nil {
			out = collectAt(opCtx, f.Selections, f.Definition.Type.Name(), path[1:], out)
		}
	}
	return out
}

// fieldsOn returns the fields set selects on an object of type typeName
// that implements interfaces.
func fieldsOn(ctx context.Context, set ast.SelectionSet, typeName string, interfaces ...string) []graphql.CollectedField {
	return graphql.CollectFields(graphql.GetOperationContext(ctx), set, append([]string{typeName}, interfaces...))
}

// args holds a field's arguments as the client wrote them, defaults
// applied, variables substituted. Its getters report false for a value
// they cannot read, so that callers can skip what they do not understand.
type args map[string]any

func fieldArgs(ctx context.Context, f graphql.CollectedField) args {
	return f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
}

func (a args) int(name string, def int) (int, bool) {
	v, ok := a[name]
	if !ok || v == nil {
		return def, true
	}
	n, err := graphql.UnmarshalInt(v)
	return n, err == nil
}

func (a args) string(name string) (string, bool) {
	v, ok := a[name]
	if !ok || v == nil {
		return "", true
	}
	s, isString := v.(string)
	return s, isString
}

func (a args) date(name string) (newsgraph.Date, bool) {
	s, ok := a.string(name)
	if !ok {
		return newsgraph.Date{}, false
	}
	d, err := newsgraph.ParseDate(s)
	return d, err == nil
}

func (a args) strings(name string) ([]string, bool) {
	v, ok := a[name]
	if !ok || v == nil {
		return nil, true
	}
	list, isList := v.([]any)
	if !isList {
		return nil, false
	}
	out := make([]string, len(list))
	for i, item := range list {
		s, isString := item.(string)
		if !isString {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}
