package neo4j_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

// TestRelationStatement checks which statement answers a relation query
// and that the parameters passed are exactly those its header declares.
func TestRelationStatement(t *testing.T) {
	tests := []struct {
		name   string
		filter newsgraph.RelationFilter
		want   string
		anchor string
	}{
		{"from", newsgraph.RelationFilter{From: "person:a", DocumentID: "doc:x"}, neo4j.RelationsAroundEntity, "person:a"},
		{"to", newsgraph.RelationFilter{To: "place:b", Types: []string{"VISITS"}}, neo4j.RelationsAroundEntity, "place:b"},
		{"involving", newsgraph.RelationFilter{Involving: "person:c"}, neo4j.RelationsAroundEntity, "person:c"},
		{"document", newsgraph.RelationFilter{DocumentID: "doc:x"}, neo4j.RelationsByDocument, ""},
		{"types only", newsgraph.RelationFilter{Types: []string{"VISITS"}}, neo4j.RelationsScan, ""},
		{"none", newsgraph.RelationFilter{}, neo4j.RelationsScan, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newsgraph.RelationQuery{Filter: tt.filter, First: 10, After: newsgraph.EncodeCursor("person:a|VISITS|place:b")}
			stmt, params := neo4j.RelationStatement(q)
			if stmt != tt.want {
				t.Fatalf("statement = %.80q..., want %.80q...", stmt, tt.want)
			}
			got := slices.Sorted(maps.Keys(params))
			want := declaredParams(t, tt.name, stmt)
			if !slices.Equal(got, want) {
				t.Errorf("parameters = %v, header declares %v", got, want)
			}
			if got, want := params["anchor"], any(tt.anchor); tt.anchor != "" && got != want {
				t.Errorf("anchor = %v, want %v", got, want)
			}
			if got, want := params["after"], "person:a|VISITS|place:b"; got != want {
				t.Errorf("after = %v, want the decoded cursor %v", got, want)
			}
			if got, want := params["limit"], int64(11); got != want {
				t.Errorf("limit = %v, want first+1 = %v", got, want)
			}
			if types, ok := params["types"].([]string); !ok || types == nil {
				t.Errorf("types = %#v, want a non-nil list (null would match nothing)", params["types"])
			}
		})
	}
}
