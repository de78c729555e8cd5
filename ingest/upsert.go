package ingest

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// UpsertEntity creates an entity or updates the one in resolves to, by the
// rules of Ingest (Ref may be empty). A new entity gets the input's fields.
// An existing one is patched: every non-empty field of the input replaces
// the stored one, aliases are added (never removed), and the name is kept
// unless in.ID names the entity, in which case in.Name replaces it and the
// old name becomes an alias. Place and Claimant must be existing entity
// ids. It returns the entity as stored and whether it was created.
func (s *Service) UpsertEntity(ctx context.Context, in EntityInput) (*newsgraph.Entity, bool, error) {
	if in.Ref == "" {
		in.Ref = "entity"
	}
	input := Input{Entities: []EntityInput{in}}
	if err := input.Validate(); err != nil {
		return nil, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	res := newResolver(s.store)
	if err := res.lookup(ctx, referencedIDs(input)); err != nil {
		return nil, false, storeErr(err)
	}
	if old := res.existing[in.ID]; old != nil && old.Kind != in.Kind {
		return nil, false, invalidf("entity: id %q names a %s, not a %s", in.ID, old.Kind, in.Kind)
	}
	id, err := res.resolve(ctx, &in)
	if err != nil {
		return nil, false, storeErr(err)
	}
	p := res.planned[id]
	e := p.entity
	for _, ref := range []struct {
		name, id string
		set      *string
	}{{"place", in.Place, &e.PlaceID}, {"claimant", in.Claimant, &e.ClaimantID}} {
		if ref.id == "" {
			continue
		}
		found := res.existingID(ref.id)
		if found == "" {
			return nil, false, invalidf("entity: %s %q names no existing entity", ref.name, ref.id)
		}
		*ref.set = found
	}
	if !p.created {
		patchEntity(e, in)
	}
	report, err := s.write(ctx, newsgraph.Batch{Entities: []*newsgraph.Entity{e}})
	if err != nil {
		return nil, false, err
	}
	for _, stored := range report.CreatedEntities {
		return stored, true, nil
	}
	for _, stored := range report.UpdatedEntities {
		return stored, false, nil
	}
	return e.Clone(), p.created, nil
}

// patchEntity applies the non-empty fields of in to the stored entity e.
func patchEntity(e *newsgraph.Entity, in EntityInput) {
	if in.ID != "" && in.Name != e.Name {
		if !slices.Contains(e.Aliases, e.Name) {
			e.Aliases = append(e.Aliases, e.Name)
		}
		e.Name = in.Name
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == in.Name })
	}
	setString := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	setString(&e.Description, in.Description)
	setString(&e.Jurisdiction, in.Jurisdiction)
	setString(&e.ClaimText, in.ClaimText)
	if v, note := in.verdict(); v != "" {
		e.Verdict = v
		setString(&e.VerdictNote, note)
	} else {
		setString(&e.VerdictNote, in.VerdictNote)
	}
	setString(&e.CounterEvidence, in.CounterEvidence)
	if len(in.Roles) > 0 {
		e.Roles = slices.Clone(in.Roles)
	}
	if !in.StartDate.IsZero() {
		e.StartDate = in.StartDate
	}
	if !in.EndDate.IsZero() {
		e.EndDate = in.EndDate
	}
}

// RelationResult is what UpsertRelation did.
type RelationResult struct {
	// Relation is the relation as stored after the write.
	Relation *newsgraph.Relation
	// Created reports that it did not exist; Corroborated that it did and
	// gained evidence.
	Created, Corroborated bool
}

// UpsertRelation creates or updates the relation of type in.Type from
// in.From to in.To, which must be existing entity ids (refs have no meaning
// here). Its quotes are evidence from the stored document documentID and
// must be verbatim substrings of its text. A new relation needs at least
// one quote; an existing one takes the input's validFrom, validTo and
// confidence (0 means 1) and keeps its evidence, gaining the quotes given,
// so quotes may be empty (and documentID too) to change only its fields.
// It returns the relation as stored and whether the write created it or
// added evidence to it, as the store reported.
func (s *Service) UpsertRelation(ctx context.Context, documentID string, in RelationInput) (RelationResult, error) {
	var none RelationResult
	if err := validateRelationFields(in); err != nil {
		return none, invalidf("relation (%s): %s", in.label(), err)
	}
	for _, end := range []string{in.From, in.To} {
		if !newsgraph.ValidEntityID(end) {
			return none, invalidf("relation (%s): %q is not an entity id", in.label(), end)
		}
	}
	quotes := in.Quotes
	s.mu.Lock()
	defer s.mu.Unlock()
	res := newResolver(s.store)
	if err := res.lookup(ctx, []string{in.From, in.To}); err != nil {
		return none, storeErr(err)
	}
	from, to := res.existingID(in.From), res.existingID(in.To)
	for _, end := range []struct{ name, ref, id string }{{"from", in.From, from}, {"to", in.To, to}} {
		if end.id == "" {
			return none, invalidf("relation (%s): %s %q names no existing entity", in.label(), end.name, end.ref)
		}
	}
	rel := &newsgraph.Relation{Type: in.Type, From: from, To: to, ValidFrom: in.ValidFrom, ValidTo: in.ValidTo, Confidence: in.Confidence}
	rel.ID = newsgraph.RelationID(from, in.Type, to)
	stored, err := s.store.RelationsByID(ctx, []string{rel.ID})
	if err != nil {
		return none, storeErr(err)
	}
	old := stored[rel.ID]
	if len(quotes) > 0 {
		docs, err := s.store.DocumentsByID(ctx, []string{documentID})
		if err != nil {
			return none, storeErr(err)
		}
		doc := docs[documentID]
		if doc == nil {
			return none, invalidf("relation (%s): document %q does not exist", in.label(), documentID)
		}
		text := newsgraph.NewQuoteFinder(doc.Text)
		if err := checkQuotes(quotes, text); err != nil {
			return none, invalidf("relation (%s): %s", in.label(), err)
		}
		for _, q := range quotes {
			ev, _, err := quoteEvidence(text, q, documentID)
			if err != nil {
				return none, invalidf("relation (%s): %s", in.label(), err)
			}
			rel.Evidence = newsgraph.UnionEvidence(rel.Evidence, []newsgraph.Evidence{ev})
		}
	}
	if old == nil && len(rel.Evidence) == 0 {
		return none, invalidf("relation (%s): a new relation needs at least one quote", in.label())
	}
	if old != nil {
		rel.Evidence = newsgraph.UnionEvidence(old.Evidence, rel.Evidence)
	}
	report, err := s.write(ctx, newsgraph.Batch{Relations: []*newsgraph.Relation{rel}})
	if err != nil {
		return none, err
	}
	for _, r := range report.CreatedRelations {
		return RelationResult{Relation: r, Created: true}, nil
	}
	for _, r := range report.CorroboratedRelations {
		return RelationResult{Relation: r, Corroborated: true}, nil
	}
	// An existing relation that gained no evidence is stored as written.
	if rel.Confidence == 0 {
		rel.Confidence = 1
	}
	return RelationResult{Relation: rel}, nil
}
