package graph_test

import (
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// TestInvalidWritesChangeNothing sends every mutation invalid input, as a
// new user might, and checks the promise: a coded error, and nothing
// written, no event published, no write logged. The event check is exact:
// after each refused mutation a valid one follows, and the first event the
// subscriber sees must be that one's.
func TestInvalidWritesChangeNothing(t *testing.T) {
	var logs lockedBuffer
	a := seedWriteAPI(t, graph.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	changes := a.broker.Subscribe(t.Context(), events.Filter{})
	emptyDocument := map[string]any{
		"document":  map[string]any{"title": "", "publishedAt": "", "text": ""},
		"entities":  []any{map[string]any{"ref": "x", "kind": "PERSON", "name": "Nobody Atall"}},
		"relations": []any{},
	}
	badQuote := secondArticle()
	badQuote["relations"].([]any)[0].(map[string]any)["quotes"] = []string{"words the text does not hold"}
	danglingPlace := secondArticle()
	danglingPlace["entities"] = append(danglingPlace["entities"].([]any),
		map[string]any{"ref": "ev", "kind": "EVENT", "name": "A march", "place": "place:atlantis"})
	const ingest = `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { id } } }`
	const upsertEntity = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`
	const upsertRelation = `mutation($input: RelationInput!, $doc: ID!) { upsertRelation(input: $input, documentId: $doc) { created } }`
	tests := []struct {
		name     string
		mutation string
		vars     map[string]any
		code     string
		inMsg    string
	}{
		{"ingestDocument with an empty document", ingest, map[string]any{"input": emptyDocument}, "BAD_USER_INPUT", "document"},
		{"ingestDocument with a quote not in the text", ingest, map[string]any{"input": badQuote}, "BAD_USER_INPUT", "quote"},
		{"ingestDocument naming an absent place", ingest, map[string]any{"input": danglingPlace}, "BAD_USER_INPUT", "place:atlantis"},
		{"upsertEntity of an unknown kind", upsertEntity, map[string]any{"input": map[string]any{"ref": "e", "kind": "DRAGON", "name": "Smaug"}}, "GRAPHQL_VALIDATION_FAILED", "DRAGON"},
		{"upsertEntity with a blank name", upsertEntity, map[string]any{"input": map[string]any{"ref": "e", "kind": "PERSON", "name": "  "}}, "BAD_USER_INPUT", "name"},
		{"upsertEntity with a free-text verdict", upsertEntity, map[string]any{"input": map[string]any{"ref": "e", "kind": "CLAIM", "name": "It rained", "verdict": "probably"}}, "GRAPHQL_VALIDATION_FAILED", "probably"},
		{"upsertEntity naming an absent claimant", upsertEntity, map[string]any{"input": map[string]any{"ref": "e", "kind": "CLAIM", "name": "It rained", "claimant": "person:nobody"}}, "BAD_USER_INPUT", "person:nobody"},
		{"upsertRelation quoting an absent document", upsertRelation, map[string]any{"doc": "doc:nowhere",
			"input": map[string]any{"type": "MET_WITH", "from": "person:claudia-sheinbaum", "to": "person:donald-trump", "quotes": []string{"Sheinbaum"}}}, "BAD_USER_INPUT", "doc:nowhere"},
		{"upsertRelation of a new relation without a quote", upsertRelation, map[string]any{"doc": "",
			"input": map[string]any{"type": "MET_WITH", "from": "person:claudia-sheinbaum", "to": "person:donald-trump", "quotes": []string{}}}, "BAD_USER_INPUT", "quote"},
		{"deleteRelation of an absent relation", `mutation { deleteRelation(id: "person:a|KNOWS|person:b") }`, nil, "NOT_FOUND", "person:a|KNOWS|person:b"},
		{"deleteEntity of an absent entity", `mutation { deleteEntity(id: "person:nobody") { id } }`, nil, "NOT_FOUND", "person:nobody"},
		{"mergeEntities into an absent entity", `mutation { mergeEntities(into: "person:nobody", from: ["person:donald-trump"]) { id } }`, nil, "NOT_FOUND", "person:nobody"},
		{"mergeEntities of two kinds", `mutation { mergeEntities(into: "person:donald-trump", from: ["place:mexico"]) { id } }`, nil, "BAD_USER_INPUT", ""},
	}
	valid := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := wholeExport(t, a.store)
			logged := strings.Count(logs.String(), `msg="graph write"`)
			resp, _ := a.postAs(t, a.keys.admin, tt.mutation, tt.vars)
			if got := errorCode(resp); got != tt.code {
				t.Fatalf("code = %q, want %q (%+v)", got, tt.code, resp.Errors)
			}
			if !strings.Contains(resp.Errors[0].Message, tt.inMsg) {
				t.Errorf("message %q does not name %q", resp.Errors[0].Message, tt.inMsg)
			}
			if after := wholeExport(t, a.store); !reflect.DeepEqual(after, before) {
				t.Errorf("the graph changed:\nbefore %+v\n after %+v", before, after)
			}
			if got := strings.Count(logs.String(), `msg="graph write"`); got != logged {
				t.Errorf("a refused write was logged:\n%s", logs.String())
			}
			// A valid write follows: its event must be the next one.
			valid++
			name := "Marker " + strings.Repeat("I", valid)
			var ok struct{ UpsertEntity struct{ Created bool } }
			a.mutate(t, a.keys.write, upsertEntity, map[string]any{"input": map[string]any{"ref": "m", "kind": "PLACE", "name": name}}, &ok)
			select {
			case c := <-changes:
				if c.Entity == nil || c.Entity.Name != name {
					t.Errorf("the first event after the refused write is %+v, want the marker %q", c, name)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no event for the valid write that followed")
			}
		})
	}
}

// wholeExport returns the whole graph of s as export lines.
func wholeExport(t *testing.T, s newsgraph.Store) []ingest.Input {
	t.Helper()
	var out []ingest.Input
	if err := ingest.Export(t.Context(), s, func(in ingest.Input) error {
		out = append(out, in)
		return nil
	}); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return out
}
