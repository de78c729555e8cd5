package ingest

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// relationType maps the type of relation i, whose ends resolved to from
// and to, to the relation vocabulary (newsgraph.CanonicalRelationType) and
// returns the type to write. A synonym, an unknown type and ends of kinds
// the type does not allow add warnings to p, or are Invalid under a
// strict vocabulary.
func (s *Service) relationType(i int, r RelationInput, from, to string, p *plan) (string, error) {
	item := func() string { return fmt.Sprintf("relations[%d] (%s)", i, r.label()) }
	typ, known := newsgraph.CanonicalRelationType(r.Type)
	switch {
	case !known && s.strictVocabulary:
		return "", invalidf("%s: type %s is not in the relation vocabulary (see relationVocabulary; the vocabulary is strict)", item(), r.Type)
	case !known:
		p.warn(Warning{Code: WarnRelationTypeUnknown, Item: item(), IDs: []string{from, to},
			Message: fmt.Sprintf("type %s is not in the relation vocabulary; written as it is", r.Type)})
	case typ != r.Type:
		p.warn(Warning{Code: WarnRelationTypeMapped, Item: item(), IDs: []string{from, to},
			Message: fmt.Sprintf("type %s is written as %s, its vocabulary type", r.Type, typ)})
	}
	if err := newsgraph.CheckRelationKinds(typ, newsgraph.KindOfID(from), newsgraph.KindOfID(to), false); err != nil {
		if s.strictVocabulary {
			return "", invalidf("%s: %s (the vocabulary is strict)", item(), err)
		}
		p.warn(Warning{Code: WarnRelationKinds, Item: item(), IDs: []string{from, to}, Message: err.Error()})
	}
	return typ, nil
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
