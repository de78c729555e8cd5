// Package storebench is the benchmark suite of newsgraph.Store: every read
// and write a client makes, on synthetic graphs from package gen at 10k,
// 100k and 1M relations, with an in-memory adjacency-array baseline run on
// the same graph so that traversal figures can be read as a ratio to it.
//
// A backend's benchmark calls Run with a function that opens a fresh, empty
// store, the way storetest.Run does:
//
//	func BenchmarkStore(b *testing.B) {
//		storebench.Run(b, func(b *testing.B) newsgraph.Store { ... })
//	}
//
// The sizes come from the environment variable NEWSGRAPH_BENCH_SIZES, a
// comma-separated list of 10k, 100k and 1m ("10k" when unset), so a plain
// `go test -bench=. ./embedded/` stays quick and
// `NEWSGRAPH_BENCH_SIZES=10k,100k,1m go test -bench=. -run=^$ ./embedded/`
// is the full run.
//
// Each traversal benchmark (Neighborhood/..., ShortestPath) also runs the
// baseline on the same queries and reports baseline-ns/op and x-baseline,
// the store's time per query as a multiple of the baseline's, and
// baseline+copy-ns/op and x-baseline+copy, the same with the baseline also
// copying the entities and relations of its result, as a store must return
// fresh copies. BenchmarkBaseline in this package runs the baseline alone.
package storebench

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// SizesEnv names the environment variable that selects the graph sizes.
const SizesEnv = "NEWSGRAPH_BENCH_SIZES"

// DefaultSizes is the size list used when SizesEnv is unset.
const DefaultSizes = "10k"

// Size is one benchmark graph size.
type Size struct {
	// Name is how the size appears in benchmark names: 10k, 100k or 1m.
	Name string
	// Config generates the graph.
	Config gen.Config
}

// knownSizes are the sizes SizesEnv may name. Graphs have one entity for
// every five relations, like the news graphs the generator imitates.
var knownSizes = map[string]int{"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

// NewSize returns the size named name (10k, 100k or 1m).
func NewSize(name string) (Size, error) {
	n, ok := knownSizes[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Size{}, fmt.Errorf("storebench: unknown size %q: want 10k, 100k or 1m", name)
	}
	return Size{
		Name:   strings.ToLower(strings.TrimSpace(name)),
		Config: gen.Config{Entities: n / 5, Relations: n, Seed: 1},
	}, nil
}

// Sizes returns the sizes SizesEnv selects, DefaultSizes when it is unset.
func Sizes() ([]Size, error) {
	spec := os.Getenv(SizesEnv)
	if strings.TrimSpace(spec) == "" {
		spec = DefaultSizes
	}
	var sizes []Size
	for _, name := range strings.Split(spec, ",") {
		s, err := NewSize(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", SizesEnv, err)
		}
		sizes = append(sizes, s)
	}
	return sizes, nil
}

// Workload is a generated graph with everything the benchmarks ask of it:
// the graph itself, its baseline, and the query inputs, all deterministic.
type Workload struct {
	Size     Size
	Graph    *newsgraph.Batch
	Baseline *Baseline
	// Hubs are the highest-degree entities; Ordinary are entities of
	// median degree.
	Hubs, Ordinary []string
	// Pairs are random entity pairs for path queries.
	Pairs [][2]string
	// IDs are random entity ids, Names their names (search queries).
	IDs, Names []string
	// Documents are ids of documents holding evidence.
	Documents []string
	// Types are relation types, most frequent first.
	Types []string
}

// workloads caches one Workload per size for the life of the process:
// generating a 1M-relation graph takes seconds, and every benchmark of a
// run, on every store, reads the same one. It is the package's only state
// and holds nothing but generated, immutable data.
var workloads = struct {
	sync.Mutex
	bySize map[string]*Workload
}{bySize: map[string]*Workload{}}

// Load returns the workload of size s, generating it on first use.
func Load(s Size) (*Workload, error) {
	workloads.Lock()
	defer workloads.Unlock()
	if w := workloads.bySize[s.Name]; w != nil {
		return w, nil
	}
	w, err := newWorkload(s)
	if err != nil {
		return nil, err
	}
	workloads.bySize[s.Name] = w
	return w, nil
}

// loadTB is Load that fails tb on error.
func loadTB(tb testing.TB, s Size) *Workload {
	tb.Helper()
	w, err := Load(s)
	if err != nil {
		tb.Fatalf("generating the %s graph: %v", s.Name, err)
	}
	return w
}
