package main

import (
	"context"
	"fmt"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"
)

// callTimes are the latencies of one kind's direct store calls and, for
// traversals, of the baseline walks, made one at a time in this process.
type callTimes struct {
	direct   *hdrhistogram.Histogram
	baseline *hdrhistogram.Histogram // nil unless the kind is a traversal
}

// timeCalls makes each kind's direct store calls and baseline walks in
// turn, cycling through the prepared inputs, up to calls times or for
// duration, whichever ends first.
func timeCalls(ctx context.Context, kinds []*queryKind, calls int, duration time.Duration) ([]callTimes, error) {
	out := make([]callTimes, len(kinds))
	for i, k := range kinds {
		out[i].direct = newHist()
		deadline := time.Now().Add(duration)
		for n := 0; n < calls && time.Now().Before(deadline); n++ {
			call := k.direct[n%len(k.direct)]
			t0 := time.Now()
			if err := call(ctx); err != nil {
				return nil, fmt.Errorf("direct store call, %s: %w", k.name, err)
			}
			_ = out[i].direct.RecordValue(time.Since(t0).Nanoseconds())
		}
		if len(k.baseline) == 0 {
			continue
		}
		out[i].baseline = newHist()
		deadline = time.Now().Add(duration)
		for n := 0; n < calls && time.Now().Before(deadline); n++ {
			walk := k.baseline[n%len(k.baseline)]
			t0 := time.Now()
			walk()
			_ = out[i].baseline.RecordValue(time.Since(t0).Nanoseconds())
		}
	}
	return out, nil
}
