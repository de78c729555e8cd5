package newsgraph

import (
	"slices"
	"strings"
)

// AddAliases adds names to e's aliases, skipping blank names, e's own name
// and exact duplicates, and reports whether any was added. Merging, and
// writing an entity whose id was merged away, both give the survivor the
// merged names this way, in either store.
func (e *Entity) AddAliases(names ...string) bool {
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

// Redirect rewrites a normalised, validated batch so that it names no id
// merged away, as Writer.Upsert specifies. survivor reports the id an id
// was merged into, if it was. Relation ends, places and claimants become
// their survivors' ids; relation ids are recomputed, and relations that now
// share an id become one, in the place of the first, with the union of
// their evidence and the other fields of the last. An entity whose id was
// merged away is dropped, and its name and aliases are added to its
// survivor's aliases when the survivor is in the batch. Mentions of an id
// merged away become mentions of its survivor, joined with the survivor's
// own (UnionMentions). Redirect returns
// the names to add to survivors that are not in the batch, by survivor id,
// in batch order: the store adds them to its stored copy (AddAliases) and
// writes it when that adds something. Entities and relations that change
// are copies: the caller's values are left alone.
func (b *Batch) Redirect(survivor func(id string) (into string, merged bool)) map[string][]string {
	resolved := func(id string) string {
		if id == "" {
			return id
		}
		if into, ok := survivor(id); ok {
			return into
		}
		return id
	}
	folds := map[string][]string{}
	kept := make([]*Entity, 0, len(b.Entities))
	for _, e := range b.Entities {
		if into, ok := survivor(e.ID); ok {
			folds[into] = append(folds[into], e.Name)
			folds[into] = append(folds[into], e.Aliases...)
			continue
		}
		if p, c := resolved(e.PlaceID), resolved(e.ClaimantID); p != e.PlaceID || c != e.ClaimantID {
			e = e.Clone()
			e.PlaceID, e.ClaimantID = p, c
		}
		kept = append(kept, e)
	}
	for i, e := range kept {
		if names, ok := folds[e.ID]; ok {
			e = e.Clone()
			e.AddAliases(names...)
			kept[i] = e
			delete(folds, e.ID)
		}
	}
	b.Entities = kept
	if len(b.Mentions) > 0 {
		mentions := make([]Mention, len(b.Mentions))
		for i, m := range b.Mentions {
			m.EntityID = resolved(m.EntityID)
			mentions[i] = m
		}
		b.Mentions = UnionMentions(nil, mentions)
	}
	if len(b.Relations) == 0 {
		return folds
	}

	relations := make([]*Relation, 0, len(b.Relations))
	byID := make(map[string]*Relation, len(b.Relations))
	for _, r := range b.Relations {
		from, to := resolved(r.From), resolved(r.To)
		c := *r
		c.From, c.To, c.ID = from, to, RelationID(from, r.Type, to)
		if prev, ok := byID[c.ID]; ok {
			c.Evidence = UnionEvidence(prev.Evidence, r.Evidence)
			*prev = c
			continue
		}
		byID[c.ID] = &c
		relations = append(relations, &c)
	}
	b.Relations = relations
	return folds
}
