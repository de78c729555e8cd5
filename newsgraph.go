// Package newsgraph is the domain of the newsgraph knowledge graph: the types
// that describe entities named in news reporting, the relations between them,
// the documents and quotes that support those relations, and the Store
// interface that every storage backend implements.
//
// The package has no dependency on GraphQL, on any database driver or on any
// storage engine. Backends live in their own packages (embedded, neo4j), the
// GraphQL API in graph, and the binary that wires them in cmd/newsgraph.
package newsgraph

// Kind is the kind of an entity. Its values are the GraphQL EntityKind enum
// values.
type Kind string

// The entity kinds newsgraph knows.
const (
	KindPerson       Kind = "PERSON"
	KindOrganization Kind = "ORGANIZATION"
	KindPlace        Kind = "PLACE"
	KindLegalConcept Kind = "LEGAL_CONCEPT"
	KindEvent        Kind = "EVENT"
	KindClaim        Kind = "CLAIM"
)

// AllKinds lists every entity kind in a fixed, documented order.
var AllKinds = []Kind{KindPerson, KindOrganization, KindPlace, KindLegalConcept, KindEvent, KindClaim}

// Valid reports whether k is one of AllKinds.
func (k Kind) Valid() bool {
	for _, v := range AllKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Entity is a node of the graph: a person, organisation, place, legal
// concept, event or claim named in reporting. Fields that belong to one kind
// only are left zero on the others.
type Entity struct {
	// ID is stable, human-readable and deterministic, such as
	// "person:claudia-sheinbaum"; see EntityID.
	ID string `json:"id"`
	// Kind says which of the six kinds the entity is.
	Kind Kind `json:"kind"`
	// Name is the canonical display name.
	Name string `json:"name"`
	// Aliases are other names, spellings and abbreviations ("FTO", "AMLO").
	Aliases []string `json:"aliases,omitempty"`
	// Description is a one- or two-sentence summary.
	Description string `json:"description,omitempty"`

	// Roles are the offices and titles a PERSON holds or held.
	Roles []string `json:"roles,omitempty"`

	// StartDate and EndDate bound an EVENT; EndDate may be zero.
	StartDate Date `json:"startDate,omitzero"`
	EndDate   Date `json:"endDate,omitzero"`
	// PlaceID is the id of the PLACE where an EVENT happened, if known.
	PlaceID string `json:"placeId,omitempty"`

	// Jurisdiction is the body of law or jurisdiction a LEGAL_CONCEPT
	// belongs to, such as "US domestic law" or "international humanitarian law".
	Jurisdiction string `json:"jurisdiction,omitempty"`

	// ClaimText is the claim a CLAIM entity stands for, as reported.
	ClaimText string `json:"claimText,omitempty"`
	// ClaimantID is the id of the entity that states the claim.
	ClaimantID string `json:"claimantId,omitempty"`
	// Verdict is the claim's standing as reported, one of AllVerdicts.
	Verdict Verdict `json:"verdict,omitempty"`
	// VerdictNote says in words why the claim has its verdict, or how the
	// reporting qualifies it ("official provisional data").
	VerdictNote string `json:"verdictNote,omitempty"`
	// CounterEvidence summarises the reported evidence against the claim.
	CounterEvidence string `json:"counterEvidence,omitempty"`
}

// Relation is a typed, directed edge between two entities, backed by
// evidence quoted from documents. Its identity is (From, Type, To): see
// RelationID.
type Relation struct {
	// ID is derived from From, Type and To by RelationID.
	ID string `json:"id"`
	// Type is an UPPER_SNAKE_CASE verb such as REJECTS or DESIGNATED_AS.
	Type string `json:"type"`
	// From and To are entity ids.
	From string `json:"from"`
	To   string `json:"to"`
	// ValidFrom and ValidTo bound the time the relation held; either may be
	// zero for an open end.
	ValidFrom Date `json:"validFrom,omitzero"`
	ValidTo   Date `json:"validTo,omitzero"`
	// Confidence is in (0, 1]; a zero value in input means 1.
	Confidence float64 `json:"confidence,omitempty"`
	// Evidence lists the quotes that support the relation, at least one.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is a verbatim quote from a document that supports a relation.
// Its identity is its quote and document: a relation holds one evidence
// item per (Quote, DocumentID), whatever its offsets.
type Evidence struct {
	// Quote is a verbatim substring of the document's text.
	Quote string `json:"quote"`
	// DocumentID is the id of the document the quote comes from.
	DocumentID string `json:"documentId"`
	// Start and End are the quote's character offsets in the document's
	// text, in UTF-16 code units (the indexes of a JavaScript string, as
	// the extraction's mention offsets are) from its start, End exclusive,
	// so that End-Start is the quote's UTF16Len. End is 0 when the
	// offsets are unknown (evidence recorded before they were, or written
	// without them); see HasOffsets.
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
}

// HasOffsets reports whether the evidence's offsets are known.
func (ev Evidence) HasOffsets() bool { return ev.End > 0 }

// evidenceKey is the identity of an evidence item.
type evidenceKey struct{ quote, documentID string }

func (ev Evidence) key() evidenceKey { return evidenceKey{ev.Quote, ev.DocumentID} }

// ContainsEvidence reports whether list holds an item with the quote and
// document of ev, whatever their offsets.
func ContainsEvidence(list []Evidence, ev Evidence) bool {
	for _, e := range list {
		if e.Quote == ev.Quote && e.DocumentID == ev.DocumentID {
			return true
		}
	}
	return false
}

// Document is a source text, usually a news article.
type Document struct {
	// ID is stable, such as "doc:9e9124713ed057f1"; see DocumentIDPattern.
	ID string `json:"id"`
	// Title is the headline or a descriptive title.
	Title string `json:"title"`
	// PublishedAt is the publication date.
	PublishedAt Date `json:"publishedAt,omitzero"`
	// Source names the publisher, if known.
	Source string `json:"source,omitempty"`
	// URL is where the document was published, if known.
	URL string `json:"url,omitempty"`
	// Text is the full text; evidence quotes are substrings of it.
	Text string `json:"text"`
}

// ValidOn reports whether the relation held on day d: ValidFrom is zero or
// not after d, and ValidTo is zero or not before d. Open ends match any day.
func (r *Relation) ValidOn(d Date) bool {
	return (r.ValidFrom.IsZero() || r.ValidFrom.Compare(d) <= 0) &&
		(r.ValidTo.IsZero() || r.ValidTo.Compare(d) >= 0)
}

// DocumentIDs returns the distinct ids of the documents in the relation's
// evidence, in first-seen order. Their number is the relation's
// corroboration.
func (r *Relation) DocumentIDs() []string {
	var ids []string
	seen := make(map[string]bool, len(r.Evidence))
	for _, ev := range r.Evidence {
		if !seen[ev.DocumentID] {
			seen[ev.DocumentID] = true
			ids = append(ids, ev.DocumentID)
		}
	}
	return ids
}
