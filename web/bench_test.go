package web_test

import (
	"cmp"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/storebench"
	"github.com/newsgraph/newsgraph/subgraph"
)

// drawGraph is the generated graph the draw benchmark reads from: 1M
// relations among 200,000 entities, the ratio of package storebench.
var drawGraph = gen.Config{Entities: 200_000, Relations: 1_000_000, Seed: 1}

// drawEdges is the number of relations the drawn neighbourhood should have:
// the benchmark draws the depth-2, limit-500 induced neighbourhood, with
// entities two hops out, whose relation count is nearest to it among those
// of the drawCandidates biggest hubs.
const (
	drawEdges      = 2_000
	drawCandidates = 2_000
)

// BenchmarkExplorerDraw reports the time the explorer takes to draw a
// 500-entity, ~2,000-relation neighbourhood read through the API from a
// generated 1M-relation graph in the embedded store, in Chromium
// (draw-ms: from focus to the first paint after the layout, the API
// request included; fetch-ms: the request alone), and the median and
// 95th-percentile frame times while a node is dragged (test/bench.mjs).
// Generating and loading the graph takes 10-20 s, once per run (-count 3
// runs it three times). NEWSGRAPH_SCREENSHOTS=DIR keeps the drawing as
// explore-bench.png. It is a figure, not a check: run it with
//
//	go test ./web -run '^$' -bench ExplorerDraw -benchtime 1x -count 3
func BenchmarkExplorerDraw(b *testing.B) {
	if _, err := os.Stat(chromium); err != nil {
		b.Skip(err)
	}
	store, root, size := drawStore(b)
	b.Logf("drawing the neighbourhood of %s: %d entities, %d relations", root, size.Nodes, size.Edges)
	logger := slog.New(slog.DiscardHandler)
	routes := server.Routes{
		GraphQL:  graph.NewHandler(store, graph.Config{Logger: logger}),
		Subgraph: subgraph.Handler(store, subgraph.Config{Timeout: graph.DefaultRequestTimeout}),
	}
	srv := httptest.NewServer(server.Handler(routes, store, server.Config{Logger: logger}))
	b.Cleanup(srv.Close)
	for b.Loop() {
		cmd := exec.Command("node", "test/bench.mjs")
		cmd.Env = append(os.Environ(), "BASE_URL="+srv.URL, "CHROMIUM="+chromium, "ROOT="+root)
		if dir := os.Getenv("NEWSGRAPH_SCREENSHOTS"); dir != "" {
			cmd.Env = append(cmd.Env, "SCREENSHOTS="+dir) // explore-bench.png
		}
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("test/bench.mjs: %v\n%s", err, out)
		}
		var r struct {
			DrawMs, FetchMs, FrameMedianMs, FrameP95Ms float64
			Nodes, Edges                               int
		}
		if err := json.Unmarshal(out, &r); err != nil {
			b.Fatalf("test/bench.mjs printed %q: %v", out, err)
		}
		if r.Nodes != size.Nodes || r.Edges != size.Edges {
			b.Fatalf("drew %d entities and %d relations, the API's neighbourhood has %d and %d", r.Nodes, r.Edges, size.Nodes, size.Edges)
		}
		b.ReportMetric(r.DrawMs, "draw-ms")
		b.ReportMetric(r.FetchMs, "fetch-ms")
		b.ReportMetric(r.FrameMedianMs, "frame-median-ms")
		b.ReportMetric(r.FrameP95Ms, "frame-p95-ms")
	}
}

// subgraphSize is the size of a neighbourhood.
type subgraphSize struct{ Nodes, Edges int }

// drawStore returns an embedded store holding drawGraph, the root whose
// depth-2, limit-500 induced neighbourhood (the explorer's query) has 500
// entities, some of them two hops out (the biggest hubs fill 500 with their
// own neighbours), and the number of relations nearest drawEdges among the
// drawCandidates biggest hubs, and that neighbourhood's size.
func drawStore(b *testing.B) (newsgraph.Store, string, subgraphSize) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	g, err := gen.Graph(drawGraph)
	if err != nil {
		b.Fatal(err)
	}
	store, err := embedded.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = store.Close() })
	if err := storebench.Import(ctx, store, g); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated and loaded %d relations in %v", len(g.Relations), time.Since(start).Round(time.Second))
	hubs := gen.Hubs(drawGraph, drawCandidates)
	qs := make([]newsgraph.NeighborhoodQuery, len(hubs))
	for i, id := range hubs {
		qs[i] = newsgraph.NeighborhoodQuery{ID: id, Depth: 2, Direction: newsgraph.Both, Limit: 500, Induced: true}
	}
	sgs, err := store.Neighborhoods(ctx, qs)
	if err != nil {
		b.Fatal(err)
	}
	best := -1
	for i, sg := range sgs {
		if len(sg.Nodes) < 500 || !slices.Contains(sg.Hops, 2) {
			continue
		}
		if best < 0 || cmp.Compare(abs(len(sg.Edges)-drawEdges), abs(len(sgs[best].Edges)-drawEdges)) < 0 {
			best = i
		}
	}
	if best < 0 {
		b.Fatal("no hub has a 500-entity neighbourhood")
	}
	return store, hubs[best], subgraphSize{len(sgs[best].Nodes), len(sgs[best].Edges)}
}

// abs is |n|.
func abs(n int) int { return max(n, -n) }
