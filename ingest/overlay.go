package ingest

import (
	"context"
	"maps"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// overlay is the store as it will be once the inputs planned so far in a
// group are written: reads see their documents, entities and relations on
// top of the stored ones, so that planning an input of a group gives the
// same plan as ingesting it after the ones before it. add records what an
// input will write; batch returns everything, each item once.
type overlay struct {
	// base is what the overlay lies on: the store, or the overlay of the
	// run planned before this one while that run is being written.
	base reader

	documents map[string]*newsgraph.Document
	docOrder  []string

	entities    map[string]*newsgraph.Entity
	entityOrder []string
	// keys maps the folded name and aliases of each pending entity to the
	// ids having them, for EntitiesNamed. It is nil until the first
	// EntitiesNamed:
	// folding costs, and inputs whose entities all have ids never search.
	keys map[string][]string

	// storedNamed caches the store's answers to EntitiesNamed (nil when
	// a key names nothing stored).
	storedNamed map[newsgraph.NameKey][]*newsgraph.Entity

	// storedEntities caches the entities the store answered EntitiesByID
	// with, by requested id: inputs of a group name the same entities again
	// and again. Absent ids are not kept: an input that asks for one
	// creates it (and later inputs find it pending) or is rejected, and in
	// a bulk import most ids asked for are new, so remembering them cost
	// more map writes than the store's answers they saved.
	storedEntities map[string]*newsgraph.Entity

	relations map[string]*pendingRelation
	relOrder  []string
	// mentions are the pending mentions by document id.
	mentions map[string][]newsgraph.Mention
	// storedRelations caches the relations the store answered
	// RelationsByID with, the base that pending evidence is added to.
	// Absent ids are not kept, as in storedEntities.
	storedRelations map[string]*newsgraph.Relation
}

// pendingRelation is a relation the group writes: full is how reads see it
// (stored evidence and the group's), write what goes into the batch (the
// fields and only the evidence the group adds; Upsert unions it with the
// stored evidence).
type pendingRelation struct {
	full  newsgraph.Relation
	write *newsgraph.Relation
}

// newOverlay returns an overlay of base for a group of inputs naming
// about the given numbers of entities and relations, which size its maps:
// growing them item by item costs more than planning does.
func newOverlay(base reader, entities, relations int) *overlay {
	return &overlay{
		base:            base,
		documents:       map[string]*newsgraph.Document{},
		mentions:        map[string][]newsgraph.Mention{},
		entities:        make(map[string]*newsgraph.Entity, entities),
		storedEntities:  make(map[string]*newsgraph.Entity, entities),
		storedNamed:     make(map[newsgraph.NameKey][]*newsgraph.Entity, entities),
		relations:       make(map[string]*pendingRelation, relations),
		storedRelations: make(map[string]*newsgraph.Relation, relations),
	}
}

// add records the batch an input will write.
func (o *overlay) add(b newsgraph.Batch) {
	for _, m := range b.Mentions {
		o.mentions[m.DocumentID] = newsgraph.UnionMentions(o.mentions[m.DocumentID], []newsgraph.Mention{m})
	}
	for _, d := range b.Documents {
		if o.documents[d.ID] == nil {
			o.docOrder = append(o.docOrder, d.ID)
		}
		o.documents[d.ID] = d
	}
	for _, e := range b.Entities {
		if o.entities[e.ID] == nil {
			o.entityOrder = append(o.entityOrder, e.ID)
		}
		o.entities[e.ID] = e
		if o.keys != nil {
			o.addKeys(e)
		}
	}
	for _, r := range b.Relations {
		if p := o.relations[r.ID]; p != nil {
			p.full.Evidence = newsgraph.UnionEvidence(p.full.Evidence, r.Evidence)
			p.write.Evidence = newsgraph.UnionEvidence(p.write.Evidence, r.Evidence)
			continue
		}
		p := &pendingRelation{full: *r, write: r}
		if old := o.storedRelations[r.ID]; old != nil {
			p.full.Evidence = newsgraph.UnionEvidence(old.Evidence, r.Evidence)
		}
		o.relations[r.ID] = p
		o.relOrder = append(o.relOrder, r.ID)
	}
}

// addKeys indexes the folded name and aliases of the pending entity e.
// A later version of an entity has the keys of the earlier ones: a group
// only adds aliases.
func (o *overlay) addKeys(e *newsgraph.Entity) {
	for k := range entityKeys(e) {
		if !slices.Contains(o.keys[k], e.ID) {
			o.keys[k] = append(o.keys[k], e.ID)
		}
	}
}

// batch returns everything the group writes, each item once, in the order
// items were first planned.
func (o *overlay) batch() newsgraph.Batch {
	var b newsgraph.Batch
	for _, id := range o.docOrder {
		b.Documents = append(b.Documents, o.documents[id])
	}
	for _, id := range o.entityOrder {
		b.Entities = append(b.Entities, o.entities[id])
	}
	for _, id := range o.relOrder {
		b.Relations = append(b.Relations, o.relations[id].write)
	}
	for _, id := range slices.Sorted(maps.Keys(o.mentions)) {
		b.Mentions = append(b.Mentions, o.mentions[id]...)
	}
	return b
}

// MentionsIn answers with the stored mentions joined with the pending
// ones.
func (o *overlay) MentionsIn(ctx context.Context, ids []string) (map[string][]newsgraph.Mention, error) {
	stored, err := o.base.MentionsIn(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if pending := o.mentions[id]; len(pending) > 0 {
			stored[id] = newsgraph.UnionMentions(stored[id], pending)
		}
	}
	return stored, nil
}

// EntitiesByID answers from the pending entities and the store. A stored
// entity that the group changes is answered with its pending version, also
// when it was requested by an id merged into it.
func (o *overlay) EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error) {
	out := make(map[string]*newsgraph.Entity, len(ids))
	var rest []string
	for _, id := range ids {
		if e := o.entities[id]; e != nil {
			out[id] = e
		} else if e := o.storedEntities[id]; e != nil {
			out[id] = o.latest(id, e)
		} else {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return out, nil
	}
	stored, err := o.base.EntitiesByID(ctx, rest)
	if err != nil {
		return nil, err
	}
	for _, id := range rest {
		if e := stored[id]; e != nil {
			o.storedEntities[id] = e
			out[id] = o.latest(id, e)
		}
	}
	return out, nil
}

// latest returns the pending version of the stored entity e, requested by
// id, or e. Callers have found no pending entity named id, so only an id
// merged into e can have one.
func (o *overlay) latest(id string, e *newsgraph.Entity) *newsgraph.Entity {
	if e.ID == id {
		return e
	}
	if pending := o.entities[e.ID]; pending != nil {
		return pending
	}
	return e
}

// EntitiesNamed answers the exact lookups of the resolver: the store's
// answer (cached for the group: what is stored does not change while a
// group is planned), with the pending version of entities the group
// changes, and the pending entities of the key's kind whose folded name or
// alias is the key, ranked by newsgraph.RankNamed.
func (o *overlay) EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
	var ask []newsgraph.NameKey
	for _, k := range keys {
		if _, ok := o.storedNamed[k]; !ok {
			ask = append(ask, k)
		}
	}
	if len(ask) > 0 {
		stored, err := o.base.EntitiesNamed(ctx, ask)
		if err != nil {
			return nil, err
		}
		for _, k := range ask {
			o.storedNamed[k] = stored[k]
		}
	}
	if o.keys == nil {
		o.keys = make(map[string][]string, len(o.entities))
		for _, id := range o.entityOrder {
			o.addKeys(o.entities[id])
		}
	}
	out := make(map[newsgraph.NameKey][]*newsgraph.Entity, len(keys))
	for _, k := range keys {
		stored, pending := o.storedNamed[k], o.keys[k.Name]
		named := make([]*newsgraph.Entity, 0, len(stored)+len(pending))
		for _, e := range stored {
			if p := o.entities[e.ID]; p != nil {
				e = p
			}
			named = append(named, e)
		}
		for _, id := range pending {
			if e := o.entities[id]; e.Kind == k.Kind && !slices.ContainsFunc(stored, func(s *newsgraph.Entity) bool { return s.ID == id }) {
				named = append(named, e)
			}
		}
		if len(named) > 0 {
			newsgraph.RankNamed(k.Name, named)
			out[k] = named
		}
	}
	return out, nil
}

// DocumentsByID answers from the pending documents and the store.
func (o *overlay) DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error) {
	out := make(map[string]*newsgraph.Document, len(ids))
	var rest []string
	for _, id := range ids {
		if d := o.documents[id]; d != nil {
			out[id] = d
		} else {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return out, nil
	}
	stored, err := o.base.DocumentsByID(ctx, rest)
	if err != nil {
		return nil, err
	}
	for id, d := range stored {
		out[id] = d
	}
	return out, nil
}

// RelationsByID answers pending relations with their stored and pending
// evidence, and the others from the store, remembering the store's
// answers for add.
func (o *overlay) RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error) {
	out := make(map[string]*newsgraph.Relation, len(ids))
	var rest []string
	for _, id := range ids {
		if p := o.relations[id]; p != nil {
			out[id] = &p.full
		} else if r := o.storedRelations[id]; r != nil {
			out[id] = r
		} else {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return out, nil
	}
	stored, err := o.base.RelationsByID(ctx, rest)
	if err != nil {
		return nil, err
	}
	for _, id := range rest {
		if r := stored[id]; r != nil {
			o.storedRelations[id] = r
			out[id] = r
		}
	}
	return out, nil
}
