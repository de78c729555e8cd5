package newsgraph

import (
	"fmt"
	"math"
	"strings"
)

// Batch is a set of documents, entities and relations written together, all
// or nothing, by Writer.Upsert.
type Batch struct {
	Documents []*Document `json:"documents,omitempty"`
	Entities  []*Entity   `json:"entities,omitempty"`
	Relations []*Relation `json:"relations,omitempty"`
	// Mentions record which entities the documents name (see Mention).
	// A mention of a (document, entity) pair that is stored already adds
	// its spans to the stored ones.
	Mentions []Mention `json:"mentions,omitempty"`
}

// IsEmpty reports whether the batch writes nothing.
func (b *Batch) IsEmpty() bool {
	return len(b.Documents)+len(b.Entities)+len(b.Relations)+len(b.Mentions) == 0
}

// Normalize fills derived fields in place: every relation's ID from its
// ends and type (RelationID), a zero Confidence to 1, evidence without
// duplicate (quote, document) pairs, and one mention per (document,
// entity) pair with sorted, distinct spans (UnionMentions).
func (b *Batch) Normalize() {
	if len(b.Mentions) > 0 {
		b.Mentions = UnionMentions(nil, b.Mentions)
	}
	for _, r := range b.Relations {
		if r == nil {
			continue
		}
		r.ID = RelationID(r.From, r.Type, r.To)
		if r.Confidence == 0 {
			r.Confidence = 1
		}
		r.Evidence = UnionEvidence(nil, r.Evidence)
	}
}

// AddEvidenceOffsets gives every evidence item without offsets whose
// document is in the batch, and whose quote is verbatim in its text, the
// offsets of the quote's first occurrence (see QuoteFinder). Others are
// left as they are.
func (b *Batch) AddEvidenceOffsets() {
	finders := make(map[string]*QuoteFinder, len(b.Documents))
	for _, d := range b.Documents {
		if d != nil {
			finders[d.ID] = NewQuoteFinder(d.Text)
		}
	}
	for _, r := range b.Relations {
		if r == nil {
			continue
		}
		for i, ev := range r.Evidence {
			f := finders[ev.DocumentID]
			if f == nil || ev.HasOffsets() {
				continue
			}
			if m, err := f.Find(ev.Quote); err == nil && !m.Folded {
				r.Evidence[i].Start, r.Evidence[i].End = m.Start, m.End
			}
		}
	}
}

// UnionEvidence returns a followed by the items of b not already in a,
// without duplicates, in first-seen order. Items are the same when their
// quote and document are (see Evidence): the first seen is kept, with its
// offsets.
func UnionEvidence(a, b []Evidence) []Evidence {
	out := make([]Evidence, 0, len(a)+len(b))
	if len(a)+len(b) <= smallEvidence {
		// A relation has a few quotes: comparing beats hashing.
		for _, list := range [2][]Evidence{a, b} {
			for _, ev := range list {
				if !ContainsEvidence(out, ev) {
					out = append(out, ev)
				}
			}
		}
		return out
	}
	seen := make(map[evidenceKey]bool, len(a)+len(b))
	for _, list := range [2][]Evidence{a, b} {
		for _, ev := range list {
			if k := ev.key(); !seen[k] {
				seen[k] = true
				out = append(out, ev)
			}
		}
	}
	return out
}

// smallEvidence is the most evidence items UnionEvidence dedupes by
// comparison rather than with a map.
const smallEvidence = 16

