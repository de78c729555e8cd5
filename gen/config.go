package gen

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// Config describes a synthetic graph. The same Config always generates the
// same graph.
type Config struct {
	// Entities is the number of entities, at least MinEntities.
	// Relations is the exact number of relations.
	Entities, Relations int
	// Seed selects the graph.
	Seed int64
	// RelationsPerDocument is the number of relations whose evidence one
	// document holds, at most MaxRelationsPerDocument; zero means
	// DefaultRelationsPerDocument.
	RelationsPerDocument int
}

// Bounds of a Config.
const (
	// MinEntities is the smallest number of entities, so that every kind
	// has at least two.
	MinEntities = 12
	// MaxEntities is the largest number of entities.
	MaxEntities = 1 << 24
	// DefaultRelationsPerDocument is used when RelationsPerDocument is 0.
	DefaultRelationsPerDocument = 50
	// MaxRelationsPerDocument keeps one document's import line within the
	// limits of ingest.Input.
	MaxRelationsPerDocument = 500
)

// perDocument returns the number of relations per document.
func (c Config) perDocument() int {
	if c.RelationsPerDocument == 0 {
		return DefaultRelationsPerDocument
	}
	return c.RelationsPerDocument
}

// validate checks the bounds of c. Whether the relations fit among the
// entities is checked when the relations are drawn.
func (c Config) validate() error {
	switch {
	case c.Entities < MinEntities || c.Entities > MaxEntities:
		return invalidf("entities must be between %d and %d, got %d", MinEntities, MaxEntities, c.Entities)
	case c.Relations < 0:
		return invalidf("relations must not be negative, got %d", c.Relations)
	case c.RelationsPerDocument < 0 || c.RelationsPerDocument > MaxRelationsPerDocument:
		return invalidf("relations per document must be between 1 and %d, got %d", MaxRelationsPerDocument, c.RelationsPerDocument)
	}
	return nil
}

// invalidf returns an Invalid error of the gen operation.
func invalidf(format string, args ...any) *newsgraph.Error {
	return &newsgraph.Error{Code: newsgraph.Invalid, Op: "gen", Message: fmt.Sprintf(format, args...)}
}
