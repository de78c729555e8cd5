package ingest

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// invalidf returns an Invalid error of the ingest operation.
func invalidf(format string, args ...any) *newsgraph.Error {
	return &newsgraph.Error{Code: newsgraph.Invalid, Op: "ingest", Message: fmt.Sprintf(format, args...)}
}

// limitf returns a LimitExceeded error of the ingest operation.
func limitf(format string, args ...any) *newsgraph.Error {
	return &newsgraph.Error{Code: newsgraph.LimitExceeded, Op: "ingest", Message: fmt.Sprintf(format, args...)}
}

// Validate checks the input on its own, before anything is looked up:
// required fields, kinds, ids, relation types, dates, confidence, limits,
// duplicate refs, that every reference names a ref of the input or is a
// well-formed entity id of the right kind, and that every quote is a
// verbatim substring of the document text. Whether referenced entity ids
// exist is checked by Ingest. The error is Invalid (or LimitExceeded) and
// names the offending item, such as
// `relations[2] (THREATENS trump -> mexico): quote "..." is not in the document text`.
func (in Input) Validate() error {
	if in.IsMergesOnly() {
		return in.validateMerges()
	}
	if err := in.validateDocument(); err != nil {
		return err
	}
	switch {
	case len(in.Entities) > MaxEntities:
		return limitf("entities: at most %d entities per input, got %d", MaxEntities, len(in.Entities))
	case len(in.Relations) > MaxRelations:
		return limitf("relations: at most %d relations per input, got %d", MaxRelations, len(in.Relations))
	case in.IsEntitiesOnly() && len(in.Relations) > 0:
		return invalidf("document: missing, but relations need a document for their quotes")
	case in.IsEntitiesOnly() && len(in.Entities) == 0:
		return invalidf("document: missing, and there are no entities: the input is empty")
	}
	refs := make(map[string]*EntityInput, len(in.Entities))
	textLen := newsgraph.TextLength(in.Document.Text)
	for i := range in.Entities {
		e := &in.Entities[i]
		if err := validateEntity(e); err != nil {
			return invalidf("entities[%d] (ref %q): %s", i, e.Ref, err)
		}
		if len(e.Spans) > 0 && in.IsEntitiesOnly() {
			return invalidf("entities[%d] (ref %q): spans need a document", i, e.Ref)
		}
		if err := checkSpans(e.Spans, textLen); err != nil {
			return invalidf("entities[%d] (ref %q): %s", i, e.Ref, err)
		}
		if refs[e.Ref] != nil {
			return invalidf("entities[%d] (ref %q): duplicate ref", i, e.Ref)
		}
		refs[e.Ref] = e
	}
	for i := range in.Entities {
		e := &in.Entities[i]
		if err := checkReference("place", e.Place, newsgraph.KindPlace, refs); err != nil {
			return invalidf("entities[%d] (ref %q): %s", i, e.Ref, err)
		}
		if err := checkReference("claimant", e.Claimant, "", refs); err != nil {
			return invalidf("entities[%d] (ref %q): %s", i, e.Ref, err)
		}
	}
	quotes := newsgraph.NewQuoteFinder(in.Document.Text)
	for i, r := range in.Relations {
		if err := validateRelation(r, quotes, refs); err != nil {
			return invalidf("relations[%d] (%s): %s", i, r.label(), err)
		}
	}
	return nil
}

func (in Input) validateDocument() error {
	d := in.Document
	if in.IsEntitiesOnly() {
		return nil
	}
	switch {
	case d.ID != "" && !newsgraph.ValidDocumentID(d.ID):
		return invalidf("document: id %q is malformed: want doc:<lower-case-slug>", d.ID)
	case strings.TrimSpace(d.Title) == "":
		return invalidf("document: title is empty")
	case d.PublishedAt.IsZero():
		return invalidf("document: publishedAt is missing")
	case strings.TrimSpace(d.Text) == "":
		return invalidf("document: text is empty")
	case len(d.Text) > MaxTextBytes:
		return limitf("document: text must be at most %d bytes, got %d", MaxTextBytes, len(d.Text))
	case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title):
		return invalidf("document: title and text must be valid UTF-8")
	}
	return nil
}

