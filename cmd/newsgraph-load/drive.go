package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"
)

// Latencies are recorded in nanoseconds, from 1 ns to a minute, to three
// significant digits.
const (
	histMin    = 1
	histMax    = int64(time.Minute)
	histDigits = 3
)

func newHist() *hdrhistogram.Histogram { return hdrhistogram.New(histMin, histMax, histDigits) }

// levelResult is the outcome of driving the mixed workload at one
// concurrency: a latency histogram and an error count per query kind.
type levelResult struct {
	concurrency int
	elapsed     time.Duration
	hists       []*hdrhistogram.Histogram // by kind
	errors      []int64                   // by kind
	firstError  string
}

func (r levelResult) requests() int64 {
	var n int64
	for i, h := range r.hists {
		n += h.TotalCount() + r.errors[i]
	}
	return n
}

func (r levelResult) errorCount() int64 {
	var n int64
	for _, e := range r.errors {
		n += e
	}
	return n
}

func (r levelResult) all() *hdrhistogram.Histogram {
	h := newHist()
	for _, k := range r.hists {
		h.Merge(k)
	}
	return h
}

func (r levelResult) throughput() float64 { return float64(r.requests()) / r.elapsed.Seconds() }

// driver sends the mixed workload to a server: GraphQL documents to
// /graphql, visualisation requests to their paths.
type driver struct {
	base   string
	client *http.Client
	mix    mix
	seed   uint64
}

func newDriver(base string, m mix, seed uint64, maxConcurrency int) *driver {
	transport := &http.Transport{
		MaxIdleConns:        maxConcurrency,
		MaxIdleConnsPerHost: maxConcurrency,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
	return &driver{base: base, client: &http.Client{Transport: transport, Timeout: 30 * time.Second}, mix: m, seed: seed}
}

// run drives the workload with concurrency workers until maxRequests have
// been sent or duration has passed, whichever comes first.
func (d *driver) run(ctx context.Context, concurrency int, maxRequests int64, duration time.Duration) levelResult {
	kinds := len(d.mix.kinds)
	res := levelResult{concurrency: concurrency, errors: make([]int64, kinds)}
	for range kinds {
		res.hists = append(res.hists, newHist())
	}
	var issued atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(duration)
	for w := range concurrency {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(d.seed, uint64(concurrency)<<32|uint64(w)))
			hists := make([]*hdrhistogram.Histogram, kinds)
			for i := range hists {
				hists[i] = newHist()
			}
			errs := make([]int64, kinds)
			var firstErr string
			var buf bytes.Buffer
			for ctx.Err() == nil && issued.Add(1) <= maxRequests && time.Now().Before(deadline) {
				k := d.mix.pick(rng)
				kind := d.mix.kinds[k]
				r := kind.requests[rng.IntN(len(kind.requests))]
				t0 := time.Now()
				err := d.send(ctx, r, &buf)
				took := time.Since(t0)
				if err != nil {
					errs[k]++
					if firstErr == "" {
						firstErr = fmt.Sprintf("%s: %v", kind.name, err)
					}
					continue
				}
				_ = hists[k].RecordValue(took.Nanoseconds())
			}
			mu.Lock()
			defer mu.Unlock()
			for i := range hists {
				res.hists[i].Merge(hists[i])
				res.errors[i] += errs[i]
			}
			if res.firstError == "" {
				res.firstError = firstErr
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// send sends one request and checks that it succeeded: status 200 and a
// response without errors (gqlgen writes "errors" first, package subgraph
// writes "error").
func (d *driver) send(ctx context.Context, r request, buf *bytes.Buffer) error {
	var req *http.Request
	var err error
	ok := []byte(`{"data"`)
	if r.path != "" {
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, d.base+r.path, nil)
		ok = []byte(`{"root"`)
	} else {
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, d.base+"/graphql", bytes.NewReader(r.body))
	}
	if err != nil {
		return err
	}
	if r.path == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, buf.Bytes())
	}
	if !bytes.HasPrefix(buf.Bytes(), ok) {
		return fmt.Errorf("errors: %.300s", buf.Bytes())
	}
	return nil
}
