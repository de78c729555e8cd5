package newsgraph

import "slices"

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