func validateEntity(e *EntityInput) error {
	switch {
	case strings.TrimSpace(e.Ref) == "":
		return fmt.Errorf("ref is empty")
	case len(e.Ref) > maxRefLen:
		return fmt.Errorf("ref must be at most %d bytes", maxRefLen)
	case !e.Kind.Valid():
		return fmt.Errorf("unknown kind %q: want one of %s", e.Kind, kindList())
	case strings.TrimSpace(e.Name) == "":
		return fmt.Errorf("name is empty")
	case len(e.Name) > maxNameLen:
		return fmt.Errorf("name must be at most %d bytes", maxNameLen)
	case e.ID == "" && newsgraph.Slug(e.Name) == "":
		return fmt.Errorf("name %q has no letters or digits to derive an id from: give an id", e.Name)
	case e.ID != "" && newsgraph.EntityIDKind(e.ID) == "":
		return fmt.Errorf("id %q is malformed: want %s:<lower-case-slug>", e.ID, e.Kind.IDPrefix())
	case e.ID != "" && newsgraph.EntityIDKind(e.ID) != e.Kind:
		return fmt.Errorf("id %q does not start with %q, the prefix of kind %s", e.ID, e.Kind.IDPrefix()+":", e.Kind)
	case !e.StartDate.IsZero() && !e.EndDate.IsZero() && e.EndDate.Compare(e.StartDate) < 0:
		return fmt.Errorf("endDate (%s) is before startDate (%s)", e.EndDate, e.StartDate)
	}
	for j, a := range e.Aliases {
		if strings.TrimSpace(a) == "" || len(a) > maxNameLen {
			return fmt.Errorf("aliases[%d] is empty or longer than %d bytes", j, maxNameLen)
		}
	}
	if _, _, err := newsgraph.ParseVerdict(e.Verdict); err != nil {
		return err
	}
	return nil
}

// verdict returns the verdict and note of a validated input: the note
// given, or else the free text the verdict was read from.
func (in *EntityInput) verdict() (newsgraph.Verdict, string) {
	v, note, _ := newsgraph.ParseVerdict(in.Verdict)
	if in.VerdictNote != "" {
		note = in.VerdictNote
	}
	return v, note
}

func kindList() string {
	names := make([]string, len(newsgraph.AllKinds))
	for i, k := range newsgraph.AllKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// checkReference checks that ref, when set, names a ref of the input or is a
// well-formed entity id, of kind want when want is set.
func checkReference(field, ref string, want newsgraph.Kind, refs map[string]*EntityInput) error {
	if ref == "" {
		return nil
	}
	var kind newsgraph.Kind
	if e := refs[ref]; e != nil {
		kind = e.Kind
	} else if kind = newsgraph.EntityIDKind(ref); kind == "" {
		return fmt.Errorf("%s %q names no ref of this input and is not an entity id", field, ref)
	}
	if want != "" && kind != want {
		return fmt.Errorf("%s %q is a %s, want a %s", field, ref, kind, want)
	}
	return nil
}

// label names a relation in messages: "THREATENS trump -> mexico".
func (r RelationInput) label() string {
	return fmt.Sprintf("%s %s -> %s", r.Type, r.From, r.To)
}

func validateRelation(r RelationInput, text *newsgraph.QuoteFinder, refs map[string]*EntityInput) error {
	if err := validateRelationFields(r); err != nil {
		return err
	}
	if len(r.Quotes) == 0 {
		return fmt.Errorf("no quotes: every relation needs at least one verbatim quote from the document")
	}
	if err := checkReference("from", r.From, "", refs); err != nil {
		return err
	}
	if err := checkReference("to", r.To, "", refs); err != nil {
		return err
	}
	return checkQuotes(r.Quotes, text)
}

// validateRelationFields checks a relation's type, ends, confidence, dates
// and number of quotes, but not what its ends and quotes refer to.
func validateRelationFields(r RelationInput) error {
	switch {
	case !newsgraph.ValidRelationType(r.Type):
		return fmt.Errorf("type %q is malformed: want UPPER_SNAKE_CASE such as THREATENS, at most 64 characters", r.Type)
	case r.From == "":
		return fmt.Errorf("from is empty")
	case r.To == "":
		return fmt.Errorf("to is empty")
	case math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1:
		return fmt.Errorf("confidence must be in (0, 1] (0 means 1), got %v", r.Confidence)
	case !r.ValidFrom.IsZero() && !r.ValidTo.IsZero() && r.ValidTo.Compare(r.ValidFrom) < 0:
		return fmt.Errorf("validTo (%s) is before validFrom (%s)", r.ValidTo, r.ValidFrom)
	case len(r.Quotes) > MaxQuotes:
		return fmt.Errorf("at most %d quotes per relation, got %d", MaxQuotes, len(r.Quotes))
	}
	return nil
}

// checkQuotes checks that every quote is non-blank and in text, verbatim
// or after folding typographic variants (newsgraph.QuoteFinder); the error
// of one that is not says where the closest span differs.
func checkQuotes(quotes []string, text *newsgraph.QuoteFinder) error {
	for j, q := range quotes {
		if strings.TrimSpace(q) == "" {
			return fmt.Errorf("quotes[%d] is empty", j)
		}
		if err := text.Has(q); err != nil {
			return err
		}
	}
	return nil
}
