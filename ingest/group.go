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

// Checked is an Input that passed Input.Validate. IngestChecked does not
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

// IngestChecked is IngestGroup for inputs validated ahead.
func (s *Service) IngestChecked(ctx context.Context, inputs []Checked) ([]Outcome, error) {
	items := make([]groupItem, len(inputs))
	for i, c := range inputs {
		items[i] = groupItem{input: c.input}
	}
	return s.ingestGroup(ctx, items)
}

// groupItem is an input of a group and its validation error.
type groupItem struct {
	input Input
	err   error
}

// ingestGroup ingests items in order: each run of document and entity
// inputs in one write (ingestRun), each merges-only input on its own,
// after the inputs before it, whose entities its merges may need.
func (s *Service) ingestGroup(ctx context.Context, items []groupItem) ([]Outcome, error) {
	out := make([]Outcome, 0, len(items))
	for len(items) > 0 {
		n := 0
		for n < len(items) && (items[n].err != nil || !items[n].input.IsMergesOnly()) {
			n++
		}
		if n == 0 {
			s.mu.Lock()
			res, err := s.replayMerges(ctx, items[0].input)
			s.mu.Unlock()
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

// ingestRun ingests document and entity inputs in one write.
func (s *Service) ingestRun(ctx context.Context, items []groupItem) ([]Outcome, error) {
	out := make([]Outcome, len(items))
	s.mu.Lock()
	defer s.mu.Unlock()
	entities, relations := 0, 0
	for _, item := range items {
		entities += len(item.input.Entities)
		relations += len(item.input.Relations)
	}
	ov := newOverlay(s.store, entities, relations)
	plans := make([]*plan, len(items))
	var accepted []int
	for i, item := range items {
		if item.err != nil {
			out[i].Err = item.err
			continue
		}
		p, err := s.plan(ctx, ov, item.input)
		switch {
		case isRejection(err):
			out[i].Err = err
			continue
		case err != nil:
			return failFrom(out, 0, err), err
		}
		ov.add(p.batch)
		plans[i] = p
		accepted = append(accepted, i)
	}
	report, err := s.write(ctx, ov.batch())
	if err == nil {
		sr := indexReport(report)
		for _, i := range accepted {
			out[i].Result = plans[i].reported(sr, false)
		}
		return out, nil
	}
	if ctx.Err() != nil {
		return failFrom(out, 0, err), err
	}
	// Fall back to one write per input: the store's answer then names the
	// input it refuses, and the others are kept.
	for n, i := range accepted {
		res, err := s.ingestLocked(ctx, items[i].input)
		out[i] = Outcome{Result: res, Err: err}
		if err != nil && !isRejection(err) {
			for _, j := range accepted[n+1:] {
				out[j] = Outcome{Err: err}
			}
			return out, err
		}
	}
	return out, nil
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
