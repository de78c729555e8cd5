package main

import (
	"fmt"
	"io"
	"time"
)

// report is the comparison's outcome.
type report struct {
	graph   string
	results []result // by kind, then target, as measured
}

// ms formats a duration in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }

// write writes the report as Markdown: one table per query kind, with
// ratios to the first target (newsgraph on Neo4j).
func (rep report) write(w io.Writer) {
	fmt.Fprintf(w, "Graph: %s, in one Neo4j database and, for newsgraph on the embedded store, in an embedded store.\n", rep.graph)
	fmt.Fprintln(w, "Latency: median of requests sent one at a time; throughput: the best over the concurrency levels. Ratios are to newsgraph on Neo4j (latency: below 1 is faster; throughput: above 1 is more).")
	var kind string
	var first result
	for _, r := range rep.results {
		if r.kind != kind {
			kind, first = r.kind, r
			fmt.Fprintf(w, "\n**%s**\n\n", kind)
			fmt.Fprintln(w, "| target | p50, concurrency 1 (ms) | × | best req/s (at concurrency) | × | errors |")
			fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: |")
		}
		fmt.Fprintf(w, "| %s | %s | %s | %.0f (%d) | %s | %d |\n", r.target, ms(r.p50), ratio(float64(r.p50), float64(first.p50)),
			r.best, r.bestAt, ratio(r.best, first.best), r.errors)
	}
}

// ratio formats a/b, or "-" when b is zero.
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}
