package extract

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// Gazetteer finds the names and aliases of known entities in a text. Keys
// are folded (newsgraph.Fold) and matched on word boundaries, longest
// first: a word-level trie, flattened into a map from each key to its
// entities and a map from each first word to the longest key it starts.
// Matching is then, at each word, at most that many map look-ups, which is
// what Aho-Corasick would give on words (no key crosses a word boundary, so
// failure links buy nothing) without matches inside words to filter out.
// The zero Gazetteer is not usable; call NewGazetteer.
//
// A Gazetteer is safe for concurrent reads; Add must not run concurrently
// with Match.
type Gazetteer struct {
	keys  map[string][]entry
	first map[string]int
	// roles maps a folded role ("president of mexico") to the entities
	// holding it.
	roles    map[string][]string
	entities map[string]*known
	// events maps an event's dates to the events of the graph with them.
	events map[[2]newsgraph.Date][]string
}

// known is what the gazetteer keeps of an entity.
type known struct {
	ID   string
	Kind newsgraph.Kind
	Name string
}

// entry is one entity a key names.
type entry struct {
	id     string
	kind   newsgraph.Kind
	byName bool
	// caps: every form with this key is an initialism ("US", "UN"), so a
	// one-word match must be in capitals too ("us" the pronoun is not).
	caps bool
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{keys: map[string][]entry{}, first: map[string]int{}, roles: map[string][]string{}, entities: map[string]*known{},
		events: map[[2]newsgraph.Date][]string{}}
}

// Len returns the number of entities in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.entities) }

// Add adds an entity, or replaces the keys it had: the gazetteer can be
// kept current one entity at a time.
func (g *Gazetteer) Add(e *newsgraph.Entity) {
	if old := g.entities[e.ID]; old != nil {
		g.remove(e.ID)
	}
	g.entities[e.ID] = &known{ID: e.ID, Kind: e.Kind, Name: e.Name}
	g.addKey(e, e.Name, true)
	for _, a := range e.Aliases {
		g.addKey(e, a, false)
	}
	if e.Kind == newsgraph.KindEvent && !e.StartDate.IsZero() {
		k := [2]newsgraph.Date{e.StartDate, e.EndDate}
		g.events[k] = append(g.events[k], e.ID)
	}
	for _, r := range e.Roles {
		k := roleKey(r)
		if k != "" && !slices.Contains(g.roles[k], e.ID) {
			g.roles[k] = append(g.roles[k], e.ID)
		}
	}
}

func (g *Gazetteer) addKey(e *newsgraph.Entity, name string, byName bool) {
	k := newsgraph.Fold(name)
	if k == "" || stopKeys[k] {
		return
	}
	caps := isAllCaps(name) && !strings.Contains(k, " ")
	list := g.keys[k]
	for i := range list {
		if list[i].id == e.ID {
			list[i].byName = list[i].byName || byName
			list[i].caps = list[i].caps && caps
			return
		}
	}
	g.keys[k] = append(list, entry{id: e.ID, kind: e.Kind, byName: byName, caps: caps})
	words := strings.Count(k, " ") + 1
	f, _, _ := strings.Cut(k, " ")
	if words > g.first[f] {
		g.first[f] = words
	}
}

// remove drops an entity's keys and roles; first-word lengths stay, which
// costs at most a few extra look-ups.
func (g *Gazetteer) remove(id string) {
	for k, list := range g.keys {
		if i := slices.IndexFunc(list, func(e entry) bool { return e.id == id }); i >= 0 {
			if list = slices.Delete(list, i, i+1); len(list) == 0 {
				delete(g.keys, k)
			} else {
				g.keys[k] = list
			}
		}
	}
	for k, ids := range g.roles {
		g.roles[k] = slices.DeleteFunc(ids, func(s string) bool { return s == id })
	}
	for k, ids := range g.events {
		g.events[k] = slices.DeleteFunc(ids, func(s string) bool { return s == id })
	}
	delete(g.entities, id)
}

