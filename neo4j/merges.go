package neo4j

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Merges returns the merge history of the survivor of each id, keyed by
// the requested id, in one read: the records attached to the survivor
// (merges_of.cypher). Malformed ids have none and are not sent.
func (s *Store) Merges(ctx context.Context, ids []string) (map[string][]newsgraph.Merge, error) {
	var valid []string
	for _, id := range ids {
		if newsgraph.ValidEntityID(id) {
			valid = append(valid, id)
		}
	}
	if len(valid) == 0 {
		return map[string][]newsgraph.Merge{}, nil
	}
	return readTx(ctx, s, "merges", func(tx neo4j.ManagedTransaction) (map[string][]newsgraph.Merge, error) {
		redirects, err := resolveMerged(ctx, tx, valid)
		if err != nil {
			return nil, err
		}
		survivors := make([]string, len(valid))
		for i, id := range valid {
			survivors[i] = resolved(redirects, id)
		}
		recs, err := run(ctx, tx, mergesOf, map[string]any{"ids": unique(survivors)})
		if err != nil {
			return nil, err
		}
		bySurvivor := map[string][]newsgraph.Merge{}
		for _, rec := range recs {
			id, err := value[string](rec, "id")
			if err != nil {
				return nil, err
			}
			m, err := mergeOf(rec)
			if err != nil {
				return nil, err
			}
			bySurvivor[id] = append(bySurvivor[id], m)
		}
		out := map[string][]newsgraph.Merge{}
		for i, id := range valid {
			if records := bySurvivor[survivors[i]]; len(records) > 0 {
				out[id] = slices.Clone(records)
			}
		}
		return out, nil
	})
}

// mergeOf maps a row of merges_of.cypher to a merge record.
func mergeOf(rec *neo4j.Record) (newsgraph.Merge, error) {
	var m newsgraph.Merge
	var err error
	if m.Into, err = value[string](rec, "into"); err != nil {
		return m, err
	}
	if m.From, err = listOf[string](rec, "from"); err != nil {
		return m, err
	}
	switch actor := rec.AsMap()["actor"].(type) {
	case nil:
	case string:
		m.Actor = actor
	default:
		return m, fmt.Errorf("merge into %s: actor is %T, want a string", m.Into, actor)
	}
	at, err := value[time.Time](rec, "at")
	if err != nil {
		return m, err
	}
	m.At = at.UTC()
	return m, nil
}
