package neo4j_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// statementVars maps each variable holding an embedded statement to the
// statement's file name, from the //go:embed directives of the package.
func statementVars(t *testing.T, files []*ast.File) map[string]string {
	t.Helper()
	vars := map[string]string{}
	for _, f := range files {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Doc == nil {
					continue
				}
				for _, c := range vs.Doc.List {
					if name, ok := strings.CutPrefix(c.Text, "//go:embed queries/"); ok {
						for _, id := range vs.Names {
							vars[id.Name] = strings.TrimSpace(name)
						}
					}
				}
			}
		}
	}
	return vars
}

// TestCallSitesPassDeclaredParams checks every call in the package that
// passes a statement variable followed by a literal parameter map (or nil):
// the map's keys must be exactly the parameters the statement's header
// declares, so a missing or misspelt parameter fails here rather than on a
// server. Statements run with computed parameters are checked by the tests
// of the functions that compute them (TestRelationStatement,
// TestPathStatement, TestMergeWrites).
func TestCallSitesPassDeclaredParams(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") && name != "export_test.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	vars := statementVars(t, files)
	if len(vars) == 0 {
		t.Fatal("found no //go:embed statement variables")
	}
	checked := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for i, arg := range call.Args[:max(len(call.Args)-1, 0)] {
				id, ok := arg.(*ast.Ident)
				if !ok || vars[id.Name] == "" {
					continue
				}
				keys, ok := literalKeys(call.Args[i+1])
				if !ok {
					continue
				}
				checked++
				file := vars[id.Name]
				where := fset.Position(call.Pos()).String()
				want := declaredParams(t, file, readFile(t, filepath.Join("queries", file)))
				slices.Sort(keys)
				if !slices.Equal(keys, want) {
					t.Errorf("%s: %s gets parameters %v, its header declares %v", where, file, keys, want)
				}
			}
			return true
		})
	}
	// Every statement run from a literal map is found: a drop means the
	// test no longer sees the calls.
	if checked < 19 {
		t.Errorf("checked %d call sites, want at least 19", checked)
	}
}

// literalKeys returns the string keys of a map composite literal, or none
// for nil; ok is false for any other expression.
func literalKeys(e ast.Expr) ([]string, bool) {
	if id, ok := e.(*ast.Ident); ok && id.Name == "nil" {
		return nil, true
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	if _, isMap := lit.Type.(*ast.MapType); !isMap {
		return nil, false
	}
	var keys []string
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		key, ok := kv.Key.(*ast.BasicLit)
		if !ok || key.Kind != token.STRING {
			return nil, false
		}
		s, err := strconv.Unquote(key.Value)
		if err != nil {
			return nil, false
		}
		keys = append(keys, s)
	}
	return keys, true
}