// stopKeys are folded names too common to spot as entities.
var stopKeys = map[string]bool{"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "i": true, "we": true, "they": true}

// roleKey folds a role for the role index: "President of the United
// States" and "president of United States" give the same key.
func roleKey(role string) string {
	words := strings.Fields(newsgraph.Fold(role))
	words = slices.DeleteFunc(words, func(w string) bool { return w == "the" })
	return strings.Join(words, " ")
}

// match is a gazetteer hit: tokens [start, end) name the entities.
type match struct {
	start, end int
	entries    []entry
}

// best returns the id of the entity a match most likely means: one named by
// it before one with it as an alias, then the smaller id (as ingest ranks
// EntitiesNamed).
func (m match) best() entry {
	b := m.entries[0]
	for _, e := range m.entries[1:] {
		if e.byName && !b.byName || e.byName == b.byName && e.id < b.id {
			b = e
		}
	}
	return b
}

// find returns the longest non-overlapping matches in the tokens, left to
// right. A match of one word must start with a capital letter (and be in
// capitals when its key is an initialism); a longer one that is all lower
// case is kept ("drug cartels"), as the graph's aliases say.
func (g *Gazetteer) find(toks []token) []match {
	var out []match
	var key strings.Builder
	for i := 0; i < len(toks); {
		maxLen := g.first[toks[i].Fold]
		found := false
		for n := min(maxLen, len(toks)-i); n >= 1 && maxLen > 0; n-- {
			if toks[i+n-1].Sentence != toks[i].Sentence || (n > 1 && toks[i+n-2].Possessive) {
				continue
			}
			key.Reset()
			for j := i; j < i+n; j++ {
				if j > i {
					key.WriteByte(' ')
				}
				key.WriteString(toks[j].Fold)
			}
			list := g.keys[key.String()]
			list = slices.DeleteFunc(slices.Clone(list), func(e entry) bool {
				return n == 1 && (!toks[i].Upper || e.caps && !toks[i].Caps)
			})
			if len(list) == 0 {
				continue
			}
			out = append(out, match{start: i, end: i + n, entries: list})
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return out
}

// holders returns the entities holding a role, by folded role key.
func (g *Gazetteer) holders(role string) []string { return g.roles[role] }

// entity returns what the gazetteer knows of an id, or nil.
func (g *Gazetteer) entity(id string) *known { return g.entities[id] }

// BuildGazetteer reads every entity of the store, a page at a time, into a
// new gazetteer.
func BuildGazetteer(ctx context.Context, r newsgraph.EntityReader) (*Gazetteer, error) {
	g := NewGazetteer()
	after := ""
	for {
		page, err := r.Entities(ctx, newsgraph.EntityQuery{First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		for _, e := range page.Items {
			g.Add(e)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			return g, nil
		}
		after = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
}

// Source keeps a gazetteer of a store current. Each call of Gazetteer
// reads the store's Stats (one cheap count query) and rebuilds the
// gazetteer when the numbers of entities, relations or documents changed
// since the last build. Every ingest writes a document or a relation, so
// the entities and aliases it adds are seen by the next extraction; an
// alias-only upsertEntity or a merge that changes no count is seen after
// the next write that does.
type Source struct {
	store interface {
		newsgraph.EntityReader
		newsgraph.RelationReader
	}
	mu    sync.Mutex
	g     *Gazetteer
	stats newsgraph.Stats
}

// NewSource returns a Source over the store; the first Gazetteer call
// builds it.
func NewSource(store interface {
	newsgraph.EntityReader
	newsgraph.RelationReader
}) *Source {
	return &Source{store: store}
}

// Gazetteer returns a gazetteer of the store as it is now.
func (s *Source) Gazetteer(ctx context.Context) (*Gazetteer, error) {
	st, err := s.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.g != nil && sameStats(st, s.stats) {
		return s.g, nil
	}
	g, err := BuildGazetteer(ctx, s.store)
	if err != nil {
		return nil, err
	}
	s.g, s.stats = g, st
	return g, nil
}

func sameStats(a, b newsgraph.Stats) bool {
	return a.Entities == b.Entities && a.Relations == b.Relations && a.Documents == b.Documents && slices.Equal(a.ByKind, b.ByKind)
}
