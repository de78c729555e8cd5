package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"
)

// report holds everything a run measured.
type report struct {
	relations, entities int
	// store names the store the server reads.
	store      string
	serverMode string
	// restart reports that ready is the time a server process took to
	// open the stored graph and answer /readyz.
	restart bool
	ready   time.Duration
	kinds   []*queryKind
	calls   []callTimes
	levels  []levelResult
}

// ms formats nanoseconds as milliseconds: three decimals, or three
// significant digits below 0.1 ms, so that store calls of a microsecond
// still show.
func ms(ns int64) string {
	v := float64(ns) / 1e6
	if v != 0 && v < 0.1 {
		return fmt.Sprintf("%.3g", v)
	}
	return fmt.Sprintf("%.3f", v)
}

func ratio(a, b int64) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

func p(h *hdrhistogram.Histogram, q float64) int64 { return h.ValueAtQuantile(q) }

// table is a table printed as Markdown, which reads well as plain text too.
type table struct {
	header []string
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) {
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = len(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], len(c))
		}
	}
	line := func(cells []string) {
		parts := make([]string, len(cells))
		for i, c := range cells {
			parts[i] = c + strings.Repeat(" ", widths[i]-len(c))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(parts, " | "))
	}
	line(t.header)
	dashes := make([]string, len(widths))
	for i, n := range widths {
		dashes[i] = strings.Repeat("-", n)
	}
	line(dashes)
	for _, r := range t.rows {
		line(r)
	}
}

// best returns the level of highest throughput without errors, or the
// highest throughput overall when every level had errors.
func (r *report) best() levelResult {
	var best levelResult
	found := false
	for _, l := range r.levels {
		if l.errorCount() == 0 && (!found || l.throughput() > best.throughput()) {
			best, found = l, true
		}
	}
	if !found {
		for _, l := range r.levels {
			if l.throughput() > best.throughput() {
				best = l
			}
		}
	}
	return best
}

// oneUser labels the concurrency of the lowest level in the report's
// prose: " (one user)" when it is 1, and nothing when the run left level 1
// out (--concurrency 8,16), whose lowest level is no single user's view.
func oneUser(concurrency int) string {
	if concurrency == 1 {
		return " (one user)"
	}
	return ""
}

// first returns the level of lowest concurrency: the latency one user sees
// when the run measured concurrency 1.
func (r *report) first() levelResult {
	f := r.levels[0]
	for _, l := range r.levels {
		if l.concurrency < f.concurrency {
			f = l
		}
	}
	return f
}

func (r *report) write(w io.Writer) {
	fmt.Fprintf(w, "Graph: %d entities, %d relations in %s; server: %s (ready in %s).\n\n", r.entities, r.relations, r.store, r.serverMode, r.ready.Round(time.Millisecond))

	fmt.Fprintf(w, "Mixed read workload (%s), by concurrency; latency in ms:\n\n", newMix(r.kinds))
	t := table{header: []string{"concurrency", "requests", "req/s", "errors", "p50", "p95", "p99"}}
	for _, l := range r.levels {
		all := l.all()
		t.add(fmt.Sprint(l.concurrency), fmt.Sprint(l.requests()), fmt.Sprintf("%.0f", l.throughput()), fmt.Sprint(l.errorCount()),
			ms(p(all, 50)), ms(p(all, 95)), ms(p(all, 99)))
	}
	t.write(w)

	one, best := r.first(), r.best()
	levels := fmt.Sprintf("at concurrency %d%s and at %d (best throughput)", one.concurrency, oneUser(one.concurrency), best.concurrency)
	if one.concurrency == best.concurrency {
		levels = fmt.Sprintf("at concurrency %d%s, the best throughput", one.concurrency, oneUser(one.concurrency))
	}
	fmt.Fprintf(w, "\nBy query kind: over HTTP (GraphQL; the neighbourhoods by GET /v1/subgraph) %s, the direct store call and the adjacency-array baseline, all one at a time in-process; latency in ms; ratios of medians:\n\n", levels)
	t = table{header: []string{"query", fmt.Sprintf("c=%d p50", one.concurrency), "p95", "p99",
		fmt.Sprintf("c=%d req/s", best.concurrency), "p50", "p99", "errors",
		"store p50", "baseline p50", "HTTP/store", "store/baseline"}}
	for i, k := range r.kinds {
		h1, hb := one.hists[i], best.hists[i]
		storeP50 := p(r.calls[i].direct, 50)
		baseP50, storeVsBase := "-", "-"
		if b := r.calls[i].baseline; b != nil {
			baseP50, storeVsBase = ms(p(b, 50)), ratio(storeP50, p(b, 50))
		}
		var errs int64
		for _, l := range r.levels {
			errs += l.errors[i]
		}
		t.add(k.name, ms(p(h1, 50)), ms(p(h1, 95)), ms(p(h1, 99)),
			fmt.Sprintf("%.0f", float64(hb.TotalCount())/best.elapsed.Seconds()), ms(p(hb, 50)), ms(p(hb, 99)), fmt.Sprint(errs),
			ms(storeP50), baseP50, ratio(p(h1, 50), storeP50), storeVsBase)
	}
	t.write(w)

	fmt.Fprint(w, "\nTargets (latencies: p50 at concurrency 1, one user):\n\n")
	t = table{header: []string{"target", "measured", "met"}}
	for _, c := range r.targets() {
		t.add(c.name, c.measured, c.verdict())
	}
	t.write(w)
}

