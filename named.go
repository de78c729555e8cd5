package newsgraph

import (
	"slices"
	"strings"
)

// NameKey is what entity resolution looks an entity up by: its kind and
// one of its names, folded (Fold). See EntityReader.EntitiesNamed.
type NameKey struct {
	Kind Kind
	// Name is a folded name or alias.
	Name string
}

// Answerable reports whether k can name anything: a valid kind and a name
// that is non-empty and already folded (Fold(Name) == Name). A store
// answers other keys with nothing.
func (k NameKey) Answerable() bool {
	return k.Kind.Valid() && k.Name != "" && Fold(k.Name) == k.Name
}

// MaxEntitiesNamed caps the entities EntitiesNamed returns for one key,
// the best ranked kept: resolution takes the first, and many entities of
// one kind sharing a name is a curation problem, not a lookup.
const MaxEntitiesNamed = 50

// NamedBy reports whether e's name or one of its aliases folds to folded,
// and whether it is the name that does. Initialisms and partial matches do
// not count.
func (e *Entity) NamedBy(folded string) (named, byName bool) {
	if folded == "" {
		return false, false
	}
	if Fold(e.Name) == folded {
		return true, true
	}
	return slices.ContainsFunc(e.Aliases, func(a string) bool { return Fold(a) == folded }), false
}

// RankNamed sorts the entities named by folded (see NamedBy) as
// EntitiesNamed ranks them: those whose name folds to it first, then by id.
func RankNamed(folded string, entities []*Entity) {
	byName := make(map[string]bool, len(entities))
	for _, e := range entities {
		_, byName[e.ID] = e.NamedBy(folded)
	}
	slices.SortFunc(entities, func(a, b *Entity) int {
		if byName[a.ID] != byName[b.ID] {
			if byName[a.ID] {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// KeepNamed keeps, of the candidates found for each key, the entities of
// its kind it names (NamedBy), ranked by RankNamed and capped at
// MaxEntitiesNamed, and drops keys left with none: the common last step of
// every store's EntitiesNamed.
func KeepNamed(found map[NameKey][]*Entity) map[NameKey][]*Entity {
	for k, candidates := range found {
		kept := candidates[:0]
		for _, e := range candidates {
			if named, _ := e.NamedBy(k.Name); named && e.Kind == k.Kind {
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			delete(found, k)
			continue
		}
		RankNamed(k.Name, kept)
		found[k] = kept[:min(len(kept), MaxEntitiesNamed)]
	}
	return found
}
