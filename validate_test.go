package newsgraph_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// queryCase is one Validate call and the error it must give; a zero code
// means the query is valid.
type queryCase struct {
	name     string
	validate func() error
	code     newsgraph.Code
	parts    []string
}

func runQueryCases(t *testing.T, tests []queryCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.validate()
			if tt.code == "" {
				wantNoError(t, err)
				return
			}
			wantErrorCode(t, err, tt.code, tt.parts...)
		})
	}
}

const badCursor = "not a cursor"

func TestEntityQueryValidate(t *testing.T) {
	v := func(q newsgraph.EntityQuery) func() error { return q.Validate }
	runQueryCases(t, []queryCase{
		{"zero", v(newsgraph.EntityQuery{}), "", nil},
		{"full", v(newsgraph.EntityQuery{First: newsgraph.MaxPageSize, Kinds: newsgraph.AllKinds, After: newsgraph.EncodeCursor("person:a")}), "", nil},
		{"negative first", v(newsgraph.EntityQuery{First: -1}), newsgraph.Invalid, []string{"first", "-1"}},
		{"first over limit", v(newsgraph.EntityQuery{First: 501}), newsgraph.LimitExceeded, []string{"at most 500", "501"}},
		{"unknown kind", v(newsgraph.EntityQuery{First: 1, Kinds: []newsgraph.Kind{"person"}}), newsgraph.Invalid, []string{`"person"`}},
		{"bad cursor", v(newsgraph.EntityQuery{First: 1, After: badCursor}), newsgraph.Invalid, []string{"cursor", badCursor}},
	})
}

func TestSearchQueryValidate(t *testing.T) {
	v := func(q newsgraph.SearchQuery) func() error { return q.Validate }
	runQueryCases(t, []queryCase{
		{"ok", v(newsgraph.SearchQuery{Text: "amlo", Limit: 10}), "", nil},
		{"max", v(newsgraph.SearchQuery{Text: strings.Repeat("a", 1000), Limit: newsgraph.MaxPageSize, Kinds: newsgraph.AllKinds}), "", nil},
		{"zero limit", v(newsgraph.SearchQuery{Text: "amlo"}), newsgraph.Invalid, []string{"at least 1", "0"}},
		{"limit over max", v(newsgraph.SearchQuery{Text: "amlo", Limit: 501}), newsgraph.LimitExceeded, []string{"at most 500", "501"}},
		{"text too long", v(newsgraph.SearchQuery{Text: strings.Repeat("a", 1001), Limit: 1}), newsgraph.LimitExceeded, []string{"1000", "1001"}},
		{"unknown kind", v(newsgraph.SearchQuery{Text: "a", Limit: 1, Kinds: []newsgraph.Kind{"BOAT"}}), newsgraph.Invalid, []string{`"BOAT"`}},
	})
}

func TestRelationQueryValidate(t *testing.T) {
	v := func(q newsgraph.RelationQuery) func() error { return q.Validate }
	runQueryCases(t, []queryCase{
		{"zero", v(newsgraph.RelationQuery{}), "", nil},
		{"full", v(newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Types: []string{"REJECTS", "UNSEEN_TYPE"}, From: "person:a"}, First: 500, After: newsgraph.EncodeCursor("x")}), "", nil},
		{"lower-case type", v(newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Types: []string{"rejects"}}}), newsgraph.Invalid, []string{`"rejects"`, "UPPER_SNAKE_CASE"}},
		{"negative first", v(newsgraph.RelationQuery{First: -5}), newsgraph.Invalid, []string{"-5"}},
		{"first over limit", v(newsgraph.RelationQuery{First: 1000}), newsgraph.LimitExceeded, []string{"at most 500", "1000"}},
		{"bad cursor", v(newsgraph.RelationQuery{After: badCursor}), newsgraph.Invalid, []string{"cursor"}},
	})
}

