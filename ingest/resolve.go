package ingest

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// resolver maps the entity inputs of one Input to entities: existing ones it
// matched, and new ones it will create. It reads the store but never
// writes; Ingest writes what it planned in one Upsert.
type resolver struct {
	store reader
	// existing caches store lookups by requested id (nil when absent).
	existing map[string]*newsgraph.Entity
	// planned are the entities of this input by id: copies of matched ones
	// (which may gain aliases) and new ones.
	planned map[string]*plannedEntity
	// order lists planned ids in the order they were first resolved.
	order []string
	// named caches the store's answers to EntitiesNamed (nil when a key
	// names nothing stored).
	named map[newsgraph.NameKey][]*newsgraph.Entity
	// plannedNamed indexes the planned entities by their folded names and
	// aliases, so that finding one costs a map lookup, however many the
	// input plans. It is nil until the first find: folding costs, and
	// inputs whose entities all have ids never find.
	plannedNamed map[newsgraph.NameKey][]string
}

// plannedEntity is an entity the input resolved to.
type plannedEntity struct {
	entity  *newsgraph.Entity
	created bool
	// changed reports that a matched entity gained aliases and must be
	// written.
	changed bool
}

func newResolver(store reader) *resolver {
	return &resolver{
		store:   store,
		planned: map[string]*plannedEntity{},
		named:   map[newsgraph.NameKey][]*newsgraph.Entity{},
	}
}

