package embedded

import "github.com/newsgraph/newsgraph"

// cloneBatch copies the batch so that normalising it and storing its items
// leaves the caller's values untouched. Nil items stay nil for Validate to
// report.
func cloneBatch(b newsgraph.Batch) newsgraph.Batch {
	var c newsgraph.Batch
	for _, d := range b.Documents {
		if d != nil {
			d = d.Clone()
		}
		c.Documents = append(c.Documents, d)
	}
	for _, e := range b.Entities {
		if e != nil {
			e = e.Clone()
		}
		c.Entities = append(c.Entities, e)
	}
	// The relations are copied into one array and their evidence into
	// another, as copyRelations does: a bulk import writes millions.
	structs := make([]newsgraph.Relation, len(b.Relations))
	n := 0
	for _, r := range b.Relations {
		if r != nil {
			n += len(r.Evidence)
		}
	}
	evidence := make([]newsgraph.Evidence, 0, n)
	c.Relations = make([]*newsgraph.Relation, len(b.Relations))
	for i, r := range b.Relations {
		if r != nil {
			structs[i] = *r
			structs[i].Evidence, evidence = carve(evidence, r.Evidence)
			c.Relations[i] = &structs[i]
		}
	}
	return c
}