func TestDocumentQueryValidate(t *testing.T) {
	v := func(q newsgraph.DocumentQuery) func() error { return q.Validate }
	runQueryCases(t, []queryCase{
		{"zero", v(newsgraph.DocumentQuery{}), "", nil},
		{"max", v(newsgraph.DocumentQuery{First: 500, After: newsgraph.EncodeCursor("doc:a")}), "", nil},
		{"negative first", v(newsgraph.DocumentQuery{First: -1}), newsgraph.Invalid, []string{"-1"}},
		{"first over limit", v(newsgraph.DocumentQuery{First: 501}), newsgraph.LimitExceeded, []string{"at most 500"}},
		{"bad cursor", v(newsgraph.DocumentQuery{After: badCursor}), newsgraph.Invalid, []string{"cursor"}},
	})
}

func TestNeighborhoodQueryValidate(t *testing.T) {
	ok := newsgraph.NeighborhoodQuery{ID: "person:a", Depth: 1, Limit: 1}
	with := func(change func(q *newsgraph.NeighborhoodQuery)) func() error {
		q := ok
		change(&q)
		return q.Validate
	}
	runQueryCases(t, []queryCase{
		{"minimal", with(func(*newsgraph.NeighborhoodQuery) {}), "", nil},
		{"maximal", with(func(q *newsgraph.NeighborhoodQuery) {
			q.Depth, q.Limit, q.Direction, q.Types, q.Kinds = newsgraph.MaxNeighborhoodDeep, newsgraph.MaxPageSize, newsgraph.In, []string{"REJECTS"}, newsgraph.AllKinds
		}), "", nil},
		{"no id", with(func(q *newsgraph.NeighborhoodQuery) { q.ID = "" }), newsgraph.Invalid, []string{"id"}},
		{"depth 0", with(func(q *newsgraph.NeighborhoodQuery) { q.Depth = 0 }), newsgraph.Invalid, []string{"at least 1"}},
		{"depth over limit", with(func(q *newsgraph.NeighborhoodQuery) { q.Depth = 5 }), newsgraph.LimitExceeded, []string{"at most 4", "5"}},
		{"limit 0", with(func(q *newsgraph.NeighborhoodQuery) { q.Limit = 0 }), newsgraph.Invalid, []string{"at least 1"}},
		{"limit over max", with(func(q *newsgraph.NeighborhoodQuery) { q.Limit = 501 }), newsgraph.LimitExceeded, []string{"at most 500", "501"}},
		{"bad direction", with(func(q *newsgraph.NeighborhoodQuery) { q.Direction = "out" }), newsgraph.Invalid, []string{`"out"`, "OUT, IN or BOTH"}},
		{"bad type", with(func(q *newsgraph.NeighborhoodQuery) { q.Types = []string{"A__B"} }), newsgraph.Invalid, []string{`"A__B"`}},
		{"bad kind", with(func(q *newsgraph.NeighborhoodQuery) { q.Kinds = []newsgraph.Kind{""} }), newsgraph.Invalid, []string{"kind"}},
	})
}

func TestPathQueryValidate(t *testing.T) {
	ok := newsgraph.PathQuery{From: "person:a", To: "person:b", MaxDepth: 1, Limit: 1}
	with := func(forPaths bool, change func(q *newsgraph.PathQuery)) func() error {
		q := ok
		change(&q)
		return func() error { return q.Validate(forPaths) }
	}
	same := func(*newsgraph.PathQuery) {}
	runQueryCases(t, []queryCase{
		{"minimal", with(true, same), "", nil},
		{"maximal", with(true, func(q *newsgraph.PathQuery) {
			q.MaxDepth, q.Limit, q.Direction, q.Types = newsgraph.MaxPathDepth, newsgraph.MaxPathCount, newsgraph.Out, []string{"REJECTS"}
		}), "", nil},
		{"no from", with(false, func(q *newsgraph.PathQuery) { q.From = "" }), newsgraph.Invalid, []string{"from"}},
		{"no to", with(false, func(q *newsgraph.PathQuery) { q.To = "" }), newsgraph.Invalid, []string{"to"}},
		{"depth 0", with(false, func(q *newsgraph.PathQuery) { q.MaxDepth = 0 }), newsgraph.Invalid, []string{"maxDepth", "at least 1"}},
		{"depth over limit", with(false, func(q *newsgraph.PathQuery) { q.MaxDepth = 9 }), newsgraph.LimitExceeded, []string{"maxDepth", "at most 8", "9"}},
		{"bad direction", with(false, func(q *newsgraph.PathQuery) { q.Direction = "UP" }), newsgraph.Invalid, []string{`"UP"`}},
		{"bad type", with(false, func(q *newsgraph.PathQuery) { q.Types = []string{"x"} }), newsgraph.Invalid, []string{`"x"`}},
		{"limit ignored for shortest path", with(false, func(q *newsgraph.PathQuery) { q.Limit = 0 }), "", nil},
		{"limit 0 for paths", with(true, func(q *newsgraph.PathQuery) { q.Limit = 0 }), newsgraph.Invalid, []string{"at least 1"}},
		{"limit over max for paths", with(true, func(q *newsgraph.PathQuery) { q.Limit = 51 }), newsgraph.LimitExceeded, []string{"at most 50", "51"}},
	})
}

