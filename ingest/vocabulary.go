package ingest

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// relationType maps the type of relation i, whose ends resolved to from
// and to, to the relation vocabulary (newsgraph.CanonicalRelationType) and
// returns the type to write. A synonym, an unknown type and ends of kinds
// the type does not allow add warnings to p, once per type (and kinds) in
// an input, or are Invalid under a strict vocabulary.
func (s *Service) relationType(i int, r RelationInput, from, to string, p *plan) (string, error) {
	c, seen := p.types[r.Type]
	if !seen {
		// The first relation of this type in the input: map it, and warn.
		c.typ, c.known = newsgraph.CanonicalRelationType(r.Type)
		if p.types == nil {
			p.types = map[string]canonicalType{}
		}
		p.types[r.Type] = c
		switch {
		case !c.known && s.strictVocabulary:
			return "", invalidf("%s: type %s is not in the relation vocabulary (see relationVocabulary; the vocabulary is strict)", relationItem(i, r), r.Type)
		case !c.known:
			p.warn(Warning{Code: WarnRelationTypeUnknown, Item: relationItem(i, r), IDs: []string{from, to},
				Message: fmt.Sprintf("type %s is not in the relation vocabulary; written as it is (warned once per input)", r.Type)})
		case c.typ != r.Type:
			p.warn(Warning{Code: WarnRelationTypeMapped, Item: relationItem(i, r), IDs: []string{from, to},
				Message: fmt.Sprintf("type %s is written as %s, its vocabulary type (warned once per input)", r.Type, c.typ)})
		}
	}
	typ := c.typ
	if !c.known {
		return typ, nil
	}
	k := kindsKey{typ, newsgraph.KindOfID(from), newsgraph.KindOfID(to)}
	if p.kindsChecked[k] && !s.strictVocabulary {
		return typ, nil
	}
	if p.kindsChecked == nil {
		p.kindsChecked = map[kindsKey]bool{}
	}
	p.kindsChecked[k] = true
	if err := newsgraph.CheckRelationKinds(typ, k.from, k.to, false); err != nil {
		if s.strictVocabulary {
			return "", invalidf("%s: %s (the vocabulary is strict)", relationItem(i, r), err)
		}
		p.warn(Warning{Code: WarnRelationKinds, Item: relationItem(i, r), IDs: []string{from, to}, Message: err.Error() + " (warned once per input)"})
	}
	return typ, nil
}

// relationItem names relation i of an input in messages.
func relationItem(i int, r RelationInput) string {
	return fmt.Sprintf("relations[%d] (%s)", i, r.label())
}

// kindsKey is a relation type between two kinds, checked once per input.
type kindsKey struct {
	typ      string
	from, to newsgraph.Kind
}

// canonicalType is what newsgraph.CanonicalRelationType answered for a
// type of an input.
type canonicalType struct {
	typ   string
	known bool
}

// checkSelfLoop rejects a new relation from an entity to itself unless its
// type allows it. A stored one (merging makes them) may be corroborated,
// and one whose ends both give the entity's id itself is taken as meant:
// that is how an export writes a self-loop that merging made. The mistakes
// this catches are two refs that resolve to one entity, and a ref given
// for both ends.
func checkSelfLoop(i int, r RelationInput, rel *newsgraph.Relation, stored bool, byID func(ref string) bool) error {
	if rel.From != rel.To || stored || newsgraph.AllowsSelfLoop(rel.Type) || (r.From == r.To && r.From == rel.From && byID(r.From)) {
		return nil
	}
	how := "both ends are"
	if r.From != r.To {
		how = "both ends resolve to"
	}
	return invalidf("relations[%d] (%s): %s %s: %s does not allow a relation from an entity to itself (see relationVocabulary)", i, r.label(), how, rel.From, rel.Type)
}
