package neo4j_test

import (
	"context"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

// evidence returns the quotes of pairs of quote and document id.
func evidence(pairs ...string) []newsgraph.Evidence {
	var out []newsgraph.Evidence
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, newsgraph.Evidence{Quote: pairs[i], DocumentID: pairs[i+1]})
	}
	return out
}

// relation returns a relation with its id computed from its ends and type.
func relation(from, typ, to string, confidence float64, ev []newsgraph.Evidence) *newsgraph.Relation {
	return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to, Confidence: confidence, Evidence: ev}
}

func TestMoveRelationsTo(t *testing.T) {
	relations := []*newsgraph.Relation{
		relation("person:d", "KNOWS", "person:b", 1, evidence("d", "doc:y", "shared", "doc:x")),
		relation("person:c", "KNOWS", "person:b", 0.5, evidence("c", "doc:x", "shared", "doc:x")),
		relation("person:a", "KNOWS", "person:c", 0.7, evidence("ac", "doc:x")),
		relation("person:c", "LIKES", "person:d", 0.8, evidence("cd", "doc:z")),
	}
	got := neo4j.MoveRelationsTo("person:a", []string{"person:c", "person:d"}, relations)
	want := []*newsgraph.Relation{
		// Self-loop from a relation between the survivor and a merged one.
		relation("person:a", "KNOWS", "person:a", 0.7, evidence("ac", "doc:x")),
		// Two relations meet: the first by old id keeps its fields.
		relation("person:a", "KNOWS", "person:b", 0.5, evidence("c", "doc:x", "shared", "doc:x", "d", "doc:y")),
		// Self-loop from a relation between two merged entities.
		relation("person:a", "LIKES", "person:a", 0.8, evidence("cd", "doc:z")),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("moved =\n%v\nwant\n%v", describe(got), describe(want))
	}
	if got, want := relations[1].ID, "person:c|KNOWS|person:b"; got != want {
		t.Errorf("the input relation's id changed to %s, want %s", got, want)
	}
	if got, want := len(relations[1].Evidence), 2; got != want {
		t.Errorf("the input relation has %d quotes, want %d", got, want)
	}
}

func describe(rs []*newsgraph.Relation) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.ID)
		for _, ev := range r.Evidence {
			b.WriteString(" [" + ev.Quote + "@" + ev.DocumentID + "]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestMergeRows(t *testing.T) {
	moved := []*newsgraph.Relation{
		relation("person:a", "KNOWS", "person:b", 1, evidence("x", "doc:x", "y", "doc:x")),
		relation("person:a", "KNOWS", "person:a", 1, evidence("z", "doc:y")),
	}
	rows, mentions, err := neo4j.MergeRows(moved)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows), 2; got != want {
		t.Fatalf("%d relation rows, want %d", got, want)
	}
	var pairs []string
	for _, m := range mentions {
		row := m.(map[string]any)
		pairs = append(pairs, row["documentId"].(string)+">"+row["entityId"].(string))
	}
	if got, want := pairs, []string{"doc:x>person:a", "doc:x>person:b", "doc:y>person:a"}; !slices.Equal(got, want) {
		t.Errorf("mentions = %v, want %v", got, want)
	}
	bad := []*newsgraph.Relation{relation("person:a", "not a type", "person:b", 1, evidence("x", "doc:x"))}
	if _, _, err := neo4j.MergeRows(bad); err == nil {
		t.Error("MergeRows with a malformed type succeeded, want an error")
	}
}

