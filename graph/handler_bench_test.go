package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/subgraph"
)

// BenchmarkHandler measures the queries a visualisation frontend sends, over
// the seed graph, calling the handler in-process (no network), so that a
// CPU profile shows the cost of the GraphQL layer itself.
func BenchmarkHandler(b *testing.B) {
	s := openStore(b)
	if err := seed.Load(context.Background(), s); err != nil {
		b.Fatalf("seed.Load: %v", err)
	}
	h := graph.NewHandler(s, graph.Config{Logger: discardLogger()})
	benchmarks := []struct {
		name  string
		query string
	}{
		{"EntityByID", `{"query":"query($id: ID!) { entity(id: $id) { id name kind aliases description } }","variables":{"id":"person:claudia-sheinbaum"}}`},
		{"Search", `{"query":"query($q: String!) { search(query: $q, first: 10) { score entity { id name kind } } }","variables":{"q":"sheinb"}}`},
		{"NeighborhoodDepth2", `{"query":"query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type fromId toId } } }","variables":{"id":"person:claudia-sheinbaum"}}`},
		{"ShortestPath", `{"query":"query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes { id name kind } edges { id type fromId toId } } }","variables":{"a":"person:claudia-sheinbaum","b":"person:donald-trump"}}`},
		{"RelationPage", `{"query":"query($id: ID!) { relations(filter: {involving: $id}, first: 50) { totalCount edges { node { id type from { id name } to { id name } evidence { quote document { id title } } } } } }","variables":{"id":"person:claudia-sheinbaum"}}`},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				answer(b, h, bm.query)
			}
		})
	}
}

// answer posts the GraphQL request body to h in-process and fails unless it
// is answered without errors.
func answer(b *testing.B, h http.Handler, body string) *httptest.ResponseRecorder {
	b.Helper()
	rec := post(h, body)
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
		b.Fatalf("status %d: %.500s", rec.Code, rec.Body)
	}
	return rec
}

// post posts the GraphQL request body to h in-process.
func post(h http.Handler, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// BenchmarkHubNeighborhood measures a depth-2 neighbourhood of the biggest
// hub of a generated graph (limit 200): with the edges' ends as objects,
// as ids, and without them; by GET /v1/subgraph; and the store call alone.
func BenchmarkHubNeighborhood(b *testing.B) {
	s, hub := hubGraph(b)
	h := graph.NewHandler(s, graph.Config{Logger: discardLogger()})
	sgs, err := s.Neighborhoods(context.Background(), []newsgraph.NeighborhoodQuery{{ID: hub, Depth: 2, Limit: 200}})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("hub %s: %d nodes, %d edges", hub, len(sgs[0].Nodes), len(sgs[0].Edges))
	for _, bm := range []struct{ name, selection string }{
		{"Ends", "nodes { id name kind } edges { id type from { id } to { id } }"},
		{"EndIDs", "nodes { id name kind } edges { id type fromId toId }"},
		{"NoEnds", "nodes { id name kind } edges { id type }"},
	} {
		body := fmt.Sprintf(`{"query":"{ neighborhood(id: \"%s\", depth: 2, limit: 200) { truncated %s } }"}`, hub, bm.selection)
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				answer(b, h, body)
			}
		})
	}
	// The same walk by GET /v1/subgraph, the contract for drawing.
	sub := subgraph.Handler(s, subgraph.Config{Timeout: time.Minute})
	target := fmt.Sprintf("%s?root=%s&depth=2&limit=200", subgraph.Path, url.QueryEscape(hub))
	b.Run("Subgraph", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rec := httptest.NewRecorder()
			sub.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
	b.Run("Store", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Neighborhoods(context.Background(), []newsgraph.NeighborhoodQuery{{ID: hub, Depth: 2, Limit: 200}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