func TestValidateNamesOperation(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{newsgraph.EntityQuery{First: -1}.Validate(), "entities: "},
		{newsgraph.SearchQuery{}.Validate(), "search: "},
		{newsgraph.RelationQuery{First: -1}.Validate(), "relations: "},
		{newsgraph.RelationFilter{Types: []string{"x"}}.Validate(), "relations: "},
		{newsgraph.DocumentQuery{First: -1}.Validate(), "documents: "},
		{newsgraph.NeighborhoodQuery{}.Validate(), "neighborhood: "},
		{newsgraph.PathQuery{}.Validate(false), "shortestPath: "},
		{newsgraph.PathQuery{Types: []string{"x"}, From: "a", To: "b", MaxDepth: 1}.Validate(true), "paths: "},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("Validate() = nil, want an error starting %q", tt.want)
			continue
		}
		if got := tt.err.Error(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Error() = %q, want prefix %q", got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		d      newsgraph.Direction
		valid  bool
		orBoth newsgraph.Direction
	}{
		{"", true, newsgraph.Both},
		{newsgraph.Out, true, newsgraph.Out},
		{newsgraph.In, true, newsgraph.In},
		{newsgraph.Both, true, newsgraph.Both},
		{"in", false, "in"},
	}
	for _, tt := range tests {
		if got, want := tt.d.Valid(), tt.valid; got != want {
			t.Errorf("Direction(%q).Valid() = %v, want %v", tt.d, got, want)
		}
		if got, want := tt.d.OrBoth(), tt.orBoth; got != want {
			t.Errorf("Direction(%q).OrBoth() = %q, want %q", tt.d, got, want)
		}
	}
}

func TestMergeValidate(t *testing.T) {
	v := func(m newsgraph.Merge) func() error { return m.Validate }
	many := make([]string, newsgraph.MaxPageSize+1)
	for i := range many {
		many[i] = "person:p" + strings.Repeat("x", i%7+1)
	}
	runQueryCases(t, []queryCase{
		{"valid", v(newsgraph.Merge{Into: "person:a", From: []string{"person:b", "person:c"}}), "", nil},
		{"malformed into", v(newsgraph.Merge{Into: "a", From: []string{"person:b"}}), newsgraph.Invalid, []string{"into", `"a"`}},
		{"empty from", v(newsgraph.Merge{Into: "person:a"}), newsgraph.Invalid, []string{"at least one"}},
		{"too many", v(newsgraph.Merge{Into: "person:a", From: many}), newsgraph.LimitExceeded, []string{"500"}},
		{"malformed from", v(newsgraph.Merge{Into: "person:a", From: []string{"Person B"}}), newsgraph.Invalid, []string{`"Person B"`}},
		{"into itself", v(newsgraph.Merge{Into: "person:a", From: []string{"person:a"}}), newsgraph.Invalid, []string{"itself"}},
		{"different kinds", v(newsgraph.Merge{Into: "person:a", From: []string{"place:a"}}), newsgraph.Invalid, []string{"place:a", "different kinds"}},
	})
}
