package embedded

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// resolveBatch rewrites a validated, normalised batch so that it names no
// id merged away, as newsgraph.Writer.Upsert specifies: relation ends,
// places and claimants name the survivors (relation ids are recomputed, and
// relations that become the same one are joined, their evidence unioned,
// the later one's other fields kept), and an entity whose id was merged
// away is dropped after adding its name and aliases to its survivor's
// aliases. The work is one map lookup per reference.
func (ix *index) resolveBatch(b *newsgraph.Batch) {
	if len(ix.redirects) == 0 {
		return
	}
	inBatch := make(map[string]*newsgraph.Entity, len(b.Entities))
	for _, e := range b.Entities {
		inBatch[e.ID] = e
	}
	entities := make([]*newsgraph.Entity, 0, len(b.Entities))
	var folded []*newsgraph.Entity
	for _, e := range b.Entities {
		e.PlaceID = ix.resolve(e.PlaceID)
		e.ClaimantID = ix.resolve(e.ClaimantID)
		if _, merged := ix.redirects[e.ID]; merged {
			folded = append(folded, e)
			continue
		}
		entities = append(entities, e)
	}
	// Stored survivors gaining aliases are copied, and written only when
	// they gain something.
	copies := map[string]*newsgraph.Entity{}
	changed := map[string]bool{}
	for _, e := range folded {
		into := ix.redirects[e.ID]
		survivor := inBatch[into]
		if survivor == nil {
			survivor = copies[into]
		}
		if survivor == nil {
			stored := ix.entities[into]
			if stored == nil {
				continue
			}
			survivor = stored.Clone()
			copies[into] = survivor
			entities = append(entities, survivor)
		}
		if addAliases(survivor, append([]string{e.Name}, e.Aliases...)) {
			changed[into] = true
		}
	}
	b.Entities = dropUnchanged(entities, copies, changed)

	relations := make([]*newsgraph.Relation, 0, len(b.Relations))
	byID := make(map[string]*newsgraph.Relation, len(b.Relations))
	for _, r := range b.Relations {
		r.From, r.To = ix.resolve(r.From), ix.resolve(r.To)
		r.ID = newsgraph.RelationID(r.From, r.Type, r.To)
		if prev := byID[r.ID]; prev != nil {
			evidence := newsgraph.UnionEvidence(prev.Evidence, r.Evidence)
			*prev = *r
			prev.Evidence = evidence
			continue
		}
		byID[r.ID] = r
		relations = append(relations, r)
	}
	b.Relations = relations
}

// dropUnchanged drops from entities the stored survivors copied in
// copies that gained no alias.
func dropUnchanged(entities []*newsgraph.Entity, copies map[string]*newsgraph.Entity, changed map[string]bool) []*newsgraph.Entity {
	if len(copies) == len(changed) {
		return entities
	}
	kept := entities[:0]
	for _, e := range entities {
		if copies[e.ID] == e && !changed[e.ID] {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// addAliases adds names to e's aliases, skipping blank names, e's own name
// and exact duplicates, and reports whether any was added.
func addAliases(e *newsgraph.Entity, names []string) bool {
	added := false
	for _, n := range names {
		if strings.TrimSpace(n) == "" || n == e.Name || slices.Contains(e.Aliases, n) {
			continue
		}
		e.Aliases = append(e.Aliases, n)
		added = true
	}
	return added
}
