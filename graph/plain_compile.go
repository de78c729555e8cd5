package graph

import (
	"io"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph"
)

// plainWriter appends the JSON of one value of type T to b.
type plainWriter[T any] func(b []byte, v T) []byte

// plainField compiles one field of an object of Go type T: given the
// collected field (its sub-selection, for object-valued fields), it returns
// the writer of the field's value, or false when the sub-selection is not
// plain.
type plainField[T any] func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool)

// plainCompiler compiles selections of one operation, and holds what the
// compiled writers share while they write one result.
type plainCompiler struct {
	oc *graphql.OperationContext
	// usesEnds records that the selection asks for a relation's from or
	// to, and usesDocuments for an evidence item's document; bind then
	// fills ends and documents, by id, for the result being written.
	usesEnds, usesDocuments bool
	ends                    map[string]*newsgraph.Entity
	documents               map[string]*newsgraph.Document
}

// compileObject compiles a selection on an object type satisfying the given
// type names (the object type first, then its interfaces) into a writer of
// `{"alias":value,...}` in selection order, as gqlgen writes it. It fails
// when a selected field is not in fields, takes arguments, carries a
// directive other than @skip and @include, or is deferred.
func compileObject[T any](c *plainCompiler, sel ast.SelectionSet, satisfies []string, fields map[string]plainField[T]) (plainWriter[T], bool) {
	collected := graphql.CollectFields(c.oc, sel, satisfies)
	keys := make([][]byte, len(collected))
	writers := make([]plainWriter[T], len(collected))
	for i, f := range collected {
		if !plainSelectable(f) {
			return nil, false
		}
		keys[i] = appendQuoted(nil, f.Alias)
		if f.Name == "__typename" {
			typeName := appendQuoted(nil, satisfies[0])
			writers[i] = func(b []byte, _ T) []byte { return append(b, typeName...) }
			continue
		}
		compile, ok := fields[f.Name]
		if !ok {
			return nil, false
		}
		if writers[i], ok = compile(c, f); !ok {
			return nil, false
		}
	}
	return func(b []byte, v T) []byte {
		b = append(b, '{')
		for i, w := range writers {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, keys[i]...)
			b = append(b, ':')
			b = w(b, v)
		}
		return append(b, '}')
	}, true
}

// plainSelectable reports whether a collected field can be written plainly
// as far as the query goes: no arguments, no directives but @skip and
// @include (already applied by CollectFields), not deferred, and no
// directive on its definition (such as @requires).
func plainSelectable(f graphql.CollectedField) bool {
	if len(f.Arguments) > 0 || f.IsDeferred() || len(f.Deferrables) > 0 {
		return false
	}
	for _, d := range f.Directives {
		if d.Name != "skip" && d.Name != "include" {
			return false
		}
	}
	return f.Definition == nil || len(f.Definition.Directives) == 0
}

// objectField is a plain field holding an object of type typ, never null.
func objectField[T, V any](typ string, fields map[string]plainField[V], get func(T) V) plainField[T] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(b []byte, v T) []byte { return w(b, get(v)) }, true
	}
}

// listField is a plain field holding a list of objects of type typ.
func listField[T, V any](typ string, fields map[string]plainField[V], get func(T) []V) plainField[T] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool) {
		w, ok := compileObject(c, f.Selections, []string{typ}, fields)
		if !ok {
			return nil, false
		}
		return func(b []byte, v T) []byte { return appendList(b, get(v), w) }, true
	}
}

// leaf is a plainField of a scalar value, which has no sub-selection.
func leaf[T any](w plainWriter[T]) plainField[T] {
	return func(*plainCompiler, graphql.CollectedField) (plainWriter[T], bool) { return w, true }
}

// appendList appends a JSON array of the values written by w.
func appendList[T any](b []byte, list []T, w plainWriter[T]) []byte {
	b = append(b, '[')
	for i, v := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = w(b, v)
	}
	return append(b, ']')
}

// plainMarshaler is a compiled writer bound to its value: gqlgen calls
// MarshalGQL to write the field's value into the response.
type plainMarshaler func(b []byte) []byte

// MarshalGQL writes the value in one Write, from a pooled buffer: gqlgen
// copies what it is given.
func (m plainMarshaler) MarshalGQL(w io.Writer) {
	buf := plainBuffers.Get().(*[]byte)
	*buf = m((*buf)[:0])
	_, _ = w.Write(*buf)
	if cap(*buf) <= maxPooledBuffer {
		plainBuffers.Put(buf)
	}
}

// maxPooledBuffer bounds the buffers kept for reuse, so that one huge
// answer does not pin its memory.
const maxPooledBuffer = 1 << 20

// plainBuffers holds buffers of plain results between requests.
var plainBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}
