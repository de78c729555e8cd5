package neo4j

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Merges returns the merge records whose survivor is id, after resolving
// id if it was merged away, oldest first. An id no merge went into has no
// records; neither has a malformed one, answered without a round trip.
func (s *Store) Merges(ctx context.Context, id string) ([]newsgraph.Merge, error) {
	if !newsgraph.ValidEntityID(id) {
		return []newsgraph.Merge{}, nil
	}
	return readTx(ctx, s, "merges", func(tx neo4j.ManagedTransaction) ([]newsgraph.Merge, error) {
		redirects, err := resolveMerged(ctx, tx, []string{id})
		if err != nil {
			return nil, err
		}
		recs, err := run(ctx, tx, mergesInto, map[string]any{"into": resolved(redirects, id)})
		if err != nil {
			return nil, err
		}
		out := make([]newsgraph.Merge, 0, len(recs))
		for _, rec := range recs {
			m, err := mergeOf(rec)
			if err != nil {
				return nil, err
			}
			out = append(out, m)
		}
		return out, nil
	})
}

// mergeOf maps a row of merges_into.cypher to a merge record.
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
