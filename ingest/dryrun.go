package ingest

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// DryRun validates in and plans it against the store exactly as Ingest
// does (the same validation, resolution, vocabulary rules and warnings),
// and returns the Result that Ingest would give, with DryRun set, but
// writes nothing. Its entities are as they would be stored; its relations
// are as they would be stored after the write, with all their evidence.
// Invalid input is the error Ingest would return. A merges-only input is
// not rehearsed: its Result holds the merges and nothing else.
func (s *Service) DryRun(ctx context.Context, in Input) (Result, error) {
	if err := in.Validate(); err != nil {
		return Result{}, err
	}
	if in.IsMergesOnly() {
		return Result{DryRun: true, Merges: in.Merges}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.plan(ctx, s.store, in)
	if err != nil {
		return Result{}, err
	}
	return p.rehearsed(), nil
}

// Rehearsal is a dry run of a sequence of inputs ("newsgraph import
// --dry-run"): each input is planned as if the ones before it had been
// ingested, and nothing is written. It keeps what the inputs would write in
// memory, so it grows with them. It is not safe for concurrent use.
type Rehearsal struct {
	s  *Service
	ov *overlay
}

// Rehearse starts a Rehearsal over the store as it is now.
func (s *Service) Rehearse() *Rehearsal {
	return &Rehearsal{s: s, ov: newOverlay(s.store, 0, 0)}
}

// Plan plans the checked input after the ones planned before and returns
// the Result its ingest would give there, with DryRun set, or the error it
// would be rejected with; see DryRun.
func (r *Rehearsal) Plan(ctx context.Context, c Checked) (Result, error) {
	in := c.input
	if in.IsMergesOnly() {
		return Result{DryRun: true, Merges: in.Merges}, nil
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	p, err := r.s.plan(ctx, r.ov, in)
	if err != nil {
		return Result{}, err
	}
	// What the result reports is computed before add: the overlay takes
	// the planned relations and grows their evidence later.
	res := p.rehearsed()
	r.ov.add(p.batch)
	return res, nil
}

// rehearsed returns the plan's result as a dry run reports it: the
// planned entities, and the relations as they would be stored.
func (p *plan) rehearsed() Result {
	res := p.result
	res.DryRun = true
	for _, rel := range p.batch.Relations {
		switch {
		case p.createdRelations[rel.ID]:
			res.CreatedRelations = append(res.CreatedRelations, rel.Clone())
		case p.corroboratedRelations[rel.ID]:
			full := p.stored[rel.ID].Clone()
			full.Evidence = newsgraph.UnionEvidence(full.Evidence, rel.Evidence)
			res.CorroboratedRelations = append(res.CorroboratedRelations, full)
		}
	}
	res.RelationsCreated, res.RelationsCorroborated = len(res.CreatedRelations), len(res.CorroboratedRelations)
	return res
}