// Validate checks the batch on its own: formats, kinds, ids, types, dates,
// confidence, duplicates, and every quote whose document is in the batch.
// References to entities and documents outside the batch are left to
// CheckReferences. The error is Invalid and names the offending item.
func (b *Batch) Validate() error {
	docs := make(map[string]*Document, len(b.Documents))
	for i, d := range b.Documents {
		if err := validateDocument(d); err != nil {
			return batchErr("documents[%d]: %s", i, err)
		}
		if docs[d.ID] != nil {
			return batchErr("documents[%d]: duplicate document id %q", i, d.ID)
		}
		docs[d.ID] = d
	}
	entities := make(map[string]bool, len(b.Entities))
	for i, e := range b.Entities {
		if err := validateEntity(e); err != nil {
			return batchErr("entities[%d]: %s", i, err)
		}
		if entities[e.ID] {
			return batchErr("entities[%d]: duplicate entity id %q", i, e.ID)
		}
		entities[e.ID] = true
	}
	relations := make(map[string]bool, len(b.Relations))
	for i, r := range b.Relations {
		if err := validateRelation(r, docs); err != nil {
			return batchErr("relations[%d]: %s", i, err)
		}
		if relations[r.ID] {
			return batchErr("relations[%d]: duplicate relation %s", i, r.ID)
		}
		relations[r.ID] = true
	}
	pairs := make(map[[2]string]bool, len(b.Mentions))
	lengths := textLengths{}
	for i, m := range b.Mentions {
		textLen := -1
		if d := docs[m.DocumentID]; d != nil {
			textLen = lengths.of(d)
		}
		if err := validateMention(m, textLen); err != nil {
			return batchErr("mentions[%d]: %s", i, err)
		}
		if k := [2]string{m.DocumentID, m.EntityID}; pairs[k] {
			return batchErr("mentions[%d]: duplicate mention of %s by %s", i, m.EntityID, m.DocumentID)
		} else {
			pairs[k] = true
		}
	}
	return nil
}

func batchErr(format string, args ...any) error {
	return &Error{Code: Invalid, Op: "upsert", Message: fmt.Sprintf(format, args...)}
}

func validateDocument(d *Document) error {
	switch {
	case d == nil:
		return fmt.Errorf("document is null")
	case !ValidDocumentID(d.ID):
		return fmt.Errorf("document id %q is malformed: want doc:<lower-case-slug>", d.ID)
	case strings.TrimSpace(d.Title) == "":
		return fmt.Errorf("document %s has no title", d.ID)
	case strings.TrimSpace(d.Text) == "":
		return fmt.Errorf("document %s has no text", d.ID)
	}
	for _, f := range []struct{ what, value string }{
		{"title", d.Title}, {"source", d.Source}, {"url", d.URL},
	} {
		if err := CheckLabel(fmt.Sprintf("document %s: %s", d.ID, f.what), f.value); err != nil {
			return err
		}
	}
	return CheckText("document "+d.ID+": text", d.Text)
}

func validateEntity(e *Entity) error {
	switch {
	case e == nil:
		return fmt.Errorf("entity is null")
	case !e.Kind.Valid():
		return fmt.Errorf("entity %q has unknown kind %q", e.ID, e.Kind)
	case !ValidEntityID(e.ID):
		return fmt.Errorf("entity id %q is malformed: want %s:<lower-case-slug>", e.ID, e.Kind.IDPrefix())
	case KindOfID(e.ID) != e.Kind:
		return fmt.Errorf("entity id %q does not start with %q, the prefix of kind %s", e.ID, e.Kind.IDPrefix()+":", e.Kind)
	case strings.TrimSpace(e.Name) == "":
		return fmt.Errorf("entity %s has no name", e.ID)
	case !e.StartDate.IsZero() && !e.EndDate.IsZero() && e.EndDate.Compare(e.StartDate) < 0:
		return fmt.Errorf("entity %s ends (%s) before it starts (%s)", e.ID, e.EndDate, e.StartDate)
	case e.PlaceID != "" && (!ValidEntityID(e.PlaceID) || KindOfID(e.PlaceID) != KindPlace):
		return fmt.Errorf("entity %s: placeId %q is not a place id", e.ID, e.PlaceID)
	case e.ClaimantID != "" && !ValidEntityID(e.ClaimantID):
		return fmt.Errorf("entity %s: claimantId %q is malformed", e.ID, e.ClaimantID)
	case len(e.Aliases) > MaxNamesPerEntity || len(e.Roles) > MaxNamesPerEntity:
		return fmt.Errorf("entity %s has %d aliases and %d roles: at most %d of each may come in one write", e.ID, len(e.Aliases), len(e.Roles), MaxNamesPerEntity)
	}
	if err := checkVerdict(e); err != nil {
		return err
	}
	return checkEntityText(e)
}

// MaxNamesPerEntity bounds the aliases, and the roles, one entity of a
// write may carry.
const MaxNamesPerEntity = 100

