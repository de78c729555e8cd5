package main

import (
	"strings"
	"testing"
	"time"
)

// testReport builds a report of the load test's seven query kinds with one
// level per concurrency, every request of which took latency, and store
// calls and baseline walks that took call.
func testReport(t *testing.T, latency, call time.Duration, concurrencies ...int) *report {
	t.Helper()
	names := []string{"search", "entity by id", "neighbourhood d1", "neighbourhood d2", "neighbourhood d2 hub", "shortest path", "relation page"}
	r := &report{relations: 10, entities: 2, store: "the embedded store", serverMode: "in-process"}
	for _, name := range names {
		k := &queryKind{name: name, weight: 1, traversal: strings.HasPrefix(name, "neighbourhood") || name == "shortest path"}
		r.kinds = append(r.kinds, k)
		c := callTimes{direct: newHist()}
		if err := c.direct.RecordValue(call.Nanoseconds()); err != nil {
			t.Fatal(err)
		}
		if k.traversal {
			c.baseline = newHist()
			if err := c.baseline.RecordValue(call.Nanoseconds()); err != nil {
				t.Fatal(err)
			}
		}
		r.calls = append(r.calls, c)
	}
	for _, n := range concurrencies {
		l := levelResult{concurrency: n, elapsed: time.Second, errors: make([]int64, len(names))}
		for range names {
			h := newHist()
			if err := h.RecordValue(latency.Nanoseconds()); err != nil {
				t.Fatal(err)
			}
			l.hists = append(l.hists, h)
		}
		r.levels = append(r.levels, l)
	}
	return r
}

// TestReportJudgesOneUserTargetsOnlyAtConcurrencyOne checks that the
// one-user targets (latencies, HTTP against the store) are judged on the
// concurrency-1 level, and reported unmeasured, neither met nor missed,
// when a run leaves that level out (--concurrency 8,16).
func TestReportJudgesOneUserTargetsOnlyAtConcurrencyOne(t *testing.T) {
	tests := []struct {
		name          string
		concurrencies []int
		wantVerdict   string // of every one-user target
		wantOneUser   bool   // "(one user)" in the prose
	}{
		{"with level 1, fast", []int{1, 8}, "yes", true},
		{"without level 1", []int{8, 16}, "-", false},
	}
	oneUserTargets := []string{"entity by id p50 <= 1ms", "search p50 <= 1ms", "neighbourhood d2 hub p50 <= 5ms", "shortest path p50 <= 10ms", "HTTP <= 2x the store call (neighbourhoods, by /v1/subgraph)"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every request takes as long as its store call: each target is met
			// wherever it is measured.
			r := testReport(t, 100*time.Microsecond, 100*time.Microsecond, tt.concurrencies...)
			verdicts := map[string]targetCheck{}
			for _, c := range r.targets() {
				verdicts[c.name] = c
			}
			for _, name := range oneUserTargets {
				c, ok := verdicts[name]
				if !ok {
					t.Fatalf("no target %q in %v", name, verdicts)
				}
				if got := c.verdict(); got != tt.wantVerdict {
					t.Errorf("%s: verdict %q (measured %q), want %q", name, got, c.measured, tt.wantVerdict)
				}
				if tt.wantVerdict == "-" && c.measured != noOneUser {
					t.Errorf("%s: measured %q, want %q", name, c.measured, noOneUser)
				}
			}
			if got := verdicts["traversal <= 3x the adjacency-array baseline"].verdict(); got != "yes" {
				t.Errorf("traversal target: %q, want yes (it does not depend on the levels)", got)
			}
			var out strings.Builder
			r.write(&out)
			if got := strings.Contains(out.String(), "(one user)"); got != tt.wantOneUser {
				t.Errorf(`"(one user)" in the report: %v, want %v:\n%s`, got, tt.wantOneUser, out.String())
			}
		})
	}
}

// TestTargetVerdictMissed checks that a measured target that is not met
// reads NO.
func TestTargetVerdictMissed(t *testing.T) {
	r := testReport(t, 20*time.Millisecond, time.Microsecond, 1)
	for _, c := range r.targets() {
		if c.name == "search p50 <= 1ms" {
			if got := c.verdict(); got != "NO" {
				t.Fatalf("search at 20 ms: verdict %q, want NO", got)
			}
			return
		}
	}
	t.Fatal("no search target")
}

// TestReportNamesEachLevelOnce checks the prose before the per-kind table:
// the lowest and the best level, or the one level that is both, once.
func TestReportNamesEachLevelOnce(t *testing.T) {
	for _, tt := range []struct {
		name          string
		concurrencies []int
		want          string
	}{
		{"two levels", []int{1, 8}, "at concurrency 1 (one user) and at 8 (best throughput),"},
		{"one level", []int{16}, "at concurrency 16, the best throughput,"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := testReport(t, 100*time.Microsecond, 100*time.Microsecond, tt.concurrencies...)
			last := &r.levels[len(r.levels)-1]
			last.elapsed /= 2 // the same requests in half the time: the best throughput
			var out strings.Builder
			r.write(&out)
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("the report does not say %q:\n%s", tt.want, out.String())
			}
			if strings.Contains(out.String(), "at 16 (best throughput)") && len(tt.concurrencies) == 1 {
				t.Errorf("the report names its one level twice:\n%s", out.String())
			}
		})
	}
}