// TestMergeWrites checks the statements of a merge: their order, and that
// each gets exactly the parameters its header declares.
func TestMergeWrites(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	relations := []*newsgraph.Relation{relation("person:c", "KNOWS", "person:b", 1, evidence("x", "doc:x"))}
	survivor := &newsgraph.Entity{ID: "person:a", Kind: newsgraph.KindPerson, Name: "A", Aliases: []string{"C"}}
	tests := []struct {
		name      string
		relations []*newsgraph.Relation
		survivor  *newsgraph.Entity
		actor     string
		want      []string
	}{
		{"everything", relations, survivor, "key-1",
			[]string{"move relations", "add aliases", "re-point references", "redirect ids", "record merge", "delete merged", "link mentions"}},
		{"no relations, same aliases", nil, nil, "",
			[]string{"re-point references", "redirect ids", "record merge", "delete merged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writes, err := neo4j.MergeWrites("person:a", []string{"person:c"}, tt.actor, at, tt.relations, tt.survivor)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, w := range writes {
				names = append(names, w.Name)
				if got, want := slices.Sorted(maps.Keys(w.Params)), declaredParams(t, w.Name, w.Stmt); !slices.Equal(got, want) {
					t.Errorf("%s: parameters %v, header declares %v", w.Name, got, want)
				}
				if w.Name == "record merge" {
					if got, want := w.Params["at"], any(at); got != want {
						t.Errorf("record merge: at = %v, want %v", got, want)
					}
					if got, want := w.Params["actor"] == nil, tt.actor == ""; got != want {
						t.Errorf("record merge: actor = %#v for actor %q: an empty actor must be null", w.Params["actor"], tt.actor)
					}
				}
			}
			if got, want := names, tt.want; !slices.Equal(got, want) {
				t.Errorf("statements = %v, want %v", got, want)
			}
		})
	}
}

// TestPathStatement checks which statement answers a path query, that its
// parameters are those its header declares, and the $asOf date.
func TestPathStatement(t *testing.T) {
	asOf := newsgraph.MustParseDate("2025-03-04")
	tests := []struct {
		dir      newsgraph.Direction
		shortest bool
		want     string
		reverse  bool
	}{
		{newsgraph.Out, true, neo4j.ShortestPathDirected, false},
		{newsgraph.In, true, neo4j.ShortestPathDirected, true},
		{newsgraph.Both, true, neo4j.ShortestPathUndirected, false},
		{"", false, neo4j.PathsUndirected, false},
		{newsgraph.Out, false, neo4j.PathsDirected, false},
		{newsgraph.In, false, neo4j.PathsDirected, true},
	}
	for _, tt := range tests {
		for _, date := range []newsgraph.Date{{}, asOf} {
			q := newsgraph.PathQuery{From: "person:a", To: "person:b", MaxDepth: 3, Direction: tt.dir, Limit: 2, AsOf: date}
			stmt, params, reverse := neo4j.PathStatement(q, tt.shortest)
			name := string(tt.dir) + " " + date.String()
			if stmt != tt.want || reverse != tt.reverse {
				t.Errorf("%s: statement %.60q reverse %v, want %.60q reverse %v", name, stmt, reverse, tt.want, tt.reverse)
			}
			if got, want := slices.Sorted(maps.Keys(params)), declaredParams(t, name, stmt); !slices.Equal(got, want) {
				t.Errorf("%s: parameters %v, header declares %v", name, got, want)
			}
			if got, want := params["asOf"], neo4j.AsOfParam(date); got != want {
				t.Errorf("%s: asOf = %v, want %v", name, got, want)
			}
			if got, want := params["from"], map[bool]string{false: "person:a", true: "person:b"}[tt.reverse]; got != want {
				t.Errorf("%s: from = %v, want %v", name, got, want)
			}
		}
	}
}

func TestAsOfParam(t *testing.T) {
	if got := neo4j.AsOfParam(newsgraph.Date{}); got != nil {
		t.Errorf("AsOfParam(zero) = %#v, want nil (matches every relation)", got)
	}
	got, ok := neo4j.AsOfParam(newsgraph.MustParseDate("2025-03-04")).(dbtype.Date)
	if !ok {
		t.Fatalf("AsOfParam(2025-03-04) is not a Cypher date")
	}
	if got, want := got.String(), "2025-03-04"; got != want {
		t.Errorf("AsOfParam(2025-03-04) = %s, want %s", got, want)
	}
}

