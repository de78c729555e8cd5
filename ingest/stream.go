package ingest

import (
	"context"
	"slices"
)

// IngestStream ingests a stream of groups of inputs validated ahead, with
// the results IngestGroup would give for each group in turn, and
// overlaps the two halves of the work: while one group is written, the
// next one is planned (resolved against the graph) on top of it, so a bulk
// import keeps the store writing and planning busy at once.
//
// next returns the next group, or nil when the stream has ended; it may
// block, and it is called while the group before is being written, so a
// group read from a slow source is acknowledged without waiting for the
// next. committed is called with each group's outcomes, in order, once the
// group is durable (one Outcome per input, as IngestGroup returns them);
// an error from it stops the stream and is returned.
//
// A group whose combined write failed was written input by input instead
// (see IngestGroup), so the next group, planned on top of the failed
// plan, is planned again against the store. A group holding a merges-only
// input is not overlapped: it waits for the write before it. The Service
// is held for the whole stream: other ingests wait until it returns, so
// nothing else resolves names against the graph while the stream has
// planned writes in flight. IngestStream returns the first store failure
// or ctx's error, after reporting the failed group's outcomes.
func (s *Service) IngestStream(ctx context.Context, next func() []Checked, committed func([]Outcome) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var inFlight *plannedRun
	for {
		var written chan writtenRun
		if inFlight != nil {
			written = make(chan writtenRun, 1)
			go func(run *plannedRun) {
				out, combined, err := s.writeRun(ctx, run)
				written <- writtenRun{out: out, combined: combined, err: err}
			}(inFlight)
		}
		group := next()
		items := checkedItems(group)
		overlapped := group != nil && inFlight != nil && !hasMergesOnly(items)
		var planned *plannedRun
		var planErr error
		if overlapped {
			planned, planErr = s.planRun(ctx, inFlight.overlay, items)
		}
		if inFlight != nil {
			w := <-written
			if err := committed(w.out); err != nil {
				return err
			}
			if w.err != nil {
				return w.err
			}
			if !w.combined || planErr != nil {
				planned = nil
			} else if planned != nil {
				// What the run on which planned was planned holds is
				// now stored: the store is its base from here on.
				planned.overlay.base = s.store
			}
			inFlight = nil
		}
		if group == nil {
			return nil
		}
		if planned == nil && hasMergesOnly(items) {
			out, err := s.ingestGroupLocked(ctx, items)
			if cerr := committed(out); cerr != nil {
				return cerr
			}
			if err != nil {
				return err
			}
			continue
		}
		if planned == nil {
			run, err := s.planRun(ctx, s.store, items)
			if err != nil {
				if cerr := committed(run.out); cerr != nil {
					return cerr
				}
				return err
			}
			planned = run
		}
		inFlight = planned
	}
}

// writtenRun is what writing a planned run gave.
type writtenRun struct {
	out      []Outcome
	combined bool
	err      error
}

// checkedItems returns the group items of inputs validated ahead.
func checkedItems(group []Checked) []groupItem {
	items := make([]groupItem, len(group))
	for i, c := range group {
		items[i] = groupItem{input: c.input}
	}
	return items
}

// hasMergesOnly reports whether any item is a merges-only input, which
// ingestGroup writes on its own, after the inputs before it.
func hasMergesOnly(items []groupItem) bool {
	return slices.ContainsFunc(items, func(item groupItem) bool { return item.err == nil && item.input.IsMergesOnly() })
}
