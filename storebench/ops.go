package storebench

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// degreeBatch is the number of entities of one Degrees call: one hub and
// ordinary entities, as in a drawn neighbourhood.
const degreeBatch = 100

// baselineTime is how long reportBaseline runs the baseline at least,
// when the benchmark ran longer.
const baselineTime = 500 * time.Millisecond

// readBenchmark is one benchmark over a filled store.
type readBenchmark struct {
	name string
	run  func(b *testing.B, s newsgraph.Store)
}

// traversal is a traversal query the baseline answers too: store runs the
// i-th query on a store, baseline the same query on the baseline.
type traversal struct {
	name  string
	store func(ctx context.Context, s newsgraph.Store, i int) error
	// baseline runs the query on the baseline, copying the results as a
	// store must when copies is true.
	baseline func(i int, copies bool)
}

// readBenchmarks lists the benchmarks of the read operations on w's graph.
func readBenchmarks(w *Workload) []readBenchmark {
	benches := []readBenchmark{
		{"EntityByID", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			id := w.IDs[i%len(w.IDs)]
			got, err := s.EntitiesByID(ctx, []string{id})
			if err == nil && got[id] == nil {
				err = fmt.Errorf("entity %s not found", id)
			}
			return err
		})},
		{"Search", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			name := w.Names[i%len(w.Names)]
			hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: name, Limit: newsgraph.DefaultSearchLimit})
			if err == nil && len(hits) == 0 {
				err = fmt.Errorf("search %q found nothing", name)
			}
			return err
		})},
		// What a search box sends as the user types: the first 3 to 6
		// letters of a name, which many entities match.
		{"SearchPrefix", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			name := w.Names[i%len(w.Names)]
			prefix := name[:min(len(name), 3+i%4)]
			hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: prefix, Limit: newsgraph.DefaultSearchLimit})
			if err == nil && len(hits) == 0 {
				err = fmt.Errorf("search %q found nothing", prefix)
			}
			return err
		})},
	}
	for _, t := range traversalBenchmarks(w) {
		benches = append(benches, readBenchmark{t.name, func(b *testing.B, s newsgraph.Store) {
			loop(t.store)(b, s)
			reportBaseline(b, t.baseline)
		}})
	}
	benches = append(benches,
		readBenchmark{"Paths", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			p := w.Pairs[i%len(w.Pairs)]
			_, err := s.Paths(ctx, newsgraph.PathQuery{From: p[0], To: p[1], MaxDepth: pathDepth, Limit: pathCount})
			return err
		})},
		// What /v1/subgraph and Entity.degree ask for every node drawn:
		// the degrees of a list of entities, hubs among them.
		readBenchmark{"Degrees", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			ids := []string{w.Hubs[i%len(w.Hubs)]}
			for j := range degreeBatch - 1 {
				ids = append(ids, w.IDs[(i*degreeBatch+j)%len(w.IDs)])
			}
			got, err := s.Degrees(ctx, ids)
			if err == nil && got[ids[0]] == 0 {
				err = fmt.Errorf("hub %s has no degree", ids[0])
			}
			return err
		})},
		readBenchmark{"RelationPage/involving+type", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			f := newsgraph.RelationFilter{Involving: w.Hubs[i%len(w.Hubs)], Types: w.Types[:1]}
			return relationPage(ctx, s, f)
		})},
		readBenchmark{"RelationPage/types", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			f := newsgraph.RelationFilter{Types: w.Types[i%3 : i%3+2]}
			return relationPage(ctx, s, f)
		})},
		readBenchmark{"RelationPage/document", loop(func(ctx context.Context, s newsgraph.Store, i int) error {
			f := newsgraph.RelationFilter{DocumentID: w.Documents[i%len(w.Documents)]}
			return relationPage(ctx, s, f)
		})},
	)
	return benches
}

// traversalBenchmarks lists the traversals measured on stores and on the
// baseline alike.
func traversalBenchmarks(w *Workload) []traversal {
	var ts []traversal
	for _, depth := range []int{1, 2} {
		for _, v := range []struct {
			name string
			ids  []string
		}{{"hub", w.Hubs}, {"ordinary", w.Ordinary}} {
			ts = append(ts, traversal{
				name: fmt.Sprintf("Neighborhood/depth%d/%s", depth, v.name),
				store: func(ctx context.Context, s newsgraph.Store, i int) error {
					q := newsgraph.NeighborhoodQuery{ID: v.ids[i%len(v.ids)], Depth: depth, Direction: newsgraph.Both, Limit: neighborhoodLimit}
					_, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{q})
					return err
				},
				baseline: func(i int, copies bool) {
					nodes, edges, _ := w.Baseline.Neighborhood(w.Baseline.Node(v.ids[i%len(v.ids)]), depth, neighborhoodLimit)
					if copies {
						w.Baseline.Copies(nodes, edges)
					}
				},
			})
		}
	}
	ts = append(ts, traversal{
		name: "ShortestPath",
		store: func(ctx context.Context, s newsgraph.Store, i int) error {
			p := w.Pairs[i%len(w.Pairs)]
			_, err := s.ShortestPath(ctx, newsgraph.PathQuery{From: p[0], To: p[1], MaxDepth: pathDepth, Direction: newsgraph.Both})
			return err
		},
		baseline: func(i int, copies bool) {
			p := w.Pairs[i%len(w.Pairs)]
			nodes := w.Baseline.ShortestPath(w.Baseline.Node(p[0]), w.Baseline.Node(p[1]), pathDepth)
			if copies {
				w.Baseline.Copies(nodes, w.Baseline.PathRelations(nodes))
			}
		},
	})
	return ts
}

// loop returns a benchmark that runs query with i = 0, 1, 2, ... until
// b.Loop ends, failing on the first error. A first, untimed run lets the
// store build what it builds once after a write, such as caches; a
// collection then clears the garbage of that and of the import, which
// would otherwise be charged to whichever benchmark runs next.
func loop(query func(ctx context.Context, s newsgraph.Store, i int) error) func(b *testing.B, s newsgraph.Store) {
	return func(b *testing.B, s newsgraph.Store) {
		ctx := b.Context()
		if err := query(ctx, s, 0); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		i := 0
		for b.Loop() {
			if err := query(ctx, s, i); err != nil {
				b.Fatal(err)
			}
			i++
		}
	}
}

// reportBaseline runs the baseline on the b.N queries the benchmark just
// ran (or on whole rounds of them for at least baselineTime), and reports its time per query, baseline-ns/op, and the
// benchmark's time as a multiple of it, x-baseline; then the same with the
// baseline copying its results as a store must, baseline+copy-ns/op and
// x-baseline+copy.
func reportBaseline(b *testing.B, baseline func(i int, copies bool)) {
	n := b.N
	if n == 0 {
		return
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(n)
	for _, copies := range []bool{false, true} {
		// The same queries, in the same order, stopping early after whole
		// rounds of them once the figure is steady.
		start := time.Now()
		runs := 0
		for runs < n && (runs == 0 || runs%queryCount != 0 || time.Since(start) < baselineTime) {
			baseline(runs, copies)
			runs++
		}
		base := float64(time.Since(start).Nanoseconds()) / float64(runs)
		unit := "baseline"
		if copies {
			unit = "baseline+copy"
		}
		b.ReportMetric(base, unit+"-ns/op")
		if base > 0 {
			b.ReportMetric(perOp/base, "x-"+unit)
		}
	}
}

// relationPage asks for one page of relations matching f.
func relationPage(ctx context.Context, s newsgraph.Store, f newsgraph.RelationFilter) error {
	_, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: f, First: pageSize}})
	return err
}