// lookupNames fetches, in one call, the stored entities named by every
// lookup key of the inputs that carry no id, and caches the answers.
func (r *resolver) lookupNames(ctx context.Context, inputs []EntityInput) error {
	var keys []newsgraph.NameKey
	for i := range inputs {
		in := &inputs[i]
		if in.ID != "" {
			continue
		}
		for _, k := range lookupKeys(in) {
			key := newsgraph.NameKey{Kind: in.Kind, Name: k}
			if _, ok := r.named[key]; !ok {
				r.named[key] = nil // asked for; filled in below
				keys = append(keys, key)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	found, err := r.store.EntitiesNamed(ctx, keys)
	if err != nil {
		for _, k := range keys {
			delete(r.named, k)
		}
		return err
	}
	for k, es := range found {
		r.named[k] = es
	}
	return nil
}

// indexPlanned records that the planned entity id answers to the given
// names.
func (r *resolver) indexPlanned(id string, kind newsgraph.Kind, names ...string) {
	if r.plannedNamed == nil {
		return // built by the first find
	}
	for _, n := range names {
		if k := (newsgraph.NameKey{Kind: kind, Name: newsgraph.Fold(n)}); k.Name != "" && !slices.Contains(r.plannedNamed[k], id) {
			r.plannedNamed[k] = append(r.plannedNamed[k], id)
		}
	}
}

// lookup fetches the given entity ids in one call and caches the answers;
// ids merged away map to their survivors. Ids reach it validated (by
// Input.Validate, or built by newsgraph.EntityID), and a malformed id
// would only be reported absent.
func (r *resolver) lookup(ctx context.Context, ids []string) error {
	if len(r.existing) == 0 {
		r.existing = make(map[string]*newsgraph.Entity, len(ids))
	}
	missing := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, ok := r.existing[id]; !ok {
			r.existing[id] = nil // asked for; filled in below
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	found, err := r.store.EntitiesByID(ctx, missing)
	if err != nil {
		for _, id := range missing {
			delete(r.existing, id)
		}
		return err
	}
	for _, id := range missing {
		r.existing[id] = found[id]
	}
	return nil
}

// existingID returns the id of the stored entity id names (its survivor
// when it was merged away), or "" when there is none. lookup must have
// fetched id.
func (r *resolver) existingID(id string) string {
	if p := r.planned[id]; p != nil {
		return id
	}
	if e := r.existing[id]; e != nil {
		return e.ID
	}
	return ""
}

// resolve maps one entity input to an entity, matching or planning to
// create it, and returns its id.
func (r *resolver) resolve(ctx context.Context, in *EntityInput) (string, error) {
	if in.ID != "" {
		if err := r.lookup(ctx, []string{in.ID}); err != nil {
			return "", err
		}
		if e := r.existing[in.ID]; e != nil {
			return r.match(e, in), nil
		}
		return r.create(in.ID, in), nil
	}
	for _, key := range lookupKeys(in) {
		e, err := r.find(ctx, in.Kind, key)
		if err != nil {
			return "", err
		}
		if e != nil {
			return r.match(e, in), nil
		}
	}
	named := *in
	if in.Kind == newsgraph.KindPerson {
		if name := withoutLeadingTitles(in.Name); name != in.Name {
			named.Name = name
			named.Aliases = append([]string{in.Name}, in.Aliases...)
		}
	}
	id := newsgraph.EntityID(named.Kind, named.Name)
	if err := r.lookup(ctx, []string{id}); err != nil {
		return "", err
	}
	if e := r.existing[id]; e != nil && e.Kind == in.Kind {
		return r.match(e, &named), nil
	}
	return r.create(id, &named), nil
}

// find returns the entity of the given kind whose folded name or alias is
// key, looking at the entities this input already resolved to and at the
// store (an exact lookup, EntitiesNamed). Several candidates are ranked
// deterministically: a name match before an alias match, then by id.
func (r *resolver) find(ctx context.Context, kind newsgraph.Kind, key string) (*newsgraph.Entity, error) {
	nk := newsgraph.NameKey{Kind: kind, Name: key}
	if _, ok := r.named[nk]; !ok {
		found, err := r.store.EntitiesNamed(ctx, []newsgraph.NameKey{nk})
		if err != nil {
			return nil, err
		}
		r.named[nk] = found[nk]
	}
	if r.plannedNamed == nil {
		r.plannedNamed = make(map[newsgraph.NameKey][]string, len(r.order))
		for _, id := range r.order {
			e := r.planned[id].entity
			r.indexPlanned(id, e.Kind, e.Name)
			r.indexPlanned(id, e.Kind, e.Aliases...)
		}
	}
	var best *newsgraph.Entity
	consider := func(e *newsgraph.Entity) {
		if best == nil || better(e, best, key) {
			best = e
		}
	}
	for _, id := range r.plannedNamed[nk] {
		consider(r.planned[id].entity)
	}
	for _, e := range r.named[nk] {
		consider(e)
	}
	return best, nil
}

// better reports whether a ranks before b as the entity key names.
func better(a, b *newsgraph.Entity, key string) bool {
	an, bn := newsgraph.Fold(a.Name) == key, newsgraph.Fold(b.Name) == key
	if an != bn {
		return an
	}
	return a.ID < b.ID
}

// match records that in resolved to the stored (or already planned) entity
// e, adds the names of in that e lacks to its aliases, and returns its id.
func (r *resolver) match(e *newsgraph.Entity, in *EntityInput) string {
	p := r.planned[e.ID]
	if p == nil {
		p = &plannedEntity{entity: e.Clone()}
		r.planned[e.ID] = p
		r.order = append(r.order, e.ID)
		r.indexPlanned(e.ID, e.Kind, e.Name)
		r.indexPlanned(e.ID, e.Kind, e.Aliases...)
	}
	var keys map[string]bool // folded lazily: most inputs repeat a name exactly
	addName := func(name string) {
		if name == p.entity.Name || slices.Contains(p.entity.Aliases, name) {
			return // its folded form is a key already
		}
		if keys == nil {
			keys = entityKeys(p.entity)
		}
		if k := newsgraph.Fold(name); k != "" && !keys[k] {
			keys[k] = true
			p.entity.Aliases = append(p.entity.Aliases, name)
			r.indexPlanned(e.ID, p.entity.Kind, name)
			if !p.created {
				p.changed = true
			}
		}
	}
	addName(in.Name)
	for _, a := range in.Aliases {
		addName(a)
	}
	return e.ID
}

// create plans a new entity with the given id from in; a second input for
// the same id matches the first.
func (r *resolver) create(id string, in *EntityInput) string {
	if p := r.planned[id]; p != nil {
		return r.match(p.entity, in)
	}
	verdict, note := in.verdict()
	r.planned[id] = &plannedEntity{created: true, entity: &newsgraph.Entity{
		ID:              id,
		Kind:            in.Kind,
		Name:            in.Name,
		Aliases:         slices.Clone(in.Aliases),
		Description:     in.Description,
		Roles:           slices.Clone(in.Roles),
		StartDate:       in.StartDate,
		EndDate:         in.EndDate,
		Jurisdiction:    in.Jurisdiction,
		ClaimText:       in.ClaimText,
		Verdict:         verdict,
		VerdictNote:     note,
		CounterEvidence: in.CounterEvidence,
	}}
	r.order = append(r.order, id)
	r.indexPlanned(id, in.Kind, in.Name)
	r.indexPlanned(id, in.Kind, in.Aliases...)
	return id
}
