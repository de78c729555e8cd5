package storebench

import (
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Query parameters shared by the store and baseline benchmarks.
const (
	neighborhoodLimit = 200
	pathDepth         = newsgraph.DefaultPathDepth
	pathCount         = 10
	pageSize          = 100
)

// Run runs the benchmarks of every store operation on each size Sizes
// selects. open must return a new, empty store each time it is called,
// which Run closes: it calls open once per size for the read benchmarks,
// whose store it fills with the generated graph untimed and closes when
// the size's benchmarks end, and once per iteration of the Import
// benchmark, closing each store before the next is opened. Like the
// conformance suite, Run never has two stores open at once, so open may
// empty one database. Benchmarks are named
// <size>/<operation>/<variant>, such as 1m/Neighborhood/depth2/hub.
func Run(b *testing.B, open func(b *testing.B) newsgraph.Store) {
	sizes, err := Sizes()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range sizes {
		b.Run(size.Name, func(b *testing.B) {
			w := loadTB(b, size)
			b.Run("Import", func(b *testing.B) { benchImport(b, w, open) })
			// The read benchmarks share one filled store, opened on first
			// use (so that -bench=Import never fills one) for the size's
			// benchmark, which closes it when they are all done.
			sizeBench := b
			var store newsgraph.Store
			for _, rb := range readBenchmarks(w) {
				b.Run(rb.name, func(b *testing.B) {
					if store == nil {
						store = openFilled(b, sizeBench, w, func() newsgraph.Store { return open(sizeBench) })
					}
					rb.run(b, store)
				})
			}
		})
	}
}

// openFilled opens a store with open, closed when the size's benchmark
// ends, and imports the whole workload graph into it, failing b, the
// benchmark that needs it first, on error.
func openFilled(b, size *testing.B, w *Workload, open func() newsgraph.Store) newsgraph.Store {
	b.Helper()
	s := open()
	size.Cleanup(func() {
		if err := s.Close(); err != nil {
			size.Errorf("Close: %v", err)
		}
	})
	start := time.Now()
	if err := Import(b.Context(), s, w.Graph); err != nil {
		b.Fatalf("importing the %s graph: %v", w.Size.Name, err)
	}
	b.Logf("%s: imported %d relations in %s", w.Size.Name, len(w.Graph.Relations), time.Since(start).Round(time.Millisecond))
	return s
}

// benchImport measures Import of the whole graph into an empty store.
func benchImport(b *testing.B, w *Workload, open func(b *testing.B) newsgraph.Store) {
	for b.Loop() {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		if err := Import(b.Context(), s, w.Graph); err != nil {
			b.Fatalf("Import: %v", err)
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatalf("Close: %v", err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(w.Graph.Relations))/b.Elapsed().Seconds(), "relations/s")
}

// RunBaseline runs the baseline's traversals alone on each size Sizes
// selects, named like Run's: <size>/Neighborhood/depth2/hub and so on.
func RunBaseline(b *testing.B) {
	sizes, err := Sizes()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range sizes {
		b.Run(size.Name, func(b *testing.B) {
			w := loadTB(b, size)
			for _, tb := range traversalBenchmarks(w) {
				b.Run(tb.name, func(b *testing.B) {
					i := 0
					for b.Loop() {
						tb.baseline(i, false)
						i++
					}
				})
			}
		})
	}
}
