package neo4j_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// queryFiles returns the names of the files in queries/.
func queryFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("queries")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".cypher") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no .cypher files in queries/")
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	headerPattern  = regexp.MustCompile(`^// params: (.*)$`)
	commentPattern = regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*`)
	stringPattern  = regexp.MustCompile(`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`)
	paramPattern   = regexp.MustCompile("\\$`?([A-Za-z_][A-Za-z0-9_]*)")
	embedPattern   = regexp.MustCompile(`(?m)^\s*//go:embed queries/(\S+\.cypher)\s*$`)
)

// declaredParams parses the header "// params: a, b" or "// params: (none)".
func declaredParams(t *testing.T, name, text string) []string {
	t.Helper()
	first, _, _ := strings.Cut(text, "\n")
	m := headerPattern.FindStringSubmatch(first)
	if m == nil {
		t.Errorf("%s: first line %q is not a header \"// params: a, b\" or \"// params: (none)\"", name, first)
		return nil
	}
	if strings.TrimSpace(m[1]) == "(none)" {
		return nil
	}
	var params []string
	for p := range strings.SplitSeq(m[1], ",") {
		params = append(params, strings.TrimSpace(p))
	}
	slices.Sort(params)
	return params
}

// usedParams returns the $parameters of a statement outside comments and
// string literals, sorted, without duplicates.
func usedParams(text string) []string {
	code := commentPattern.ReplaceAllString(text, " ")
	code = stringPattern.ReplaceAllString(code, "''")
	var params []string
	for _, m := range paramPattern.FindAllStringSubmatch(code, -1) {
		params = append(params, m[1])
	}
	slices.Sort(params)
	return slices.Compact(params)
}

func TestQueryParamsDeclared(t *testing.T) {
	for _, name := range queryFiles(t) {
		t.Run(name, func(t *testing.T) {
			text := readFile(t, filepath.Join("queries", name))
			declared := declaredParams(t, name, text)
			used := usedParams(text)
			if got, want := strings.Join(used, ", "), strings.Join(declared, ", "); got != want {
				t.Errorf("%s uses parameters [%s] but declares [%s]", name, got, want)
			}
		})
	}
}

func TestUsedParamsIgnoresCommentsAndStrings(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"MATCH (n {id: $id}) RETURN n", []string{"id"}},
		{"// $commented\nRETURN $a, $b, $a", []string{"a", "b"}},
		{"RETURN '$inString', \"$also\", $real", []string{"real"}},
		{"/* $block */ RETURN $`quoted`", []string{"quoted"}},
	}
	for _, tt := range tests {
		if got, want := usedParams(tt.text), tt.want; !slices.Equal(got, want) {
			t.Errorf("usedParams(%q) = %v, want %v", tt.text, got, want)
		}
	}
}

// TestQueriesEmbedded checks that every statement file is embedded by the
// package's code, once, and that the one that empties the database is
// embedded by reset.go alone, whose DeleteAll the store never calls.
func TestQueriesEmbedded(t *testing.T) {
	goFiles, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	embeddedBy := map[string][]string{}
	for _, f := range goFiles {
		for _, m := range embedPattern.FindAllStringSubmatch(readFile(t, f), -1) {
			embeddedBy[m[1]] = append(embeddedBy[m[1]], f)
		}
	}
	for _, name := range queryFiles(t) {
		files := embeddedBy[name]
		switch {
		case len(files) == 0:
			t.Errorf("queries/%s is not embedded by any Go file: use it or delete it", name)
		case len(files) > 1:
			t.Errorf("queries/%s is embedded more than once: %v", name, files)
		case name == "delete_all.cypher" && files[0] != "reset.go":
			t.Errorf("queries/%s empties the database: only reset.go may embed it, not %s", name, files[0])
		case strings.HasSuffix(files[0], "_test.go"):
			t.Errorf("queries/%s is embedded by %s only, a test file", name, files[0])
		}
	}
}
