package newsgraph

import (
	"slices"
	"strings"
)

// Clone returns a copy of e that shares nothing mutable with it, so that a
// store can hand out what it holds and callers may keep and modify it.
func (e *Entity) Clone() *Entity {
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	c.Roles = slices.Clone(e.Roles)
	return &c
}

// Clone returns a copy of r that shares nothing mutable with it.
func (r *Relation) Clone() *Relation {
	c := *r
	c.Evidence = slices.Clone(r.Evidence)
	return &c
}

// Clone returns a copy of d.
func (d *Document) Clone() *Document {
	c := *d
	return &c
}

// CompareEntityIDs orders entities by id, for slices.SortFunc.
func CompareEntityIDs(a, b *Entity) int { return strings.Compare(a.ID, b.ID) }

// CompareRelationIDs orders relations by id, for slices.SortFunc.
func CompareRelationIDs(a, b *Relation) int { return strings.Compare(a.ID, b.ID) }