// checkEntityText applies the text rules (CheckLabel, CheckText) to the
// entity's names and descriptive fields.
func checkEntityText(e *Entity) error {
	labels := []struct {
		what  string
		value string
	}{{"name", e.Name}, {"jurisdiction", e.Jurisdiction}}
	for i, a := range e.Aliases {
		labels = append(labels, struct{ what, value string }{fmt.Sprintf("aliases[%d]", i), a})
	}
	for i, r := range e.Roles {
		labels = append(labels, struct{ what, value string }{fmt.Sprintf("roles[%d]", i), r})
	}
	for _, l := range labels {
		if err := CheckLabel(fmt.Sprintf("entity %s: %s", e.ID, l.what), l.value); err != nil {
			return err
		}
	}
	for _, t := range []struct{ what, value string }{
		{"description", e.Description}, {"claimText", e.ClaimText}, {"verdictNote", e.VerdictNote}, {"counterEvidence", e.CounterEvidence},
	} {
		if err := CheckText(fmt.Sprintf("entity %s: %s", e.ID, t.what), t.value); err != nil {
			return err
		}
	}
	return nil
}

func validateRelation(r *Relation, docs map[string]*Document) error {
	if r == nil {
		return fmt.Errorf("relation is null")
	}
	// Messages name the relation by the id its ends and type give it, which
	// Normalize has stored in r.ID for a normalised batch; a valid relation
	// does not spell it again.
	id := r.ID
	if !isRelationID(id, r.From, r.Type, r.To) {
		id = RelationID(r.From, r.Type, r.To)
	}
	switch {
	case !ValidRelationType(r.Type):
		return fmt.Errorf("relation %s: type %q is malformed: want UPPER_SNAKE_CASE such as THREATENS, at most %d characters", id, r.Type, maxRelationTypeLen)
	case !ValidEntityID(r.From):
		return fmt.Errorf("relation %s: from %q is not a valid entity id", id, r.From)
	case !ValidEntityID(r.To):
		return fmt.Errorf("relation %s: to %q is not a valid entity id", id, r.To)
	case r.ID != id:
		return fmt.Errorf("relation id %q does not match its ends and type (want %q)", r.ID, id)
	case math.IsNaN(r.Confidence) || r.Confidence <= 0 || r.Confidence > 1:
		return fmt.Errorf("relation %s: confidence must be in (0, 1], got %v", id, r.Confidence)
	case !r.ValidFrom.IsZero() && !r.ValidTo.IsZero() && r.ValidTo.Compare(r.ValidFrom) < 0:
		return fmt.Errorf("relation %s: validTo (%s) is before validFrom (%s)", id, r.ValidTo, r.ValidFrom)
	case len(r.Evidence) == 0:
		return fmt.Errorf("relation %s has no evidence: every relation needs at least one quote", id)
	}
	for j, ev := range r.Evidence {
		if strings.TrimSpace(ev.Quote) == "" {
			return fmt.Errorf("relation %s: evidence[%d] has an empty quote", id, j)
		}
		if !HasWordCharacter(ev.Quote) {
			return fmt.Errorf("relation %s: evidence[%d] quote %q holds no letter or digit, so it supports nothing", id, j, ev.Quote)
		}
		if !ValidDocumentID(ev.DocumentID) {
			return fmt.Errorf("relation %s: evidence[%d] document id %q is malformed", id, j, ev.DocumentID)
		}
		if ev.Start != 0 || ev.End != 0 {
			if n := UTF16Len(ev.Quote); ev.Start < 0 || ev.End-ev.Start != n {
				return fmt.Errorf("relation %s: evidence[%d] offsets %d..%d do not span its quote of %d UTF-16 code units", id, j, ev.Start, ev.End, n)
			}
		}
		if d := docs[ev.DocumentID]; d != nil && !ev.QuotedIn(d.Text) {
			return fmt.Errorf("relation %s: evidence[%d] quote %q is not a verbatim substring of document %s", id, j, ev.Quote, d.ID)
		}
	}
	return nil
}

