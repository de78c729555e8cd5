package neo4j

import (
	"context"
	"slices"

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
// their places and claimants, and its relations' ends.
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
	return unique(ids)
}

// applyRedirects rewrites a normalised, validated batch so that it names
// survivors only, as Writer.Upsert specifies: relation ends, places and
// claimants become their survivors' ids (relation ids are recomputed, and
// relations that now share an id become one, in the place of the first,
// with the union of their evidence and the other fields of the last, as
// the embedded store does), and an entity whose id was merged away
// is dropped, its name and aliases added to its survivor's aliases when the
// survivor is in the batch. It returns the names to add to survivors that
// are not in the batch, by survivor id. Entities and relations that change
// are copies: the caller's values are left alone.
func applyRedirects(b *newsgraph.Batch, redirects map[string]string) map[string][]string {
	folds := map[string][]string{}
	var kept []*newsgraph.Entity
	for _, e := range b.Entities {
		if into, ok := redirects[e.ID]; ok {
			folds[into] = append(folds[into], e.Name)
			folds[into] = append(folds[into], e.Aliases...)
			continue
		}
		if p, c := resolved(redirects, e.PlaceID), resolved(redirects, e.ClaimantID); p != e.PlaceID || c != e.ClaimantID {
			e = e.Clone()
			e.PlaceID, e.ClaimantID = p, c
		}
		kept = append(kept, e)
	}
	for i, e := range kept {
		if names, ok := folds[e.ID]; ok {
			e = e.Clone()
			addAliases(e, names)
			kept[i] = e
			delete(folds, e.ID)
		}
	}
	b.Entities = kept

	var relations []*newsgraph.Relation
	byID := map[string]*newsgraph.Relation{}
	for _, r := range b.Relations {
		from, to := resolved(redirects, r.From), resolved(redirects, r.To)
		id := newsgraph.RelationID(from, r.Type, to)
		c := *r // A copy: the caller's relation is left alone.
		c.From, c.To, c.ID = from, to, id
		if prev, ok := byID[id]; ok {
			c.Evidence = newsgraph.UnionEvidence(prev.Evidence, r.Evidence)
			*prev = c
			continue
		}
		byID[id] = &c
		relations = append(relations, &c)
	}
	b.Relations = relations
	return folds
}

// addAliases adds names to e's aliases, skipping empty names, e's own name
// and exact duplicates, and reports whether the aliases changed.
func addAliases(e *newsgraph.Entity, names []string) bool {
	changed := false
	for _, n := range names {
		if n == "" || n == e.Name || slices.Contains(e.Aliases, n) {
			continue
		}
		e.Aliases = append(e.Aliases, n)
		changed = true
	}
	return changed
}
