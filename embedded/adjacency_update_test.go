package embedded_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
)

// TestTraversalsFollowTheSpecAfterWrites checks that the traversal view,
// built by a first traversal and then updated by each write instead of
// rebuilt, answers every traversal as the spec's plain reading of the
// graph written so far does.
func TestTraversalsFollowTheSpecAfterWrites(t *testing.T) {
	doc := "doc:random"
	evidence := []newsgraph.Evidence{{Quote: "random", DocumentID: doc}}
	relation := func(from, typ, to string) *newsgraph.Relation {
		return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to, Evidence: evidence}
	}
	// Each write changes the store and the model b the same way.
	writes := []struct {
		name  string
		write func(t *testing.T, s *embedded.Store, b *newsgraph.Batch)
	}{
		{"new relations", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			rels := []*newsgraph.Relation{relation("person:n04", "KNOWS", "person:n29"), relation("person:n29", "NEW_TYPE", "place:n00"), relation("person:n05", "FUNDS", "person:n05")}
			upsert(t, s, b, newsgraph.Batch{Relations: rels})
		}},
		{"new entity and its relations", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			e := &newsgraph.Entity{ID: "person:new", Kind: newsgraph.KindPerson, Name: "New"}
			upsert(t, s, b, newsgraph.Batch{Entities: []*newsgraph.Entity{e}, Relations: []*newsgraph.Relation{
				relation("person:new", "KNOWS", "person:n01"), relation("place:n03", "VISITS", "person:new")}})
		}},
		{"existing relation", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			upsert(t, s, b, newsgraph.Batch{Relations: []*newsgraph.Relation{relation(b.Relations[0].From, b.Relations[0].Type, b.Relations[0].To)}})
		}},
		{"delete relation", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			id := b.Relations[3].ID
			if _, err := s.DeleteRelation(t.Context(), id); err != nil {
				t.Fatalf("DeleteRelation: %v", err)
			}
			b.Relations = slices.DeleteFunc(b.Relations, func(r *newsgraph.Relation) bool { return r.ID == id })
		}},
		{"delete entity", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			deleteEntity(t, s, b, "person:n02")
		}},
		{"merge entities", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			from, into := "person:n04", "person:new"
			if _, err := s.MergeEntities(t.Context(), newsgraph.Merge{Into: into, From: []string{from}}); err != nil {
				t.Fatalf("MergeEntities: %v", err)
			}
			b.Entities = slices.DeleteFunc(b.Entities, func(e *newsgraph.Entity) bool { return e.ID == from })
			var moved []*newsgraph.Relation
			seen := map[string]bool{}
			for _, r := range b.Relations {
				r = relation(r.From, r.Type, r.To)
				if r.From == from {
					r.From = into
				}
				if r.To == from {
					r.To = into
				}
				r.ID = newsgraph.RelationID(r.From, r.Type, r.To)
				if !seen[r.ID] {
					seen[r.ID] = true
					moved = append(moved, r)
				}
			}
			b.Relations = moved
		}},
		{"entity again after delete", func(t *testing.T, s *embedded.Store, b *newsgraph.Batch) {
			e := &newsgraph.Entity{ID: "person:n02", Kind: newsgraph.KindPerson, Name: "Back"}
			upsert(t, s, b, newsgraph.Batch{Entities: []*newsgraph.Entity{e}, Relations: []*newsgraph.Relation{relation("person:n02", "KNOWS", "person:n07")}})
		}},
	}
	b := randomGraph(7)
	s := openStore(t)
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Upsert(t.Context(), b); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	checkTraversals(t, s, b) // builds the view
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			w.write(t, s, &b)
			checkTraversals(t, s, b)
		})
	}
}

// upsert writes add to s and adds it to the model b.
func upsert(t *testing.T, s *embedded.Store, b *newsgraph.Batch, add newsgraph.Batch) {
	t.Helper()
	if _, err := s.Upsert(t.Context(), add); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	for _, e := range add.Entities {
		if !slices.ContainsFunc(b.Entities, func(old *newsgraph.Entity) bool { return old.ID == e.ID }) {
			b.Entities = append(b.Entities, e)
		}
	}
	for _, r := range add.Relations {
		if !slices.ContainsFunc(b.Relations, func(old *newsgraph.Relation) bool { return old.ID == r.ID }) {
			b.Relations = append(b.Relations, r)
		}
	}
}

// deleteEntity deletes an entity from s and, with its relations, from the
// model b.
func deleteEntity(t *testing.T, s *embedded.Store, b *newsgraph.Batch, id string) {
	t.Helper()
	if _, err := s.DeleteEntity(t.Context(), id); err != nil {
		t.Fatalf("DeleteEntity: %v", err)
	}
	b.Entities = slices.DeleteFunc(b.Entities, func(e *newsgraph.Entity) bool { return e.ID == id })
	b.Relations = slices.DeleteFunc(b.Relations, func(r *newsgraph.Relation) bool { return r.From == id || r.To == id })
}

// checkTraversals checks neighbourhoods and paths from the first entities
// of b in every direction against the spec's reading of b.
func checkTraversals(t *testing.T, s *embedded.Store, b newsgraph.Batch) {
	t.Helper()
	g := newSpecGraph(b)
	ids := []string{"person:n01", "person:n04", "person:n05", "person:n07", "place:n00", "place:n03", "person:new", b.Entities[len(b.Entities)-1].ID}
	var present []string
	for _, id := range ids {
		if _, ok := g.kinds[id]; ok {
			present = append(present, id)
		}
	}
	for _, dir := range []newsgraph.Direction{newsgraph.Both, newsgraph.Out, newsgraph.In} {
		for _, types := range [][]string{nil, {"KNOWS", "NEW_TYPE"}} {
			for i, id := range present {
				checkNeighborhoods(t, s, g, newsgraph.NeighborhoodQuery{ID: id, Depth: 2, Direction: dir, Types: types, Limit: 100})
				to := present[(i+1)%len(present)]
				if to != id {
					checkPaths(t, s, g, newsgraph.PathQuery{From: id, To: to, MaxDepth: 3, Direction: dir, Types: types, Limit: 5})
				}
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// BenchmarkNeighborhoodAfterWrite writes one relation and then walks the
// neighbourhood of one of its ends: the traversal view is updated by the
// write, not rebuilt by the walk.
func BenchmarkNeighborhoodAfterWrite(b *testing.B) {
	s, es := openSynthetic(b)
	q := []newsgraph.NeighborhoodQuery{{ID: es[1].ID, Depth: 2, Limit: newsgraph.MaxPageSize}}
	if _, err := s.Neighborhoods(b.Context(), q); err != nil {
		b.Fatalf("Neighborhoods: %v", err)
	}
	i := 0
	for b.Loop() {
		i++
		to := es[2+i%(len(es)-2)].ID
		r := &newsgraph.Relation{From: es[1].ID, Type: fmt.Sprintf("T%d", i%7), To: to,
			Evidence: []newsgraph.Evidence{{Quote: "synthetic", DocumentID: syntheticDoc.ID}}}
		r.ID = newsgraph.RelationID(r.From, r.Type, r.To)
		if _, err := s.Upsert(b.Context(), newsgraph.Batch{Relations: []*newsgraph.Relation{r}}); err != nil {
			b.Fatalf("Upsert: %v", err)
		}
		if _, err := s.Neighborhoods(b.Context(), q); err != nil {
			b.Fatalf("Neighborhoods: %v", err)
		}
	}
}
