package embedded_test

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
)

// modelFilter is a relation filter and the model's version of it.
type modelFilter struct {
	filter newsgraph.RelationFilter
	keep   func(*newsgraph.Relation) bool
}

// relationModel is the set of relations a sequence of writes should leave,
// kept by id.
type relationModel map[string]*newsgraph.Relation

func (m relationModel) ids(keep func(r *newsgraph.Relation) bool) []string {
	var ids []string
	for id, r := range m {
		if keep(r) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// TestWritesKeepIndexesConsistent deletes and merges in a random graph and
// checks every relation list the store answers from against a model, before
// and after reopening.
func TestWritesKeepIndexesConsistent(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	es := syntheticEntities(300)
	rels := syntheticRelations(es, 3000, 200, 7)
	if _, err := s.Upsert(ctx, newsgraph.Batch{Documents: []*newsgraph.Document{syntheticDoc}, Entities: es, Relations: rels}); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	model := relationModel{}
	for _, r := range rels {
		model[r.ID] = r
	}
	entities := map[string]bool{}
	for _, e := range es {
		entities[e.ID] = true
	}

	rng := rand.New(rand.NewPCG(7, 7))
	for range 40 {
		ids := slices.Sorted(maps.Keys(model))
		id := ids[rng.IntN(len(ids))]
		if _, err := s.DeleteRelation(ctx, id); err != nil {
			t.Fatalf("DeleteRelation: %v", err)
		}
		delete(model, id)
	}
	deleteEntity := func(id string) {
		t.Helper()
		deleted, err := s.DeleteEntity(ctx, id)
		if err != nil {
			t.Fatalf("DeleteEntity: %v", err)
		}
		gone := model.ids(func(r *newsgraph.Relation) bool { return r.From == id || r.To == id })
		if n := len(deleted.Relations); n != len(gone) {
			t.Errorf("DeleteEntity(%s) deleted %d relations, want %d", id, n, len(gone))
		}
		for _, rid := range gone {
			delete(model, rid)
		}
		delete(entities, id)
	}
	deleteEntity(es[0].ID) // the hub
	deleteEntity(es[10].ID)

	into, from := es[6].ID, []string{es[1].ID, es[2].ID, es[3].ID, es[4].ID, es[5].ID}
	if _, err := s.MergeEntities(ctx, newsgraph.Merge{Into: into, From: from}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	target := func(id string) string {
		if slices.Contains(from, id) {
			return into
		}
		return id
	}
	for _, id := range slices.Sorted(maps.Keys(model)) {
		r := model[id]
		if slices.Contains(from, r.From) || slices.Contains(from, r.To) {
			delete(model, id)
			moved := *r
			moved.From, moved.To = target(r.From), target(r.To)
			moved.ID = newsgraph.RelationID(moved.From, moved.Type, moved.To)
			model[moved.ID] = &moved
		}
	}
	for _, id := range from {
		delete(entities, id)
	}

	checkModel(t, s, model, len(entities), es[6:20])
	s = reopen(t, s, dir)
	checkModel(t, s, model, len(entities), es[6:20])
}

// checkModel compares the store's relation lists with the model's.
func checkModel(t *testing.T, s *embedded.Store, model relationModel, entities int, sample []*newsgraph.Entity) {
	t.Helper()
	ctx := t.Context()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Entities != entities || st.Relations != len(model) {
		t.Errorf("Stats = %d entities, %d relations; want %d, %d", st.Entities, st.Relations, entities, len(model))
	}
	all := func(*newsgraph.Relation) bool { return true }
	filters := map[string]modelFilter{
		"all":      {newsgraph.RelationFilter{}, all},
		"document": {newsgraph.RelationFilter{DocumentID: syntheticDoc.ID}, all},
	}
	types, err := s.RelationTypes(ctx)
	if err != nil {
		t.Fatalf("RelationTypes: %v", err)
	}
	for _, tc := range types {
		want := len(model.ids(func(r *newsgraph.Relation) bool { return r.Type == tc.Type }))
		if tc.Count != want {
			t.Errorf("RelationTypes: %s has %d, want %d", tc.Type, tc.Count, want)
		}
		filters["type "+tc.Type] = modelFilter{newsgraph.RelationFilter{Types: []string{tc.Type}}, func(r *newsgraph.Relation) bool { return r.Type == tc.Type }}
	}
	for _, e := range sample {
		id := e.ID
		filters["from "+id] = modelFilter{newsgraph.RelationFilter{From: id}, func(r *newsgraph.Relation) bool { return r.From == id }}
		filters["to "+id] = modelFilter{newsgraph.RelationFilter{To: id}, func(r *newsgraph.Relation) bool { return r.To == id }}
		filters["involving "+id] = modelFilter{newsgraph.RelationFilter{Involving: id}, func(r *newsgraph.Relation) bool { return r.From == id || r.To == id }}
	}
	for name, f := range filters {
		want := model.ids(f.keep)
		var got []string
		q := newsgraph.RelationQuery{Filter: f.filter, First: newsgraph.MaxPageSize}
		for {
			pages, err := s.Relations(ctx, []newsgraph.RelationQuery{q})
			if err != nil {
				t.Fatalf("Relations: %v", err)
			}
			for _, r := range pages[0].Items {
				got = append(got, r.ID)
			}
			if pages[0].TotalCount != len(want) {
				t.Errorf("%s: TotalCount = %d, want %d", name, pages[0].TotalCount, len(want))
			}
			if !pages[0].HasNextPage {
				break
			}
			q.After = newsgraph.EncodeCursor(got[len(got)-1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: relations =\n  %v\nwant\n  %v", name, got, want)
		}
	}
}
