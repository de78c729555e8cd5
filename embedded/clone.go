package embedded

import (
	"slices"

	"github.com/newsgraph/newsgraph"
)

// The clone functions return copies that share nothing mutable with the
// index, so callers may keep and modify what a read returns.

func cloneEntity(e *newsgraph.Entity) *newsgraph.Entity {
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	c.Roles = slices.Clone(e.Roles)
	return &c
}

func cloneRelation(r *newsgraph.Relation) *newsgraph.Relation {
	c := *r
	c.Evidence = slices.Clone(r.Evidence)
	return &c
}

func cloneDocument(d *newsgraph.Document) *newsgraph.Document {
	c := *d
	return &c
}

// cloneBatch copies the batch so that normalising it and storing its items
// leaves the caller's values untouched. Nil items stay nil for Validate to
// report.
func cloneBatch(b newsgraph.Batch) newsgraph.Batch {
	var c newsgraph.Batch
	for _, d := range b.Documents {
		if d != nil {
			d = cloneDocument(d)
		}
		c.Documents = append(c.Documents, d)
	}
	for _, e := range b.Entities {
		if e != nil {
			e = cloneEntity(e)
		}
		c.Entities = append(c.Entities, e)
	}
	for _, r := range b.Relations {
		if r != nil {
			r = cloneRelation(r)
		}
		c.Relations = append(c.Relations, r)
	}
	return c
}
