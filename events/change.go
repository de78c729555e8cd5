package events

import (
	"slices"
	"time"

	"github.com/newsgraph/newsgraph"
)

// ChangeKind says what happened to the graph. Its values are the GraphQL
// ChangeKind enum values.
type ChangeKind string

// The kinds of change.
const (
	// EntityCreated: a new entity; Change.Entity is it.
	EntityCreated ChangeKind = "ENTITY_CREATED"
	// EntityUpdated: an existing entity was written again; Change.Entity
	// is its new state.
	EntityUpdated ChangeKind = "ENTITY_UPDATED"
	// EntityDeleted: an entity and its relations were deleted;
	// Change.Entity is its last state and Change.IDs the deleted relations.
	EntityDeleted ChangeKind = "ENTITY_DELETED"
	// EntitiesMerged: entities were merged; Change.Entity is the survivor
	// and Change.IDs the ids merged into it.
	EntitiesMerged ChangeKind = "ENTITIES_MERGED"
	// RelationCreated: a new relation; Change.Relation is it.
	RelationCreated ChangeKind = "RELATION_CREATED"
	// RelationCorroborated: an existing relation gained evidence;
	// Change.Relation is its new state.
	RelationCorroborated ChangeKind = "RELATION_CORROBORATED"
	// RelationDeleted: a relation was deleted; Change.Relation is its last
	// state.
	RelationDeleted ChangeKind = "RELATION_DELETED"
)

// Change is one change to the graph.
type Change struct {
	// Kind says what happened.
	Kind ChangeKind `json:"kind"`
	// Entity is the entity the change is about, for entity changes.
	Entity *newsgraph.Entity `json:"entity,omitempty"`
	// Relation is the relation the change is about, for relation changes.
	Relation *newsgraph.Relation `json:"relation,omitempty"`
	// IDs are further ids the change involves: the ids merged away, or the
	// relations deleted with an entity.
	IDs []string `json:"ids,omitempty"`
	// At is when the change was made.
	At time.Time `json:"at"`
}

// Filter selects changes. The zero Filter selects every change.
type Filter struct {
	// Kinds, when not empty, keeps entity changes whose entity has one of
	// these kinds, and relation changes with an end of one of these kinds
	// (an end's kind is its id's prefix).
	Kinds []newsgraph.Kind
	// Types, when not empty, keeps relation changes of these types; entity
	// changes pass.
	Types []string
}

// Match reports whether the filter selects c.
func (f Filter) Match(c Change) bool {
	switch {
	case c.Relation != nil:
		if len(f.Types) > 0 && !slices.Contains(f.Types, c.Relation.Type) {
			return false
		}
		return len(f.Kinds) == 0 ||
			slices.Contains(f.Kinds, newsgraph.KindOfID(c.Relation.From)) ||
			slices.Contains(f.Kinds, newsgraph.KindOfID(c.Relation.To))
	case c.Entity != nil:
		return len(f.Kinds) == 0 || slices.Contains(f.Kinds, c.Entity.Kind)
	default:
		return len(f.Kinds) == 0
	}
}
