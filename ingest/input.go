package ingest

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/newsgraph/newsgraph"
)

// Input is one document with the entities it names and the relations it
// supports: one line of the JSON Lines import format, and the GraphQL
// IngestInput. An Input whose Document is zero (every field empty) carries
// entities only and must have no relations; export uses such a line for
// entities that no document mentions. An Input with Merges holds nothing
// else: it replays merges (see Export), and is not part of the GraphQL
// IngestInput.
type Input struct {
	Document  DocumentInput   `json:"document,omitzero"`
	Entities  []EntityInput   `json:"entities,omitempty"`
	Relations []RelationInput `json:"relations,omitempty"`
	// Merges are merge records to replay, as Export writes them last: the
	// ids they merged away resolve to their survivors again.
	Merges []newsgraph.Merge `json:"merges,omitempty"`
}

// DocumentInput describes the document. ID is optional: when it is empty
// the document id is derived from the text (see DocumentID), so that
// ingesting the same text twice names the same document.
type DocumentInput struct {
	ID          string         `json:"id,omitempty"`
	Title       string         `json:"title,omitempty"`
	PublishedAt newsgraph.Date `json:"publishedAt,omitzero"`
	URL         string         `json:"url,omitempty"`
	Source      string         `json:"source,omitempty"`
	Text        string         `json:"text,omitempty"`
}

// EntityInput names an entity. Ref is a handle local to the Input that
// relations (From, To) and other entities (Place, Claimant) use to refer to
// it. With ID set, the entity with that id is meant (created when absent);
// without it, the entity is resolved against the graph by kind and name (see
// the package documentation). The other fields are used only when the
// entity is created; a matched entity keeps its fields and gains the name
// and aliases it did not have as aliases.
type EntityInput struct {
	Ref          string         `json:"ref"`
	ID           string         `json:"id,omitempty"`
	Kind         newsgraph.Kind `json:"kind"`
	Name         string         `json:"name"`
	Aliases      []string       `json:"aliases,omitempty"`
	Description  string         `json:"description,omitempty"`
	StartDate    newsgraph.Date `json:"startDate,omitzero"`
	EndDate      newsgraph.Date `json:"endDate,omitzero"`
	Roles        []string       `json:"roles,omitempty"`
	Jurisdiction string         `json:"jurisdiction,omitempty"`
	ClaimText    string         `json:"claimText,omitempty"`
	// Verdict is a newsgraph.Verdict ("DISPUTED"), in any case, or free
	// text starting with a word that names one ("unsubstantiated", "supported
	// (official provisional data)"; see newsgraph.ParseVerdict), whose text
	// then becomes the VerdictNote unless one is given. Other text is
	// Invalid.
	Verdict string `json:"verdict,omitempty"`
	// VerdictNote says in words why the claim has its verdict.
	VerdictNote     string `json:"verdictNote,omitempty"`
	CounterEvidence string `json:"counterEvidence,omitempty"`
	// Place is the ref or entity id of the PLACE where an EVENT happened.
	Place string `json:"place,omitempty"`
	// Claimant is the ref or entity id of the entity that states a CLAIM.
	Claimant string `json:"claimant,omitempty"`
	// Spans are where the document names the entity, in UTF-16 code
	// units (see newsgraph.Span). When empty, Ingest finds them from the
	// entity's names; export writes them, so that a round trip keeps them
	// exactly. An entities-only input has no document and no spans.
	Spans []newsgraph.Span `json:"spans,omitempty"`
}

// RelationInput is a relation the document supports. From and To name a
// Ref of the same Input or an existing entity id; a Ref wins when a string
// is both. Quotes are verbatim substrings of the document's text. A zero
// Confidence means 1.
type RelationInput struct {
	Type       string         `json:"type"`
	From       string         `json:"from"`
	To         string         `json:"to"`
	ValidFrom  newsgraph.Date `json:"validFrom,omitzero"`
	ValidTo    newsgraph.Date `json:"validTo,omitzero"`
	Confidence float64        `json:"confidence,omitempty"`
	Quotes     []string       `json:"quotes"`
}

// Result reports what an Ingest did. Entities are reported as they are
// after the write; an entity two inputs resolved to is reported once.
type Result struct {
	// Document is the stored document, nil for an entities-only input.
	Document *newsgraph.Document
	// Created are the entities this input created, in input order.
	Created []*newsgraph.Entity
	// Matched are the existing entities the input resolved to, in input order.
	Matched []*newsgraph.Entity
	// RelationsCreated counts new relations; RelationsCorroborated counts
	// existing relations that gained evidence from this document. A relation
	// that already had all of this input's evidence counts as neither, so
	// ingesting the same input again reports 0 and 0.
	RelationsCreated      int
	RelationsCorroborated int
	// CreatedRelations and CorroboratedRelations are those relations, as
	// the store reported them after the write (with all their evidence).
	CreatedRelations      []*newsgraph.Relation
	CorroboratedRelations []*newsgraph.Relation
	// Merges are the merge records a merges-only input replayed, as the
	// store kept them.
	Merges []newsgraph.Merge
	// Entities say what each entity input resolved to, in input order.
	Entities []Resolution
	// Warnings are what the input did that a person should review: types
	// mapped to the vocabulary or not in it, possible duplicates, quotes
	// matched after folding.
	Warnings []Warning
	// DryRun reports that the result is a plan (see Service.DryRun):
	// nothing was written, and the relations are as they would be stored.
	DryRun bool
}

// Resolution is what one entity input resolved to.
type Resolution struct {
	// Ref is the input's ref.
	Ref string
	// ID is the id of the entity it resolved to.
	ID string
	// Created reports that the entity is new (or, in a dry run, would be);
	// otherwise the input matched an existing entity.
	Created bool
}

// Limits of one Input. Exceeding one is a LimitExceeded error.
const (
	MaxTextBytes = 4 << 20
	MaxEntities  = 2000
	MaxRelations = 10000
	MaxQuotes    = 100
	maxRefLen    = 200
	maxNameLen   = 500
)

// DocumentID returns the id of a document with the given text when its
// input names no id: "doc:" and the first 16 hex digits of the SHA-256 of
// the text.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "doc:" + hex.EncodeToString(sum[:8])
}

// IsEntitiesOnly reports whether in carries no document, only entities.
func (in Input) IsEntitiesOnly() bool { return in.Document == DocumentInput{} }
