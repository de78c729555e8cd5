package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// MergeEntities merges m.From into m.Into all or nothing, in one write
// transaction, as newsgraph.Writer specifies. The survivor and the merged
// entities are locked first, so concurrent merges and upserts of them take
// turns; then their relations are re-pointed (move_relations.cypher), the
// survivor gains the merged names as aliases, places and claimants naming a
// merged entity name the survivor, the merged ids get redirects, the merge
// is recorded, and the merged entities are removed. It returns the
// survivor and the record (nil when nothing was left to merge).
func (s *Store) MergeEntities(ctx context.Context, m newsgraph.Merge) (newsgraph.Merged, error) {
	if err := m.Validate(); err != nil {
		return newsgraph.Merged{}, err
	}
	at := m.At
	if at.IsZero() {
		at = time.Now()
	}
	// UTC, so that the driver sends a zone Neo4j knows (never "Local").
	at = at.UTC()
	return writeTx(ctx, s, "mergeEntities", func(tx neo4j.ManagedTransaction) (newsgraph.Merged, error) {
		survivor, merged, err := mergeParties(ctx, tx, m)
		if err != nil || len(merged) == 0 {
			return newsgraph.Merged{Survivor: survivor}, err
		}
		mergedIDs := make([]string, len(merged))
		for i, e := range merged {
			mergedIDs[i] = e.ID
		}
		recs, err := run(ctx, tx, relationsOfEntities, map[string]any{"ids": mergedIDs})
		if err != nil {
			return newsgraph.Merged{}, err
		}
		var relations []*newsgraph.Relation
		for _, rec := range recs {
			r, err := relationOf(rec, "r", "from", "to")
			if err != nil {
				return newsgraph.Merged{}, err
			}
			relations = append(relations, r)
		}
		moved := moveRelationsTo(survivor.ID, mergedIDs, relations)
		plan, err := mergeRows(moved)
		if err != nil {
			return newsgraph.Merged{}, err
		}
		if plan.recorded, err = mergedMentions(ctx, tx, survivor.ID, mergedIDs); err != nil {
			return newsgraph.Merged{}, err
		}
		renamed := survivor.Clone()
		for _, e := range merged {
			renamed.AddAliases(append([]string{e.Name}, e.Aliases...)...)
		}
		if !slices.Equal(renamed.Aliases, survivor.Aliases) {
			label, _ := kindLabel(renamed.Kind) // The kind was read from a stored entity.
			plan.survivor = []any{map[string]any{"id": renamed.ID, "label": label, "properties": entityProperties(renamed)}}
		}
		for _, w := range mergeWrites(survivor.ID, mergedIDs, m.Actor, at, plan) {
			recs, err := run(ctx, tx, w.stmt, w.params)
			if err != nil || len(recs) != 1 {
				return newsgraph.Merged{}, resultErr(err, len(recs))
			}
			if w.want < 0 {
				continue
			}
			// Every row names entities locked above, so a shortfall means a
			// bug: fail rather than commit half a merge.
			if n, err := firstCount(recs[0]); err != nil || n != w.want {
				return newsgraph.Merged{}, cmp.Or(err, fmt.Errorf("merge: %s wrote %d of %d rows", w.name, n, w.want))
			}
		}
		after, err := lookupEntities(ctx, tx, []string{survivor.ID})
		if err != nil {
			return newsgraph.Merged{}, err
		}
		if after[survivor.ID] == nil {
			return newsgraph.Merged{}, fmt.Errorf("merge: survivor %s vanished", survivor.ID)
		}
		return newsgraph.Merged{Survivor: after[survivor.ID], Merge: &newsgraph.Merge{Into: survivor.ID, From: mergedIDs, Actor: m.Actor, At: at}}, nil
	})
}

// mergeParties resolves the ids of m (ids merged away earlier name their
// survivors), locks and loads the survivor and the entities to merge, and
// checks them: an absent one is NotFound, one of another kind Invalid. The
// entities to merge are in the order of m.From, without duplicates and
// without those that resolve to the survivor, which are merged already.
func mergeParties(ctx context.Context, tx neo4j.ManagedTransaction, m newsgraph.Merge) (*newsgraph.Entity, []*newsgraph.Entity, error) {
	const op = "mergeEntities"
	redirects, err := resolveMerged(ctx, tx, append([]string{m.Into}, m.From...))
	if err != nil {
		return nil, nil, err
	}
	into := resolved(redirects, m.Into)
	ids := []string{into}
	for _, id := range m.From {
		ids = append(ids, resolved(redirects, id))
	}
	// Locks are taken in id order, so that concurrent merges cannot
	// deadlock on each other's entities.
	found, err := lockAndLoad(ctx, tx, slices.Sorted(slices.Values(unique(ids))))
	if err != nil {
		return nil, nil, err
	}
	survivor := found[into]
	if survivor == nil {
		return nil, nil, opError(newsgraph.NotFound, op, "entity %s does not exist", m.Into)
	}
	var merged []*newsgraph.Entity
	seen := map[string]bool{into: true}
	for _, id := range m.From {
		e := found[resolved(redirects, id)]
		switch {
		case e == nil:
			return nil, nil, opError(newsgraph.NotFound, op, "entity %s does not exist", id)
		case e.Kind != survivor.Kind:
			return nil, nil, opError(newsgraph.Invalid, op, "cannot merge %s (%s) into %s (%s): the kinds differ", id, e.Kind, survivor.ID, survivor.Kind)
		case !seen[e.ID]:
			seen[e.ID] = true
			merged = append(merged, e)
		}
	}
	return survivor, merged, nil
}