// TestFrontierRowsMatchStatement checks that every row.key that
// neighbors_of_frontier.cypher reads is set in the rows Go builds, and that
// AsOf reaches them.
func TestFrontierRowsMatchStatement(t *testing.T) {
	root := &newsgraph.Entity{ID: "person:a", Kind: newsgraph.KindPerson, Name: "A"}
	asOf := newsgraph.MustParseDate("2025-03-04")
	qs := []newsgraph.NeighborhoodQuery{
		{ID: root.ID, Depth: 1, Limit: 10},
		{ID: root.ID, Depth: 2, Limit: 10, AsOf: asOf, Types: []string{"KNOWS"}},
	}
	rows := neo4j.FirstFrontier(qs, map[string]*newsgraph.Entity{root.ID: root})
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\brow\.([A-Za-z]+)`).FindAllStringSubmatch(neo4j.NeighborsOfFrontier, -1) {
		used[m[1]] = true
	}
	if got, want := len(rows), 2; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	for i, r := range rows {
		row := r.(map[string]any)
		if got, want := slices.Sorted(maps.Keys(row)), slices.Sorted(maps.Keys(used)); !slices.Equal(got, want) {
			t.Errorf("row %d has keys %v, the statement reads %v", i, got, want)
		}
		if got, want := row["asOf"], neo4j.AsOfParam(qs[i].AsOf); got != want {
			t.Errorf("row %d: asOf = %v, want %v", i, got, want)
		}
	}
}

// TestWritesAnswerMalformedIDsFirst checks that malformed input is
// answered before the store touches the server: the Store here has no
// driver at all. Malformed ids to delete name nothing, as in the embedded
// store; a malformed merge is Invalid.
func TestWritesAnswerMalformedIDsFirst(t *testing.T) {
	ctx := context.Background()
	s := new(neo4j.Store)
	tests := []struct {
		name string
		call func() error
		want newsgraph.Code
	}{
		{"delete relation: no separators", func() error { _, err := s.DeleteRelation(ctx, "person:a"); return err }, newsgraph.NotFound},
		{"delete relation: bad type", func() error { _, err := s.DeleteRelation(ctx, "person:a|knows|person:b"); return err }, newsgraph.NotFound},
		{"delete relation: bad end", func() error { _, err := s.DeleteRelation(ctx, "person:a|KNOWS|b"); return err }, newsgraph.NotFound},
		{"delete entity", func() error { _, err := s.DeleteEntity(ctx, "Person A"); return err }, newsgraph.NotFound},
		{"merges", func() error {
			ms, err := s.Merges(ctx, []string{"", "Person A"})
			if err == nil && len(ms) != 0 {
				t.Errorf("Merges of a malformed id = %v, want none", ms)
			}
			return err
		}, ""},
		{"merge: empty from", func() error {
			_, err := s.MergeEntities(ctx, newsgraph.Merge{Into: "person:a"})
			return err
		}, newsgraph.Invalid},
		{"merge: into itself", func() error {
			_, err := s.MergeEntities(ctx, newsgraph.Merge{Into: "person:a", From: []string{"person:b", "person:a"}})
			return err
		}, newsgraph.Invalid},
		{"merge: different kinds", func() error {
			_, err := s.MergeEntities(ctx, newsgraph.Merge{Into: "person:a", From: []string{"person:b", "place:a"}})
			return err
		}, newsgraph.Invalid},
		{"merge: too many", func() error {
			from := make([]string, newsgraph.MaxPageSize+1)
			for i := range from {
				from[i] = "person:b"
			}
			_, err := s.MergeEntities(ctx, newsgraph.Merge{Into: "person:a", From: from})
			return err
		}, newsgraph.LimitExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := newsgraph.ErrorCode(tt.call()), tt.want; got != want {
				t.Errorf("code = %q, want %q", got, want)
			}
		})
	}
}
