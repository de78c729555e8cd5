package graph_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
)

// frontendNeighborhood is the query a graph-drawing frontend sends: a
// depth-2 neighbourhood of up to 500 nodes with what it draws.
const frontendNeighborhood = `query($id: ID!, $induced: Boolean) { neighborhood(id: $id, depth: 2, limit: 500, induced: $induced) {
	truncated hops nodes { id name kind degree } edges { id type fromId toId } } }`

// complexityOf returns the complexity gqlgen computes for query with vars,
// read from the refusal of a handler whose limit is below it (and above its
// number of fields, which a cheaper check counts first).
func complexityOf(tb testing.TB, h http.Handler, query, vars string) int {
	tb.Helper()
	rec := post(h, fmt.Sprintf(`{"query":%q,"variables":%s}`, query, vars))
	m := regexp.MustCompile(`complexity (\d+)`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		tb.Fatalf("no complexity in the refusal: %s", rec.Body)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// hubGraph opens a store holding a generated graph of 10,000 entities and
// 100,000 relations and returns it with the id of its biggest hub.
func hubGraph(b *testing.B) (newsgraph.Store, string) {
	b.Helper()
	cfg := gen.Config{Entities: 10_000, Relations: 100_000, Seed: 1}
	g, err := gen.Graph(cfg)
	if err != nil {
		b.Fatal(err)
	}
	s := openStore(b)
	upsert(b, s, *g)
	return s, gen.Hubs(cfg, 1)[0]
}

// BenchmarkComplexity measures what the complexity estimate stands for:
// the time and allocations of queries at the size a frontend asks, over a
// generated 100,000-relation graph, each reported with its complexity so
// that the cost of one unit can be compared between them (ns/unit,
// B/unit). The neighbourhoods start at the biggest hub, so they fill their
// 500 nodes. Run: go test ./graph -run '^$' -bench Complexity -benchtime 200ms
func BenchmarkComplexity(b *testing.B) {
	s, hub := hubGraph(b)
	h := graph.NewHandler(s, graph.Config{Logger: discardLogger(), ComplexityLimit: 1 << 30})
	probe := graph.NewHandler(s, graph.Config{Logger: discardLogger(), ComplexityLimit: 50})
	for _, depth := range []int{1, 2} {
		for _, induced := range []bool{false, true} {
			sgs, err := s.Neighborhoods(b.Context(), []newsgraph.NeighborhoodQuery{{ID: hub, Depth: depth, Limit: 500, Induced: induced}})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("hub %s, depth %d, induced %v: %d nodes, %d edges", hub, depth, induced, len(sgs[0].Nodes), len(sgs[0].Edges))
		}
	}
	for _, bm := range []struct{ name, query, vars string }{
		{"Neighborhood500", frontendNeighborhood, `{"id":%q}`},
		{"Neighborhood500Induced", frontendNeighborhood, `{"id":%q,"induced":true}`},
		{"Neighborhood500Depth1", strings.Replace(frontendNeighborhood, "depth: 2", "depth: 1", 1), `{"id":%q}`},
		{"Neighborhood500Depth1Induced", strings.Replace(frontendNeighborhood, "depth: 2", "depth: 1", 1), `{"id":%q,"induced":true}`},
		{"Neighborhood500Ends", `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) {
			nodes { id name kind } edges { id type from { id name } to { id name } } } }`, `{"id":%q}`},
		{"Neighborhood500Evidence", `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) {
			nodes { id name kind } edges { id type evidence { quote document { id title } } } } }`, `{"id":%q}`},
		{"RelationPage500", `{ relations(first: 500) { edges { node { id type fromId toId } } } }`, `{}`},
		{"EntityPage500", `{ entities(first: 500) { edges { node { id name kind degree } } } }`, `{}`},
		{"RelationPage100Ends", `{ relations(first: 100) { edges { node { id type from { id name } to { id name } evidence { quote document { id title } } } } } }`, `{}`},
	} {
		vars := bm.vars
		if strings.Contains(vars, "%q") {
			vars = fmt.Sprintf(vars, hub)
		}
		units := complexityOf(b, probe, bm.query, vars)
		body := fmt.Sprintf(`{"query":%q,"variables":%s}`, bm.query, vars)
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			var bytes int
			for b.Loop() {
				bytes = answer(b, h, body).Body.Len()
			}
			b.ReportMetric(float64(units), "units")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(units), "ns/unit")
			b.ReportMetric(float64(bytes), "resp-bytes")
		})
	}
	// The store calls behind the frontend's neighbourhood, without GraphQL.
	b.Run("Neighborhood500StoreCalls", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sgs, err := s.Neighborhoods(b.Context(), []newsgraph.NeighborhoodQuery{{ID: hub, Depth: 2, Limit: 500}})
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]string, len(sgs[0].Nodes))
			for i, n := range sgs[0].Nodes {
				ids[i] = n.ID
			}
			if _, err := s.Degrees(b.Context(), ids); err != nil {
				b.Fatal(err)
			}
		}
	})
}
