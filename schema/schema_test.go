package schema_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/schema"
)

// TestFilesFormOneSchema loads the embedded files as gqlgen does and checks
// the entry points.
func TestFilesFormOneSchema(t *testing.T) {
	names, err := fs.Glob(schema.Files, "*.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 5 {
		t.Fatalf("found %d schema files, want at least 5: %v", len(names), names)
	}
	var sources []*ast.Source
	for _, name := range names {
		b, err := fs.ReadFile(schema.Files, name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(string(b)) == "" {
			t.Errorf("%s is empty", name)
		}
		sources = append(sources, &ast.Source{Name: name, Input: string(b)})
	}
	s, gqlErr := gqlparser.LoadSchema(sources...)
	if gqlErr != nil {
		t.Fatalf("LoadSchema: %v", gqlErr)
	}
	for _, field := range []string{"entity", "entities", "search", "relations", "neighborhood", "shortestPath", "paths", "document", "documents", "relationTypes", "stats"} {
		if s.Query.Fields.ForName(field) == nil {
			t.Errorf("Query.%s is missing", field)
		}
	}
}
