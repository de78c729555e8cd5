package graph_test

import (
	"strings"
	"testing"
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
	// limit, with what it draws: colour by kind, width by corroboration,
	// red for DISPUTED.
	const explorer = `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { truncated
		nodes { id name kind } edges { id type fromId toId status corroboration } } }`
	if resp := a.post(t, explorer, map[string]any{"id": ana}); len(resp.Errors) > 0 {
		t.Errorf("the explorer's largest neighbourhood is refused: %+v", resp.Errors)
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