// References lists the entity and document ids the batch refers to but does
// not contain: relation ends, event places, claimants and evidence
// documents. A store looks them up and passes what it finds to
// CheckReferences. Null items are skipped; Validate reports them.
func (b *Batch) References() (entityIDs, documentIDs []string) {
	haveEntity := make(map[string]bool, len(b.Entities))
	for _, e := range b.Entities {
		if e != nil {
			haveEntity[e.ID] = true
		}
	}
	haveDoc := make(map[string]bool, len(b.Documents))
	for _, d := range b.Documents {
		if d != nil {
			haveDoc[d.ID] = true
		}
	}
	addEntity := func(id string) {
		if id != "" && !haveEntity[id] {
			haveEntity[id] = true
			entityIDs = append(entityIDs, id)
		}
	}
	for _, e := range b.Entities {
		if e != nil {
			addEntity(e.PlaceID)
			addEntity(e.ClaimantID)
		}
	}
	for _, r := range b.Relations {
		if r == nil {
			continue
		}
		addEntity(r.From)
		addEntity(r.To)
		for _, ev := range r.Evidence {
			if !haveDoc[ev.DocumentID] {
				haveDoc[ev.DocumentID] = true
				documentIDs = append(documentIDs, ev.DocumentID)
			}
		}
	}
	for _, m := range b.Mentions {
		addEntity(m.EntityID)
		if !haveDoc[m.DocumentID] {
			haveDoc[m.DocumentID] = true
			documentIDs = append(documentIDs, m.DocumentID)
		}
	}
	return entityIDs, documentIDs
}

// CheckReferences checks a validated batch against what the store holds:
// storedEntities and storedDocs are the results of looking up References.
// Every reference must resolve, and every quote from a stored document must
// be a verbatim substring of its text. Null items are skipped; Validate
// reports them.
func (b *Batch) CheckReferences(storedEntities map[string]*Entity, storedDocs map[string]*Document) error {
	inBatch := make(map[string]bool, len(b.Entities))
	for _, e := range b.Entities {
		if e != nil {
			inBatch[e.ID] = true
		}
	}
	exists := func(id string) bool { return inBatch[id] || storedEntities[id] != nil }
	for i, e := range b.Entities {
		if e == nil {
			continue
		}
		if e.PlaceID != "" && !exists(e.PlaceID) {
			return batchErr("entities[%d]: entity %s: place %q does not exist", i, e.ID, e.PlaceID)
		}
		if e.ClaimantID != "" && !exists(e.ClaimantID) {
			return batchErr("entities[%d]: entity %s: claimant %q does not exist", i, e.ID, e.ClaimantID)
		}
	}
	docInBatch := make(map[string]bool, len(b.Documents))
	for _, d := range b.Documents {
		if d != nil {
			docInBatch[d.ID] = true
		}
	}
	for i, r := range b.Relations {
		if r == nil {
			continue
		}
		if !exists(r.From) {
			return batchErr("relations[%d]: relation %s: from entity %q does not exist", i, r.ID, r.From)
		}
		if !exists(r.To) {
			return batchErr("relations[%d]: relation %s: to entity %q does not exist", i, r.ID, r.To)
		}
		for j, ev := range r.Evidence {
			if docInBatch[ev.DocumentID] {
				continue
			}
			d := storedDocs[ev.DocumentID]
			if d == nil {
				return batchErr("relations[%d]: relation %s: evidence[%d] document %q does not exist", i, r.ID, j, ev.DocumentID)
			}
			if !ev.QuotedIn(d.Text) {
				return batchErr("relations[%d]: relation %s: evidence[%d] quote %q is not a verbatim substring of document %s", i, r.ID, j, ev.Quote, d.ID)
			}
		}
	}
	lengths := textLengths{}
	for i, m := range b.Mentions {
		if !exists(m.EntityID) {
			return batchErr("mentions[%d]: mention by %s: entity %q does not exist", i, m.DocumentID, m.EntityID)
		}
		if docInBatch[m.DocumentID] {
			continue
		}
		d := storedDocs[m.DocumentID]
		if d == nil {
			return batchErr("mentions[%d]: mention of %s: document %q does not exist", i, m.EntityID, m.DocumentID)
		}
		if err := validateMention(m, lengths.of(d)); err != nil {
			return batchErr("mentions[%d]: %s", i, err)
		}
	}
	return nil
}
