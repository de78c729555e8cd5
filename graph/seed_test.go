package graph_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/seed"
)

// TestSeedSmoke runs the main queries against the curated seed graph.
func TestSeedSmoke(t *testing.T) {
	a := seedAPI(t)

	t.Run("stats", func(t *testing.T) {
		var data struct {
			Stats struct{ Entities, Relations, Documents int }
		}
		a.query(t, `{ stats { entities relations documents } }`, nil, &data)
		if data.Stats.Entities < 40 || data.Stats.Relations < 60 || data.Stats.Documents < 1 {
			t.Errorf("stats = %+v, want at least 40 entities, 60 relations, 1 document", data.Stats)
		}
	})

	t.Run("search finds Sheinbaum first", func(t *testing.T) {
		var data struct {
			Search []struct{ Entity struct{ ID string } }
		}
		a.query(t, `{ search(query: "sheinbaum") { entity { id } } }`, nil, &data)
		if len(data.Search) == 0 || data.Search[0].Entity.ID != "person:claudia-sheinbaum" {
			t.Errorf("search hits = %+v, want person:claudia-sheinbaum first", data.Search)
		}
	})

	t.Run("Sheinbaum and Trump are connected", func(t *testing.T) {
		var data struct {
			ShortestPath *struct {
				Length int
				Nodes  []struct{ ID string }
			}
		}
		a.query(t, `{ shortestPath(from: "person:claudia-sheinbaum", to: "person:donald-trump") { length nodes { id } } }`, nil, &data)
		p := data.ShortestPath
		if p == nil || p.Length < 1 {
			t.Fatalf("shortestPath = %+v, want a path", p)
		}
		if got, want := p.Nodes[len(p.Nodes)-1].ID, "person:donald-trump"; got != want {
			t.Errorf("path ends at %s, want %s", got, want)
		}
	})

	t.Run("neighbourhood", func(t *testing.T) {
		var data struct {
			Neighborhood struct {
				Nodes []struct{ ID string }
				Edges []struct {
					From, To struct{ ID string }
				}
			}
		}
		a.query(t, `{ neighborhood(id: "person:claudia-sheinbaum", depth: 2) { nodes { id } edges { from { id } to { id } } } }`, nil, &data)
		nodes := map[string]bool{}
		for _, n := range data.Neighborhood.Nodes {
			nodes[n.ID] = true
		}
		if len(nodes) < 5 {
			t.Errorf("neighbourhood has %d nodes, want at least 5", len(nodes))
		}
		for _, e := range data.Neighborhood.Edges {
			if !nodes[e.From.ID] || !nodes[e.To.ID] {
				t.Errorf("edge %s -> %s leaves the subgraph", e.From.ID, e.To.ID)
			}
		}
	})

	t.Run("every quote is in its document", func(t *testing.T) {
		var data struct {
			Document struct {
				Text      string
				Relations struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Evidence []struct {
								Quote    string
								Document struct{ ID, Text string }
							}
						}
					}
				}
			}
		}
		// A document's text costs 100 in the complexity limit: the
		// seed's one document is read once, and every quote must be in it.
		a.query(t, `query($id: ID!) { document(id: $id) { text relations(first: 500) { totalCount edges { node {
			evidence { quote document { id } } } } } } }`, map[string]any{"id": seed.DocumentID}, &data)
		rels := data.Document.Relations
		if rels.TotalCount < 60 || len(rels.Edges) != rels.TotalCount {
			t.Fatalf("document has %d relations on a page of %d, want at least 60, all on one page", rels.TotalCount, len(rels.Edges))
		}
		for _, e := range rels.Edges {
			for _, ev := range e.Node.Evidence {
				if ev.Document.ID != seed.DocumentID || !strings.Contains(data.Document.Text, ev.Quote) {
					t.Errorf("quote %q is not in document %s", ev.Quote, ev.Document.ID)
				}
			}
		}
	})
}
