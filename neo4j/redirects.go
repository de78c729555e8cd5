package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// This file resolves ids merged away (see MergeEntities): every such id has
// a (:Redirect {id, into}) node naming its survivor, kept one hop deep.

// resolveMerged returns the survivors of the ids that were merged away,
// keyed by merged id; ids that were not merged away are absent.
func resolveMerged(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, resolveIDs, map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		id, err := value[string](rec, "id")
		if err != nil {
			return nil, err
		}
		if out[id], err = value[string](rec, "into"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// resolved returns the survivor of id in redirects, or id itself.
func resolved(redirects map[string]string, id string) string {
	if into, ok := redirects[id]; ok {
		return into
	}
	return id
}

// lockAndLoad takes the write locks of the entities with the given ids
// and returns those that exist, as lookupEntities does.
func lockAndLoad(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*newsgraph.Entity, error) {
	out := make(map[string]*newsgraph.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, lockEntities, map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		e, err := entityOf(rec, "e")
		if err != nil {
			return nil, err
		}
		out[e.ID] = e
	}
	return out, nil
}

// namedEntityIDs returns every entity id the batch names: its entities,
// their places and claimants, its relations' ends and its mentions.
func namedEntityIDs(b *newsgraph.Batch) []string {
	var ids []string
	for _, e := range b.Entities {
		ids = append(ids, e.ID)
		if e.PlaceID != "" {
			ids = append(ids, e.PlaceID)
		}
		if e.ClaimantID != "" {
			ids = append(ids, e.ClaimantID)
		}
	}
	for _, r := range b.Relations {
		ids = append(ids, r.From, r.To)
	}
	for _, m := range b.Mentions {
		ids = append(ids, m.EntityID)
	}
	return unique(ids)
}
