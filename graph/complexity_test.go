package graph_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestComplexityLetsAFrontendDrawANeighborhood: the default complexity
// limit admits the neighbourhood a graph-drawing frontend asks for (depth
// 2, limit 500, the fields it draws, hops and degrees, induced or not) and
// every operation of the explorer at its largest, and refuses what costs
// far more: the neighbourhood with the documents' text, or with every
// edge's evidence.
func TestComplexityLetsAFrontendDrawANeighborhood(t *testing.T) {
	a := fixtureAPI(t)
	for _, induced := range []bool{false, true} {
		resp := a.post(t, frontendNeighborhood, map[string]any{"id": ana, "induced": induced})
		if len(resp.Errors) > 0 {
			t.Errorf("induced %v: the frontend's neighbourhood is refused: %+v", induced, resp.Errors)
		}
	}
	// The explorer's GraphQL operations (web/src/explore/api.js; its
	// neighbourhoods come from GET /v1/subgraph) at their largest.
	for _, op := range []struct {
		name string
		vars map[string]any
	}{
		{"entityQuery", map[string]any{"id": ana}},
		{"searchQuery", map[string]any{"q": "Ana"}},
		{"relationQuery", map[string]any{"from": ana, "to": acme, "type": "WORKS_FOR"}},
		// explore.js asks for at most 50 paths (its k) of at most 6 hops.
		{"pathsQuery", map[string]any{"from": ana, "to": summit, "k": 50, "maxDepth": 6}},
	} {
		if resp := a.post(t, explorerQuery(t, op.name), op.vars); len(resp.Errors) > 0 {
			t.Errorf("the explorer's %s is refused: %+v", op.name, resp.Errors)
		}
	}
	for name, selection := range map[string]string{
		"documents' text": "nodes { id name documents { title text } } edges { id }",
		"edges' evidence": "nodes { id } edges { id evidence { quote document { title publishedAt } } }",
		"edges' ends":     "nodes { id } edges { id from { id name kind description } to { id name kind description } }",
	} {
		t.Run(name, func(t *testing.T) {
			query := strings.Replace(`query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { SELECTION } }`, "SELECTION", selection, 1)
			a.mustFail(t, query, map[string]any{"id": ana}, "LIMIT_EXCEEDED", "complexity", "limit of 30000")
		})
	}
}

// explorerQuery returns the text of the GraphQL operation that the
// explorer's web/src/explore/api.js holds in the template literal named
// name, with the constants it interpolates filled in (and theirs), so that the test
// checks the query the explorer really sends.
func explorerQuery(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile("../web/src/explore/api.js")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^(?:export )?const (\w+) = ("[^"]*"|`+"`[^`]*`"+`);`).FindAllStringSubmatch(string(src), -1) {
		consts[m[1]] = m[2][1 : len(m[2])-1]
	}
	ref := regexp.MustCompile(`\$\{(\w+)\}`)
	var expand func(name string, depth int) string
	expand = func(name string, depth int) string {
		text, ok := consts[name]
		if !ok || depth > 5 {
			t.Fatalf("web/src/explore/api.js has no const %s (or its constants nest too deep)", name)
		}
		return ref.ReplaceAllStringFunc(text, func(r string) string { return expand(r[2:len(r)-1], depth+1) })
	}
	return expand(name, 0)
}
