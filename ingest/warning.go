package ingest

import "fmt"

// WarningCode classifies a Warning. Its values are the GraphQL
// IngestWarningCode enum values.
type WarningCode string

// The warning codes.
const (
	// WarnRelationTypeMapped: a relation's type is a synonym of a type of
	// the vocabulary, or folds to one (CRITICISED, CRITICIZED), and was
	// written as that type.
	WarnRelationTypeMapped WarningCode = "RELATION_TYPE_MAPPED"
	// WarnRelationTypeUnknown: a relation's type is not in the vocabulary.
	WarnRelationTypeUnknown WarningCode = "RELATION_TYPE_UNKNOWN"
	// WarnRelationKinds: a relation's ends have kinds its vocabulary type
	// does not allow.
	WarnRelationKinds WarningCode = "RELATION_KINDS"
	// WarnPossibleDuplicate: a new entity's name is a word-subset or
	// superset of, or within a small edit distance of, the name or an
	// alias of an existing entity of its kind.
	WarnPossibleDuplicate WarningCode = "POSSIBLE_DUPLICATE"
	// WarnQuoteFolded: a quote matched the text only after folding
	// typographic variants; the evidence is the text's own span.
	WarnQuoteFolded WarningCode = "QUOTE_FOLDED"
)

// Warning is something an ingest accepted that a person should review.
type Warning struct {
	Code WarningCode
	// Item names the input item, such as "relations[2] (CRITICISED a -> b)"
	// or "entities[0] (ref \"binz\")".
	Item string
	// Message says what happened, for a person.
	Message string
	// IDs are the ids of the entities concerned: for a possible duplicate,
	// the new entity's id first, then the existing entities'.
	IDs []string
}

// String returns the warning as one line: its item and message.
func (w Warning) String() string { return fmt.Sprintf("%s: %s", w.Item, w.Message) }
