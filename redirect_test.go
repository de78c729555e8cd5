package newsgraph_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// quotes returns the evidence of pairs of quote and document id.
func quotes(pairs ...string) []newsgraph.Evidence {
	var out []newsgraph.Evidence
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, newsgraph.Evidence{Quote: pairs[i], DocumentID: pairs[i+1]})
	}
	return out
}

// rel returns a relation with its id computed from its ends and type.
func rel(from, typ, to string, confidence float64, ev []newsgraph.Evidence) *newsgraph.Relation {
	return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to, Confidence: confidence, Evidence: ev}
}

func TestBatchRedirect(t *testing.T) {
	redirects := map[string]string{"person:c": "person:a", "place:old": "place:new"}
	merged := &newsgraph.Entity{ID: "person:c", Kind: newsgraph.KindPerson, Name: "C", Aliases: []string{"Cee", "A"}, Description: "ignored"}
	event := &newsgraph.Entity{ID: "event:e", Kind: newsgraph.KindEvent, Name: "E", PlaceID: "place:old"}
	moved := rel("person:c", "KNOWS", "person:b", 0.5, quotes("q1", "doc:x"))
	kept := rel("person:a", "KNOWS", "person:b", 0.9, quotes("q2", "doc:x", "q1", "doc:x"))
	other := rel("person:b", "KNOWS", "person:d", 1, quotes("q3", "doc:y"))

	tests := []struct {
		name          string
		batch         newsgraph.Batch
		wantEntities  []*newsgraph.Entity
		wantRelations []*newsgraph.Relation
		wantFolds     map[string][]string
	}{
		{
			name:         "survivor stored",
			batch:        newsgraph.Batch{Entities: []*newsgraph.Entity{merged, event}, Relations: []*newsgraph.Relation{moved, kept, other}},
			wantEntities: []*newsgraph.Entity{{ID: "event:e", Kind: newsgraph.KindEvent, Name: "E", PlaceID: "place:new"}},
			wantRelations: []*newsgraph.Relation{
				rel("person:a", "KNOWS", "person:b", 0.9, quotes("q1", "doc:x", "q2", "doc:x")),
				other,
			},
			wantFolds: map[string][]string{"person:a": {"C", "Cee", "A"}},
		},
		{
			name: "survivor in the batch",
			batch: newsgraph.Batch{Entities: []*newsgraph.Entity{
				merged, {ID: "person:a", Kind: newsgraph.KindPerson, Name: "A", Aliases: []string{"Cee"}},
			}},
			wantEntities: []*newsgraph.Entity{{ID: "person:a", Kind: newsgraph.KindPerson, Name: "A", Aliases: []string{"Cee", "C"}}},
			wantFolds:    map[string][]string{},
		},
		{
			name:          "nothing merged away",
			batch:         newsgraph.Batch{Entities: []*newsgraph.Entity{{ID: "person:b", Kind: newsgraph.KindPerson, Name: "B"}}, Relations: []*newsgraph.Relation{other}},
			wantEntities:  []*newsgraph.Entity{{ID: "person:b", Kind: newsgraph.KindPerson, Name: "B"}},
			wantRelations: []*newsgraph.Relation{other},
			wantFolds:     map[string][]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.batch
			b.Entities = slices.Clone(b.Entities)
			b.Relations = slices.Clone(b.Relations)
			folds := b.Redirect(func(id string) (string, bool) {
				into, ok := redirects[id]
				return into, ok
			})
			if got, want := folds, tt.wantFolds; !reflect.DeepEqual(got, want) {
				t.Errorf("folds = %v, want %v", got, want)
			}
			if got, want := b.Entities, tt.wantEntities; !reflect.DeepEqual(got, want) {
				t.Errorf("entities = %+v, want %+v", got, want)
			}
			if got, want := b.Relations, tt.wantRelations; !reflect.DeepEqual(got, want) {
				t.Errorf("relations = %+v, want %+v", got, want)
			}
		})
	}
	// The caller's values are left alone.
	if got, want := event.PlaceID, "place:old"; got != want {
		t.Errorf("the caller's event has placeId %s, want %s", got, want)
	}
	if got, want := moved.From+" "+moved.ID, "person:c person:c|KNOWS|person:b"; got != want {
		t.Errorf("the caller's relation is %s, want %s", got, want)
	}
	if got, want := len(kept.Evidence), 2; got != want {
		t.Errorf("the caller's relation has %d quotes, want %d", got, want)
	}
}

func TestAddAliases(t *testing.T) {
	tests := []struct {
		aliases, names, want []string
		changed              bool
	}{
		{nil, []string{"B", "", "  ", "Name", "B"}, []string{"B"}, true},
		{[]string{"B"}, []string{"B", "Name"}, []string{"B"}, false},
		{[]string{"B"}, []string{"b", "C"}, []string{"B", "b", "C"}, true},
		{[]string{"B"}, nil, []string{"B"}, false},
	}
	for _, tt := range tests {
		e := &newsgraph.Entity{Name: "Name", Aliases: slices.Clone(tt.aliases)}
		changed := e.AddAliases(tt.names...)
		if got, want := e.Aliases, tt.want; !slices.Equal(got, want) {
			t.Errorf("AddAliases(%v, %v): aliases = %v, want %v", tt.aliases, tt.names, got, want)
		}
		if got, want := changed, tt.changed; got != want {
			t.Errorf("AddAliases(%v, %v) = %v, want %v", tt.aliases, tt.names, got, want)
		}
	}
}
