package ingest

import (
	"context"
	"slices"

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
// its own name is never one. An Into absent from the store is a link of a
// chain (A into B, then B into C: an export holds a survivor's whole
// history in one line, oldest first): it is created as a stand-in too,
// named like the entity that a later record of the line merges it into,
// in the end, so the chain replays and every id of it resolves as in the
// original. A From id that already resolves to Into's survivor is skipped,
// so importing the same line twice changes nothing. An Into that is
// neither in the store nor merged by a later record into one that is, or
// that was merged away while ids remain to merge into it, is Invalid,
// before anything is written; a store that fails between creating the
// stand-ins and merging them leaves them behind, as entities named like
// their survivor.
func (s *Service) replayMerges(ctx context.Context, in Input) (Result, error) {
	steps, err := s.planMerges(ctx, in.Merges)
	if err != nil {
		return Result{}, err
	}
	var res Result
	for _, st := range steps {
		if len(st.standIns) > 0 {
			if _, err := s.store.Upsert(ctx, newsgraph.Batch{Entities: st.standIns}); err != nil {
				return res, err
			}
		}
		merged, err := s.store.MergeEntities(ctx, st.merge)
		if err != nil {
			return res, err
		}
		if merged.Merge != nil {
			res.Merges = append(res.Merges, *merged.Merge)
		}
	}
	return res, nil
}

// mergeStep is one merge of a replay and the stand-ins it needs first.
type mergeStep struct {
	standIns []*newsgraph.Entity
	merge    newsgraph.Merge
}

// planMerges works out the steps that replay records, reading the store
// once and simulating the merges, so that an impossible record is refused
// before anything is written.
func (s *Service) planMerges(ctx context.Context, records []newsgraph.Merge) ([]mergeStep, error) {
	var ids []string
	for _, m := range records {
		ids = append(ids, m.Into)
		ids = append(ids, m.From...)
	}
	found, err := s.store.EntitiesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	// now is what each id resolves to as the steps are taken ("" when
	// absent); entity is the entity of each id that is one.
	now := map[string]string{}
	entity := map[string]*newsgraph.Entity{}
	for id, e := range found {
		now[id] = e.ID
		entity[e.ID] = e
	}
	var steps []mergeStep
	for i, m := range records {
		var st mergeStep
		survivor := now[m.Into]
		switch {
		case survivor == "":
			// A link of a chain: the entity a later record merges it into.
			final := chainEnd(records[i+1:], m.Into, now)
			if final == "" {
				return nil, invalidf("merges[%d]: into %q is not an entity of the store, nor merged by a later record into one: import the lines before it first", i, m.Into)
			}
			e := &newsgraph.Entity{ID: m.Into, Kind: entity[final].Kind, Name: entity[final].Name}
			st.standIns = append(st.standIns, e)
			entity[m.Into], now[m.Into], survivor = e, m.Into, m.Into
		case survivor != m.Into:
			if slices.ContainsFunc(m.From, func(id string) bool { return now[id] != survivor }) {
				return nil, invalidf("merges[%d]: into %q was merged into %q already: import the lines before it first", i, m.Into, survivor)
			}
			continue // replayed already
		}
		into := entity[survivor]
		st.merge = newsgraph.Merge{Into: m.Into, Actor: m.Actor, At: m.At}
		for _, id := range m.From {
			switch now[id] {
			case survivor:
				continue // merged already
			case "":
				st.standIns = append(st.standIns, &newsgraph.Entity{ID: id, Kind: into.Kind, Name: into.Name})
			}
			st.merge.From = append(st.merge.From, id)
		}
		if len(st.merge.From) == 0 {
			continue
		}
		for id, to := range now {
			if to != "" && slices.Contains(st.merge.From, to) {
				now[id] = survivor
			}
		}
		for _, id := range st.merge.From {
			now[id] = survivor
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// chainEnd returns the entity that later, the records after the one at
// hand, merge id into in the end: following the record whose From holds
// id to its Into, and so on, to an id that is an entity now; "" when the
// chain ends nowhere.
func chainEnd(later []newsgraph.Merge, id string, now map[string]string) string {
	for i, m := range later {
		if !slices.Contains(m.From, id) {
			continue
		}
		if to := now[m.Into]; to != "" {
			return to
		}
		return chainEnd(later[i+1:], m.Into, now)
	}
	return ""
}

// mergeBatch is the number of entities whose merge history exportMerges
// asks the store for in one call.
const mergeBatch = 5000

// exportMerges returns, in batches for lines, the merge history of every
// entity of ids (the export's entities, none merged away), read in calls
// of mergeBatch entities. A survivor's history (its merges, and those into
// the entities merged into it, oldest first) stays in one line so that its
// chains replay, unless it alone is longer than a line.
func exportMerges(ctx context.Context, store newsgraph.Store, ids []string) ([][]newsgraph.Merge, error) {
	var lines [][]newsgraph.Merge
	var line []newsgraph.Merge
	for chunk := range slices.Chunk(ids, mergeBatch) {
		histories, err := store.Merges(ctx, chunk)
		if err != nil {
			return nil, err
		}
		for _, id := range chunk {
			history := histories[id]
			if len(line)+len(history) > maxMergesPerLine && len(line) > 0 {
				lines, line = append(lines, line), nil
			}
			for _, m := range history {
				line = append(line, m)
				if len(line) == maxMergesPerLine {
					lines, line = append(lines, line), nil
				}
			}
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines, nil
}
