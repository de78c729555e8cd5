package graph_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestComplexityLetsAFrontendDrawANeighborhood: the default complexity
// limit admits the neighbourhood a graph-drawing frontend asks for (depth
// 2, limit 500, the fields it draws, hops and degrees, induced or not), and
// refuses what costs far more: the same with the documents' text, or with
// every edge's evidence.
func TestComplexityLetsAFrontendDrawANeighborhood(t *testing.T) {
	a := fixtureAPI(t)
	for _, induced := range []bool{false, true} {
		resp := a.post(t, frontendNeighborhood, map[string]any{"id": ana, "induced": induced})
		if len(resp.Errors) > 0 {
			t.Errorf("induced %v: the frontend's neighbourhood is refused: %+v", induced, resp.Errors)
		}
	}
	// The explorer's own query (web/src/explore/api.js) at its largest
	// limit: what it draws, induced, with hops and degrees.
	explorer := explorerQuery(t, "neighborhoodQuery")
	vars := map[string]any{"id": ana, "depth": 2, "limit": 500, "direction": "BOTH"}
	if resp := a.post(t, explorer, vars); len(resp.Errors) > 0 {
		t.Errorf("the explorer's largest neighbourhood is refused: %+v", resp.Errors)
	}
	probe := graph.NewHandler(openStore(t), graph.Config{Logger: discardLogger(), ComplexityLimit: 50})
	t.Logf("the explorer's neighbourhood at limit 500 costs %d", complexityOf(t, probe, explorer, `{"id":"x","depth":2,"limit":500}`))
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
// name, with the constants it interpolates filled in, so that the test
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
	query, ok := consts[name]
	if !ok {
		t.Fatalf("web/src/explore/api.js has no const %s", name)
	}
	return regexp.MustCompile(`\$\{(\w+)\}`).ReplaceAllStringFunc(query, func(ref string) string {
		v, ok := consts[ref[2:len(ref)-1]]
		if !ok {
			t.Fatalf("%s interpolates %s, which is not a constant of api.js", name, ref)
		}
		return v
	})
}
