package ingest

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// This file carries the merge history through export and import: an
// export ends with a line of merge records, and importing it merges the
// ids merged away into their survivors again, so that they resolve in the
// copy as they did in the original.

// maxMergesPerLine bounds the merge records of one exported line.
const maxMergesPerLine = 1000

// IsMergesOnly reports whether in is a line of merge records, which
// replays the merges they record instead of ingesting a document.
func (in Input) IsMergesOnly() bool { return len(in.Merges) > 0 }

// validateMerges checks a merges-only input: nothing else is set and every
// record is a valid merge (newsgraph.Merge.Validate).
func (in Input) validateMerges() error {
	switch {
	case !in.IsEntitiesOnly() || len(in.Entities) > 0 || len(in.Relations) > 0:
		return invalidf("merges: a line of merge records holds nothing else (no document, entities or relations)")
	case len(in.Merges) > maxMergesPerLine:
		return limitf("merges: at most %d merge records per line, got %d", maxMergesPerLine, len(in.Merges))
	}
	for i, m := range in.Merges {
		if err := m.Validate(); err != nil {
			return invalidf("merges[%d]: %s", i, newsgraph.ErrorMessage(err))
		}
	}
	return nil
}

// replayMerges merges, for each record in order, its From ids into its
// Into, with the record's actor and time. A From id absent from the store
// is first created as a stand-in entity with the survivor's kind and
// name, which the merge then removes: the survivor gains no alias, since
// its own name is never one. A From id that already resolves to Into is
// skipped, so importing the same line twice changes nothing. An Into
// absent from the store is Invalid, before anything is written; a store
// that fails between creating the stand-ins and merging them leaves them
// behind, as entities named like their survivor.
func (s *Service) replayMerges(ctx context.Context, in Input) (Result, error) {
	var into, from []string
	for _, m := range in.Merges {
		into = append(into, m.Into)
		from = append(from, m.From...)
	}
	survivors, err := s.store.EntitiesByID(ctx, into)
	if err != nil {
		return Result{}, err
	}
	for i, m := range in.Merges {
		if survivors[m.Into] == nil || survivors[m.Into].ID != m.Into {
			return Result{}, invalidf("merges[%d]: into %q is not an entity of the store: import the lines before it first", i, m.Into)
		}
	}
	found, err := s.store.EntitiesByID(ctx, from)
	if err != nil {
		return Result{}, err
	}
	var res Result
	for _, m := range in.Merges {
		survivor := survivors[m.Into]
		var standIns []*newsgraph.Entity
		merge := newsgraph.Merge{Into: m.Into, Actor: m.Actor, At: m.At}
		for _, id := range m.From {
			switch e := found[id]; {
			case e == nil:
				standIns = append(standIns, &newsgraph.Entity{ID: id, Kind: survivor.Kind, Name: survivor.Name})
			case e.ID == m.Into:
				continue // merged already
			}
			merge.From = append(merge.From, id)
		}
		if len(merge.From) == 0 {
			continue
		}
		if len(standIns) > 0 {
			if _, err := s.store.Upsert(ctx, newsgraph.Batch{Entities: standIns}); err != nil {
				return res, err
			}
		}
		merged, err := s.store.MergeEntities(ctx, merge)
		if err != nil {
			return res, err
		}
		if merged.Merge != nil {
			res.Merges = append(res.Merges, *merged.Merge)
		}
	}
	return res, nil
}

// exportMerges returns, in batches for lines, the merge records of every
// entity of ids, each survivor's oldest first. The store lists records by
// survivor, one call per entity; a record whose survivor was itself merged
// away later is not listed (Merges answers for the final survivor), so the
// ids it merged do not survive a round trip.
func exportMerges(ctx context.Context, store newsgraph.Store, ids []string) ([][]newsgraph.Merge, error) {
	var lines [][]newsgraph.Merge
	var line []newsgraph.Merge
	for _, id := range ids {
		ms, err := store.Merges(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			line = append(line, m)
			if len(line) == maxMergesPerLine {
				lines, line = append(lines, line), nil
			}
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines, nil
}