// moveRelationsTo returns the relations a merge of the entities mergedIDs
// into into writes: each relation re-pointed to into at every merged end,
// under the id RelationID gives it. Relations that end up with the same id
// become one: the first in ascending old id order keeps its fields, and
// the evidence of all is unioned in that order. Relations between into and
// a merged entity, or between merged entities, become self-loops of into.
// move_relations.cypher then adds the evidence to a stored relation with
// the new id, keeping its fields, as newsgraph.Writer specifies.
func moveRelationsTo(into string, mergedIDs []string, relations []*newsgraph.Relation) []*newsgraph.Relation {
	end := func(id string) string {
		if slices.Contains(mergedIDs, id) {
			return into
		}
		return id
	}
	sorted := slices.SortedFunc(slices.Values(relations), func(a, b *newsgraph.Relation) int { return cmp.Compare(a.ID, b.ID) })
	var out []*newsgraph.Relation
	byID := map[string]*newsgraph.Relation{}
	for _, r := range sorted {
		from, to := end(r.From), end(r.To)
		id := newsgraph.RelationID(from, r.Type, to)
		if first := byID[id]; first != nil {
			first.Evidence = newsgraph.UnionEvidence(first.Evidence, r.Evidence)
			continue
		}
		c := *r
		c.ID, c.From, c.To = id, from, to
		c.Evidence = slices.Clone(r.Evidence)
		byID[id] = &c
		out = append(out, &c)
	}
	return out
}

// write is one statement of a merge with its parameters and the number
// of rows it must report written, or -1 when it reports none.
type write struct {
	name   string
	stmt   string
	params map[string]any
	want   int
}

// mergeWrites returns the statements that merge the entities mergedIDs
// into into, in order: relations are moved first, while the merged
// entities still exist (no moved relation touches them); the survivor's
// new aliases are written before places and claimants are re-pointed, so
// that a re-pointed reference of the survivor itself is not overwritten;
// older audit records are re-attached before the merged entities go.
func mergeWrites(into string, mergedIDs []string, actor string, at time.Time, plan mergePlan) []write {
	var actorParam any // An empty actor is not stored.
	if actor != "" {
		actorParam = actor
	}
	var ws []write
	if len(plan.relations) > 0 {
		ws = append(ws, write{"move relations", moveRelations, map[string]any{"relations": plan.relations}, len(plan.relations)})
	}
	if len(plan.survivor) > 0 {
		ws = append(ws, write{"add aliases", upsertEntities, map[string]any{"entities": plan.survivor}, len(plan.survivor)})
	}
	ws = append(ws,
		write{"re-point references", repointReferences, map[string]any{"ids": mergedIDs, "into": into}, -1},
		write{"redirect ids", redirectIDs, map[string]any{"ids": mergedIDs, "into": into}, len(mergedIDs)},
		write{"record merge", recordMerge, map[string]any{"into": into, "from": mergedIDs, "actor": actorParam, "at": at}, -1},
		write{"delete merged", deleteMerged, map[string]any{"ids": mergedIDs}, len(mergedIDs)},
	)
	if len(plan.mentions) > 0 {
		ws = append(ws, write{"link mentions", linkMentions, map[string]any{"mentions": plan.mentions}, len(plan.mentions)})
	}
	if len(plan.recorded) > 0 {
		ws = append(ws, write{"record mentions", recordMentions, map[string]any{"mentions": plan.recorded}, len(plan.recorded)})
	}
	return ws
}

// mergePlan holds the parameter rows of a merge's writes.
type mergePlan struct {
	relations, mentions, survivor []any
	// recorded are the rows of record_mentions.cypher: the merged
	// entities' recorded mentions, moved to the survivor.
	recorded []any
}

// mergeRows returns the rows of move_relations.cypher and link_mentions.cypher
// for the moved relations. Their types came from the store, but they become
// dynamic relationship types, so they are checked once more here.
func mergeRows(moved []*newsgraph.Relation) (mergePlan, error) {
	var plan mergePlan
	type mention struct{ document, entity string }
	seen := map[mention]bool{}
	for _, r := range moved {
		if !newsgraph.ValidRelationType(r.Type) {
			return plan, fmt.Errorf("merge: stored relation %s has a malformed type", r.ID)
		}
		plan.relations = append(plan.relations, map[string]any{
			"id": r.ID, "type": r.Type, "from": r.From, "to": r.To,
			"properties": relationProperties(r), "evidence": evidenceMaps(r.Evidence),
		})
		for _, ev := range r.Evidence {
			for _, id := range []string{r.From, r.To} {
				if m := (mention{ev.DocumentID, id}); !seen[m] {
					seen[m] = true
					plan.mentions = append(plan.mentions, map[string]any{"documentId": m.document, "entityId": m.entity})
				}
			}
		}
	}
	return plan, nil
}

// firstCount returns the first column of rec as an integer.
func firstCount(rec *neo4j.Record) (int, error) {
	if len(rec.Keys) == 0 {
		return 0, fmt.Errorf("record has no columns")
	}
	return count(rec, rec.Keys[0])
}
