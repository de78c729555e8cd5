package ingest

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// Outcome is what became of one input of a group.
type Outcome struct {
	// Result is what the input did, when Err is nil.
	Result Result
	// Err is nil when the input was committed. It is an Invalid or
	// LimitExceeded error when the input was rejected (nothing of it is
	// written; the rest of the group is), and another error when the store
	// failed before the input was committed.
	Err error
}

// Committed reports whether the input was written.
func (o Outcome) Committed() bool { return o.Err == nil }

// Rejected reports whether the input was rejected as invalid.
func (o Outcome) Rejected() bool { return isRejection(o.Err) }

// Checked is an Input that passed Input.Validate. IngestStream does not
// validate it again, so a caller may validate inputs ahead of writing, on
// another goroutine.
type Checked struct{ input Input }

// Check validates in and returns it as Checked.
func Check(in Input) (Checked, error) {
	if err := in.Validate(); err != nil {
		return Checked{}, err
	}
	return Checked{input: in}, nil
}

// Input returns the checked input.
func (c Checked) Input() Input { return c.input }

// IngestGroup ingests inputs as if each were ingested with Ingest, one
// after another in order, but writes them in one Upsert: one transaction,
// one durable commit. Each input is still all or nothing: an input that
// validation or resolution rejects is left out of the group, and the
// results are those Ingest would have given in sequence (an entity created
// by one input is matched by the next, a relation created by one is
// corroborated by the next).
//
// When the combined write fails, the inputs are written one at a time
// instead, so that an input the store refuses does not sink the others.
// IngestGroup returns one Outcome per input, in order, and a non-nil error
// when the store failed (reads or writes; inputs not committed then carry
// that error too) or ctx was cancelled.
func (s *Service) IngestGroup(ctx context.Context, inputs []Input) ([]Outcome, error) {
	items := make([]groupItem, len(inputs))
	for i, in := range inputs {
		items[i] = groupItem{input: in, err: in.Validate()}
	}
	return s.ingestGroup(ctx, items)
}

// groupItem is an input of a group and its validation error.
type groupItem struct {
	input Input
	err   error
}

// ingestGroup ingests items in order: each run of document and entity
// inputs in one write, each merges-only input on its own, after the
// inputs before it, whose entities its merges may need.
func (s *Service) ingestGroup(ctx context.Context, items []groupItem) ([]Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ingestGroupLocked(ctx, items)
}

// ingestGroupLocked is ingestGroup for a caller holding s.mu.
func (s *Service) ingestGroupLocked(ctx context.Context, items []groupItem) ([]Outcome, error) {
	out := make([]Outcome, 0, len(items))
	for len(items) > 0 {
		n := 0
		for n < len(items) && (items[n].err != nil || !items[n].input.IsMergesOnly()) {
			n++
		}
		if n == 0 {
			res, err := s.replayMerges(ctx, items[0].input)
			out = append(out, Outcome{Result: res, Err: err})
			if err != nil && !isRejection(err) {
				return failFrom(append(out, make([]Outcome, len(items)-1)...), len(out), err), err
			}
			items = items[1:]
			continue
		}
		run, err := s.ingestRun(ctx, items[:n])
		out = append(out, run...)
		if err != nil {
			return failFrom(append(out, make([]Outcome, len(items)-n)...), len(out), err), err
		}
		items = items[n:]
	}
	return out, nil
}

// ingestRun ingests document and entity inputs in one write; the caller
// holds s.mu.
func (s *Service) ingestRun(ctx context.Context, items []groupItem) ([]Outcome, error) {
	run, err := s.planRun(ctx, s.store, items)
	if err != nil {
		return run.out, err
	}
	out, _, err := s.writeRun(ctx, run)
	return out, err
}

// plannedRun is a run of document and entity inputs planned against an
// overlay and ready to be written in one Upsert.
type plannedRun struct {
	items []groupItem
	// out holds the outcomes known once planned: the rejections.
	out      []Outcome
	plans    []*plan
	accepted []int
	overlay  *overlay
	// batch is the overlay's batch, taken once planning is done, so that
	// writing the run never reads the overlay, which the plan of a next
	// run may be reading through at the same time (IngestStream).
	batch newsgraph.Batch
}

// planRun plans items in order against base, each input seeing the ones
// planned before it, and reads only; the caller holds s.mu. A store
// failure is returned with every input marked failed.
func (s *Service) planRun(ctx context.Context, base reader, items []groupItem) (*plannedRun, error) {
	run := &plannedRun{items: items, out: make([]Outcome, len(items)), plans: make([]*plan, len(items))}
	entities, relations := 0, 0
	for _, item := range items {
		entities += len(item.input.Entities)
		relations += len(item.input.Relations)
	}
	run.overlay = newOverlay(base, entities, relations)
	for i, item := range items {
		if item.err != nil {
			run.out[i].Err = item.err
			continue
		}
		p, err := s.plan(ctx, run.overlay, item.input)
		switch {
		case isRejection(err):
			run.out[i].Err = err
			continue
		case err != nil:
			failFrom(run.out, 0, err)
			return run, err
		}
		run.overlay.add(p.batch)
		run.plans[i] = p
		run.accepted = append(run.accepted, i)
	}
	run.batch = run.overlay.batch()
	return run, nil
}

// writeRun writes a planned run in one Upsert and returns the outcome of
// each input; the caller holds s.mu. When that write fails, the inputs are
// written one at a time instead, each planned against the store again, and
// combined is false: what was written is then not the plan.
func (s *Service) writeRun(ctx context.Context, run *plannedRun) (out []Outcome, combined bool, err error) {
	out = run.out
	report, err := s.write(ctx, run.batch)
	if err == nil {
		sr := indexReport(report)
		for _, i := range run.accepted {
			out[i].Result = run.plans[i].reported(sr, false)
		}
		return out, true, nil
	}
	if ctx.Err() != nil {
		return failFrom(out, 0, err), false, err
	}
	// Fall back to one write per input: the store's answer then names the
	// input it refuses, and the others are kept.
	for n, i := range run.accepted {
		res, err := s.ingestLocked(ctx, run.items[i].input)
		out[i] = Outcome{Result: res, Err: err}
		if err != nil && !isRejection(err) {
			for _, j := range run.accepted[n+1:] {
				out[j] = Outcome{Err: err}
			}
			return out, false, err
		}
	}
	return out, false, nil
}

// failFrom marks every input from index from on that is not rejected as
// failed with err, and returns out.
func failFrom(out []Outcome, from int, err error) []Outcome {
	for i := from; i < len(out); i++ {
		if !out[i].Rejected() {
			out[i] = Outcome{Err: err}
		}
	}
	return out
}

// isRejection reports whether err rejects an input as invalid rather than
// reporting a failure of the store.
func isRejection(err error) bool {
	switch newsgraph.ErrorCode(err) {
	case newsgraph.Invalid, newsgraph.LimitExceeded:
		return true
	}
	return false
}
