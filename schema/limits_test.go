package schema_test

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// loadSchema loads the embedded files as gqlgen does.
func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	names, err := fs.Glob(schema.Files, "*.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	var sources []*ast.Source
	for _, name := range names {
		b, err := fs.ReadFile(schema.Files, name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: name, Input: string(b)})
	}
	s, gqlErr := gqlparser.LoadSchema(sources...)
	if gqlErr != nil {
		t.Fatalf("LoadSchema: %v", gqlErr)
	}
	return s
}

// TestArgumentDefaultsAndLimitsAreTheGoConstants ties every default the
// schema states, and every limit its descriptions state, to the constant
// of package newsgraph that the stores and resolvers enforce, so that the
// documentation a client reads cannot drift from the behaviour.
func TestArgumentDefaultsAndLimitsAreTheGoConstants(t *testing.T) {
	s := loadSchema(t)
	type arg struct{ typ, field, arg string }
	pageArgs := []arg{{"Query", "entities", "first"}, {"Query", "relations", "first"}, {"Query", "documents", "first"}, {"Document", "relations", "first"}}
	var neighborArgs []arg
	for _, typ := range []string{"Entity", "Person", "Organization", "Place", "LegalConcept", "Event", "Claim"} {
		pageArgs = append(pageArgs, arg{typ, "relations", "first"})
		neighborArgs = append(neighborArgs, arg{typ, "neighbors", "first"})
	}
	tests := []struct {
		args []arg
		// def is the default the schema must state; limit, when not zero,
		// the largest value the description must name, as "... to N".
		def, limit int
	}{
		{pageArgs, newsgraph.DefaultPageSize, newsgraph.MaxPageSize},
		// A neighbours field is one neighbourhood around the entity, whose
		// limit counts the entity itself: one fewer than a page.
		{neighborArgs, newsgraph.DefaultPageSize, newsgraph.MaxPageSize - 1},
		{[]arg{{"Query", "search", "first"}}, newsgraph.DefaultSearchLimit, newsgraph.MaxPageSize},
		{[]arg{{"Query", "neighborhood", "depth"}}, 1, newsgraph.MaxNeighborhoodDeep},
		{[]arg{{"Query", "neighborhood", "limit"}}, newsgraph.DefaultNeighborhood, newsgraph.MaxPageSize},
		{[]arg{{"Query", "shortestPath", "maxDepth"}, {"Query", "paths", "maxDepth"}}, newsgraph.DefaultPathDepth, newsgraph.MaxPathDepth},
		{[]arg{{"Query", "paths", "first"}}, newsgraph.DefaultPathCount, newsgraph.MaxPathCount},
		{[]arg{{"Relation", "evidence", "first"}}, newsgraph.DefaultEvidence, newsgraph.MaxPageSize},
		{[]arg{{"Query", "mergeHistory", "first"}}, newsgraph.DefaultMergeHistory, newsgraph.MaxPageSize},
	}
	checked := 0
	for _, tt := range tests {
		for _, a := range tt.args {
			def := s.Types[a.typ]
			if def == nil || def.Fields.ForName(a.field) == nil || def.Fields.ForName(a.field).Arguments.ForName(a.arg) == nil {
				t.Errorf("%s.%s(%s) is not in the schema", a.typ, a.field, a.arg)
				continue
			}
			ad := def.Fields.ForName(a.field).Arguments.ForName(a.arg)
			checked++
			switch {
			case ad.DefaultValue == nil:
				t.Errorf("%s.%s(%s) states no default, want %d", a.typ, a.field, a.arg, tt.def)
			case ad.DefaultValue.Raw != strconv.Itoa(tt.def):
				t.Errorf("%s.%s(%s) defaults to %s, the Go constant is %d", a.typ, a.field, a.arg, ad.DefaultValue.Raw, tt.def)
			}
			if tt.limit != 0 && !strings.Contains(ad.Description, fmt.Sprintf("to %d", tt.limit)) {
				t.Errorf("%s.%s(%s): the description %q does not state the limit %d (\"... to %d\")", a.typ, a.field, a.arg, ad.Description, tt.limit, tt.limit)
			}
		}
	}
	if checked < 20 {
		t.Errorf("checked %d arguments, want every paged field (at least 20)", checked)
	}
}
