package embedded

import "github.com/newsgraph/newsgraph"

// Every copy the store makes of its values is made here: readers get
// copies of what the index owns, and writes copy what callers pass in.
// Copies of many items share a few arrays (see cloneEntities), since a
// read or a bulk import copies thousands.

// copyEntities returns copies of the entities numbered nodes, like
// cloneEntity does one by one but in a few allocations (see cloneEntities).
func copyEntities(entities []*newsgraph.Entity, nodes []int32) []*newsgraph.Entity {
	list := make([]*newsgraph.Entity, len(nodes))
	for i, node := range nodes {
		list[i] = entities[node]
	}
	return cloneEntities(list)
}

// cloneEntities returns copies of entities, like cloneEntity does one by
// one but in a few allocations: the structs share one array and the
// aliases and roles another, each copy's slices capped so that appending
// to one never writes into the next. It reuses the list for the copies.
func cloneEntities(entities []*newsgraph.Entity) []*newsgraph.Entity {
	structs := make([]newsgraph.Entity, len(entities))
	n := 0
	for _, e := range entities {
		n += len(e.Aliases) + len(e.Roles)
	}
	strs := make([]string, 0, n)
	for i, e := range entities {
		c := &structs[i]
		*c = *e
		c.Aliases, strs = carve(strs, c.Aliases)
		c.Roles, strs = carve(strs, c.Roles)
		entities[i] = c
	}
	return entities
}

// copyRelations returns copies of the relations numbered nums among rels,
// in a few allocations like copyEntities.
func copyRelations(rels []*newsgraph.Relation, nums []int32) []*newsgraph.Relation {
	list := make([]*newsgraph.Relation, len(nums))
	for i, num := range nums {
		list[i] = rels[num]
	}
	return cloneRelations(list)
}

// copyRelationsWithoutEvidence is copyRelations leaving every copy's
// Evidence out (nil), in two allocations.
func copyRelationsWithoutEvidence(rels []*newsgraph.Relation, nums []int32) []*newsgraph.Relation {
	structs := make([]newsgraph.Relation, len(nums))
	list := make([]*newsgraph.Relation, len(nums))
	for i, num := range nums {
		structs[i] = *rels[num]
		structs[i].Evidence = nil
		list[i] = &structs[i]
	}
	return list
}

// cloneRelations returns copies of rels in a few allocations, like
// cloneEntities; it reuses the list for the copies.
func cloneRelations(rels []*newsgraph.Relation) []*newsgraph.Relation {
	structs := make([]newsgraph.Relation, len(rels))
	n := 0
	for _, r := range rels {
		n += len(r.Evidence)
	}
	evidence := make([]newsgraph.Evidence, 0, n)
	for i, r := range rels {
		c := &structs[i]
		*c = *r
		c.Evidence, evidence = carve(evidence, c.Evidence)
		rels[i] = c
	}
	return rels
}

// carve copies items to the end of pool, which has room for them, and
// returns the copy, capped at its length, and the longer pool. Nil items
// stay nil, empty ones become empty with no room to grow into.
func carve[T any](pool, items []T) (copied, rest []T) {
	if len(items) == 0 {
		return items[:0:0], pool
	}
	start := len(pool)
	pool = append(pool, items...)
	return pool[start:len(pool):len(pool)], pool
}

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
	for _, m := range b.Mentions {
		c.Mentions = append(c.Mentions, m.Clone())
	}
	return c
}
