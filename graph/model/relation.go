package model

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

// Relation is the GraphQL Relation type: a domain relation and the level of
// the answer it belongs to, which resolves its ends, evidence documents and
// status for all the level's relations at once.
type Relation struct {
	*newsgraph.Relation
	L *loaders.Level
}

// WrapRelations wraps every relation of rs, of level l, skipping nils.
func WrapRelations(rs []*newsgraph.Relation, l *loaders.Level) []*Relation {
	out := make([]*Relation, 0, len(rs))
	for _, r := range rs {
		if r != nil {
			out = append(out, &Relation{Relation: r, L: l})
		}
	}
	return out
}

// EvidenceItems returns the first items of the relation's evidence
// (DefaultEvidence when first is nil, an explicit null), each of its level;
// first outside 1..MaxPageSize is an error.
func (r *Relation) EvidenceItems(first *int) ([]*Evidence, error) {
	n := newsgraph.DefaultEvidence
	if first != nil {
		n = *first
	}
	if err := newsgraph.CheckListSize("evidence", n); err != nil {
		return nil, err
	}
	n = min(n, len(r.Evidence))
	out := make([]*Evidence, n)
	for i, ev := range r.Evidence[:n] {
		out[i] = &Evidence{Evidence: ev, L: r.L}
	}
	return out, nil
}

// EvidenceCount is the number of the relation's evidence items.
func (r *Relation) EvidenceCount() int { return len(r.Evidence) }

// Corroboration is the number of distinct documents quoted as evidence.
func (r *Relation) Corroboration() int { return newsgraph.Corroboration(r.Evidence) }

// Evidence is the GraphQL Evidence type: a quote of a relation of level L.
type Evidence struct {
	newsgraph.Evidence
	L *loaders.Level
}

// StartOffset returns the quote's first character offset, or nil when the
// evidence has no offsets.
func (e *Evidence) StartOffset() *int {
	if !e.HasOffsets() {
		return nil
	}
	return &e.Start
}

// EndOffset returns the character offset after the quote, or nil when the
// evidence has no offsets.
func (e *Evidence) EndOffset() *int {
	if !e.HasOffsets() {
		return nil
	}
	return &e.End
}

// Document is the GraphQL Document type: a domain document and the level of
// the answer it belongs to.
type Document struct {
	*newsgraph.Document
	L *loaders.Level
}

// Mention is a newsgraph.Mention as GraphQL shows it: the entity, of the
// level of the mentioned entities, and its spans.
type Mention struct {
	Entity Entity
	Spans  []newsgraph.Span
}

// WrapDocuments wraps every document of ds, of level l, skipping nils.
func WrapDocuments(ds []*newsgraph.Document, l *loaders.Level) []*Document {
	out := make([]*Document, 0, len(ds))
	for _, d := range ds {
		if d != nil {
			out = append(out, &Document{Document: d, L: l})
		}
	}
	return out
}

// SourceName is the publication, or nil when unknown.
func (d *Document) SourceName() *string { return optional(d.Source) }

// Link is the document's URL, or nil when unknown.
func (d *Document) Link() *string { return optional(d.URL) }
