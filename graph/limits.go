package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph"
)

// shapeLimit rejects operations that nest fields more deeply than maxDepth,
// or that expand (fragments spread out) to more than maxFields fields, with
// LIMIT_EXCEEDED. gqlgen has no depth limit of its own. Each field costs at
// least 1 in the complexity calculation, so maxFields is set to the
// complexity limit: the check rejects nothing the complexity limit would
// accept, but it runs in time linear in the query text, so an operation
// whose fragments expand exponentially is turned away before gqlgen's
// complexity walk expands them. Introspection fields (__schema, __type,
// __typename) are not counted.
type shapeLimit struct {
	maxDepth  int
	maxFields int
	// maxRootFields bounds the fields of the operation's top level, and
	// maxAliases the aliased fields anywhere in it: one small operation
	// must not run the same expensive field a hundred times.
	maxRootFields int
	maxAliases    int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = shapeLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (shapeLimit) ExtensionName() string { return "ShapeLimit" }

// Validate implements graphql.HandlerExtension.
func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (l shapeLimit) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	// Most operations spread no fragment: the map is made on first use.
	m := &shapeMeter{}
	s := m.selectionSet(opCtx.Operation.SelectionSet)
	s.roots = m.roots(opCtx.Operation.SelectionSet)
	switch {
	case s.depth > l.maxDepth:
		return limitError("operation has depth %d, which exceeds the limit of %d", s.depth, l.maxDepth)
	case s.fields > l.maxFields:
		return limitError("operation has complexity of at least %d, which exceeds the limit of %d", s.fields, l.maxFields)
	case s.roots > l.maxRootFields:
		return limitError("operation has %d root fields, which exceeds the limit of %d: split it into several requests", s.roots, l.maxRootFields)
	case s.aliases > l.maxAliases:
		return limitError("operation has %d aliased fields, which exceeds the limit of %d", s.aliases, l.maxAliases)
	}
	return nil
}

func limitError(format string, args ...any) *gqlerror.Error {
	return codedError(newsgraph.LimitExceeded, fmt.Sprintf(format, args...))
}

// shape is the depth, the number of fields and of aliased fields of a
// selection set with its fragments expanded, and, for an operation, the
// number of its root fields.
type shape struct {
	depth   int
	fields  int
	aliases int
	roots   int
}

// shapeMeter measures selection sets, remembering the shape of each named
// fragment so that each is measured once.
type shapeMeter struct {
	fragments map[string]shape
	// fragmentRoots remembers the root fields of each named fragment.
	fragmentRoots map[string]int
}

func (m *shapeMeter) selectionSet(set ast.SelectionSet) shape {
	var s shape
	for _, sel := range set {
		var child shape
		switch sel := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(sel.Name, "__") {
				continue
			}
			child = m.selectionSet(sel.SelectionSet)
			child.depth++
			child.fields = saturatingAdd(child.fields, 1)
			if sel.Alias != "" && sel.Alias != sel.Name {
				child.aliases = saturatingAdd(child.aliases, 1)
			}
		case *ast.InlineFragment:
			child = m.selectionSet(sel.SelectionSet)
		case *ast.FragmentSpread:
			child = m.fragment(sel)
		}
		s.depth = max(s.depth, child.depth)
		s.fields = saturatingAdd(s.fields, child.fields)
		s.aliases = saturatingAdd(s.aliases, child.aliases)
	}
	return s
}

// roots counts the fields of an operation's top level, fragments expanded
// (introspection fields not counted).
func (m *shapeMeter) roots(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if !strings.HasPrefix(sel.Name, "__") {
				n = saturatingAdd(n, 1)
			}
		case *ast.InlineFragment:
			n = saturatingAdd(n, m.roots(sel.SelectionSet))
		case *ast.FragmentSpread:
			if sel.Definition == nil {
				continue
			}
			r, ok := m.fragmentRoots[sel.Name]
			if !ok {
				if m.fragmentRoots == nil {
					m.fragmentRoots = map[string]int{}
				}
				// Each fragment is counted once; the zero entry ends a
				// cycle, which validation rejects anyway.
				m.fragmentRoots[sel.Name] = 0
				r = m.roots(sel.Definition.SelectionSet)
				m.fragmentRoots[sel.Name] = r
			}
			n = saturatingAdd(n, r)
		}
	}
	return n
}

func (m *shapeMeter) fragment(spread *ast.FragmentSpread) shape {
	if spread.Definition == nil {
		return shape{}
	}
	if s, ok := m.fragments[spread.Name]; ok {
		return s
	}
	if m.fragments == nil {
		m.fragments = map[string]shape{}
	}
	// Validation rejects fragment cycles before this runs; the zero entry
	// ends the walk should one slip through.
	m.fragments[spread.Name] = shape{}
	s := m.selectionSet(spread.Definition.SelectionSet)
	m.fragments[spread.Name] = s
	return s
}

const maxInt = int(^uint(0) >> 1)

func saturatingAdd(a, b int) int {
	if a > maxInt-b {
		return maxInt
	}
	return a + b
}