// targetCheck is one row of the report's targets: what was measured
// against the target, and whether it was met. A target that the run did
// not measure (a one-user latency when --concurrency left level 1 out) is
// unmeasured, neither met nor missed.
type targetCheck struct {
	name       string
	measured   string
	met        bool
	unmeasured bool
}

// verdict is the check's "met" cell: yes, NO, or - when unmeasured.
func (c targetCheck) verdict() string {
	switch {
	case c.unmeasured:
		return "-"
	case c.met:
		return "yes"
	default:
		return "NO"
	}
}

// noOneUser is the "measured" cell of a one-user target in a run without
// concurrency 1.
const noOneUser = "not measured: the run has no concurrency-1 level"

func (r *report) kindIndex(name string) int {
	for i, k := range r.kinds {
		if k.name == name {
			return i
		}
	}
	return -1
}

func (r *report) targets() []targetCheck {
	one, best := r.first(), r.best()
	// The one-user targets are judged on the concurrency-1 level alone.
	oneUserMeasured := one.concurrency == 1
	var out []targetCheck
	latency := func(kind string, limit time.Duration) {
		name := fmt.Sprintf("%s p50 <= %s", kind, limit)
		if !oneUserMeasured {
			out = append(out, targetCheck{name: name, measured: noOneUser, unmeasured: true})
			return
		}
		v := p(one.hists[r.kindIndex(kind)], 50)
		out = append(out, targetCheck{name: name, measured: ms(v) + " ms", met: v <= limit.Nanoseconds()})
	}
	latency("entity by id", time.Millisecond)
	latency("search", time.Millisecond)
	latency("neighbourhood d2 hub", 5*time.Millisecond)
	latency("shortest path", 10*time.Millisecond)
	var errs int64
	for _, l := range r.levels {
		errs += l.errorCount()
	}
	out = append(out, targetCheck{name: "mixed workload >= 5000 req/s, no errors",
		measured: fmt.Sprintf("%.0f req/s at concurrency %d, %d errors in all levels", best.throughput(), best.concurrency, errs),
		met:      best.throughput() >= 5000 && errs == 0})
	worstAPI, worstName := 0.0, ""
	worstTraversal, worstTraversalName := 0.0, ""
	for i, k := range r.kinds {
		if !k.traversal {
			continue
		}
		storeP50 := float64(p(r.calls[i].direct, 50))
		if oneUserMeasured && strings.HasPrefix(k.name, "neighbourhood") {
			if v := float64(p(one.hists[i], 50)) / storeP50; v > worstAPI {
				worstAPI, worstName = v, k.name
			}
		}
		if b := r.calls[i].baseline; b != nil {
			if v := storeP50 / float64(p(b, 50)); v > worstTraversal {
				worstTraversal, worstTraversalName = v, k.name
			}
		}
	}
	api := targetCheck{name: "HTTP <= 2x the store call (neighbourhoods, by /v1/subgraph)", measured: noOneUser, unmeasured: true}
	if oneUserMeasured {
		api.measured, api.met, api.unmeasured = fmt.Sprintf("%.2fx (worst: %s)", worstAPI, worstName), worstAPI <= 2, false
	}
	out = append(out, api)
	out = append(out, targetCheck{name: "traversal <= 3x the adjacency-array baseline", measured: fmt.Sprintf("%.2fx (worst: %s)", worstTraversal, worstTraversalName), met: worstTraversal <= 3})
	if r.restart {
		out = append(out, targetCheck{name: "restart with the graph stored: ready <= 5s", measured: r.ready.Round(time.Millisecond).String(), met: r.ready <= 5*time.Second})
	}
	return out
}
