package main

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// result is what one target did on one query kind.
type result struct {
	kind, target string
	// p50 is the median latency of the requests sent one at a time.
	p50 time.Duration
	// best is the highest throughput, in requests per second, over the
	// concurrency levels, reached at bestAt.
	best   float64
	bestAt int
	// errors counts failed requests over every run; firstError is one.
	errors     int64
	firstError error
}

// measure warms t up on kind, times requests requests one at a time, then
// drives it at each concurrency level for duration.
func measure(ctx context.Context, t target, kind string, warmup, requests int, levels []int, duration time.Duration) result {
	r := result{kind: kind, target: t.name()}
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		r.errors++
		if r.firstError == nil {
			r.firstError = err
		}
	}
	for i := range warmup {
		if err := t.do(ctx, kind, i); err != nil {
			fail(err)
		}
	}
	latencies := make([]time.Duration, 0, requests)
	for i := range requests {
		start := time.Now()
		if err := t.do(ctx, kind, i); err != nil {
			fail(err)
			continue
		}
		latencies = append(latencies, time.Since(start))
	}
	if len(latencies) > 0 {
		slices.Sort(latencies)
		r.p50 = latencies[len(latencies)/2]
	}
	for _, n := range levels {
		var done, next atomic.Int64
		deadline := time.Now().Add(duration)
		start := time.Now()
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				for time.Now().Before(deadline) && ctx.Err() == nil {
					if err := t.do(ctx, kind, int(next.Add(1))); err != nil {
						fail(err)
						continue
					}
					done.Add(1)
				}
			})
		}
		wg.Wait()
		if rate := float64(done.Load()) / time.Since(start).Seconds(); rate > r.best {
			r.best, r.bestAt = rate, n
		}
	}
	return r
}
