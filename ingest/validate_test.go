package ingest_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestIngestRejectsInvalidInputAndWritesNothing(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	before := mustStats(t, s)
	tests := []struct {
		name   string
		change func(in *ingest.Input)
		code   newsgraph.Code
		want   string // a part of the message naming the item
	}{
		{"unknown kind", func(in *ingest.Input) { in.Entities[4].Kind = "ROBOT" }, newsgraph.Invalid, `entities[4] (ref "harfuch"): unknown kind "ROBOT"`},
		{"empty name", func(in *ingest.Input) { in.Entities[0].Name = " " }, newsgraph.Invalid, `entities[0] (ref "sheinbaum"): name is empty`},
		{"empty ref", func(in *ingest.Input) { in.Entities[1].Ref = "" }, newsgraph.Invalid, `entities[1] (ref ""): ref is empty`},
		{"duplicate ref", func(in *ingest.Input) { in.Entities[2].Ref = "trump" }, newsgraph.Invalid, `entities[2] (ref "trump"): duplicate ref`},
		{"id of another kind", func(in *ingest.Input) { in.Entities[4].ID = "place:harfuch" }, newsgraph.Invalid, `entities[4] (ref "harfuch"): id "place:harfuch" does not start with "person:"`},
		{"malformed id", func(in *ingest.Input) { in.Entities[4].ID = "person:Omar" }, newsgraph.Invalid, `entities[4] (ref "harfuch"): id "person:Omar" is malformed`},
		{"end before start", func(in *ingest.Input) {
			in.Entities[5].StartDate, in.Entities[5].EndDate = newsgraph.MustParseDate("2025-02-01"), newsgraph.MustParseDate("2025-01-01")
		}, newsgraph.Invalid, `entities[5] (ref "cabinet"): endDate (2025-01-01) is before startDate (2025-02-01)`},
		{"place not a place", func(in *ingest.Input) { in.Entities[5].Place = "trump" }, newsgraph.Invalid, `entities[5] (ref "cabinet"): place "trump" is a PERSON, want a PLACE`},
		{"dangling claimant", func(in *ingest.Input) { in.Entities[5].Claimant = "nobody" }, newsgraph.Invalid, `entities[5] (ref "cabinet"): claimant "nobody" names no ref of this input and is not an entity id`},
		{"claimant id absent", func(in *ingest.Input) { in.Entities[5].Claimant = "person:nobody" }, newsgraph.Invalid, `entities[5] (ref "cabinet"): claimant "person:nobody" names no ref of this input and no existing entity`},
		{"malformed type", func(in *ingest.Input) { in.Relations[3].Type = "threatens" }, newsgraph.Invalid, `relations[3] (threatens trump -> cartels): type "threatens" is malformed`},
		{"quote not in text", func(in *ingest.Input) { in.Relations[3].Quotes = []string{"Trump threatened Mexico"} }, newsgraph.Invalid, `relations[3] (THREATENS trump -> cartels): quote "Trump threatened Mexico" is not in the document text`},
		{"no quotes", func(in *ingest.Input) { in.Relations[0].Quotes = nil }, newsgraph.Invalid, `relations[0] (REJECTS sheinbaum -> intervention): no quotes`},
		{"blank quote", func(in *ingest.Input) { in.Relations[0].Quotes = []string{" "} }, newsgraph.Invalid, `relations[0] (REJECTS sheinbaum -> intervention): quotes[0] is empty`},
		{"dangling ref", func(in *ingest.Input) { in.Relations[1].To = "usa" }, newsgraph.Invalid, `relations[1] (COOPERATES_WITH sheinbaum -> usa): to "usa" names no ref of this input and is not an entity id`},
		{"absent entity id", func(in *ingest.Input) { in.Relations[8].To = "organization:nowhere" }, newsgraph.Invalid, `relations[8] (HOLDS_OFFICE rubio -> organization:nowhere): to "organization:nowhere" names no ref of this input and no existing entity`},
		{"bad confidence", func(in *ingest.Input) { in.Relations[5].Confidence = 1.5 }, newsgraph.Invalid, `relations[5] (REJECTS amlo -> foreign-intervention): confidence must be in (0, 1]`},
		{"valid to before from", func(in *ingest.Input) { in.Relations[7].ValidTo = newsgraph.MustParseDate("2025-01-01") }, newsgraph.Invalid, `relations[7] (TOLD harfuch -> rubio): validTo (2025-01-01) is before validFrom (2025-11-19)`},
		{"no title", func(in *ingest.Input) { in.Document.Title = "" }, newsgraph.Invalid, `document: title is empty`},
		{"no date", func(in *ingest.Input) { in.Document.PublishedAt = newsgraph.Date{} }, newsgraph.Invalid, `document: publishedAt is missing`},
		{"no text", func(in *ingest.Input) { in.Document.Text = "" }, newsgraph.Invalid, `document: text is empty`},
		{"malformed document id", func(in *ingest.Input) { in.Document.ID = "article 2" }, newsgraph.Invalid, `document: id "article 2" is malformed`},
		{"stored document with another text", func(in *ingest.Input) { in.Document.ID = "doc:9e9124713ed057f1" }, newsgraph.Invalid, `document: doc:9e9124713ed057f1 exists with a different text`},
		{"relations without document", func(in *ingest.Input) { in.Document = ingest.DocumentInput{} }, newsgraph.Invalid, `document: missing, but relations need a document`},
		{"too many entities", func(in *ingest.Input) { in.Entities = make([]ingest.EntityInput, ingest.MaxEntities+1) }, newsgraph.LimitExceeded, `entities: at most 2000 entities`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := secondArticle(t)
			tc.change(&in)
			_, err := svc.Ingest(t.Context(), in)
			if got := newsgraph.ErrorCode(err); got != tc.code {
				t.Fatalf("code = %q (err %v), want %q", got, err, tc.code)
			}
			if msg := newsgraph.ErrorMessage(err); !strings.Contains(msg, tc.want) {
				t.Errorf("message = %q, want it to contain %q", msg, tc.want)
			}
			if got := mustStats(t, s); !reflect.DeepEqual(got, before) {
				t.Errorf("stats after a rejected ingest = %+v, want %+v", got, before)
			}
		})
	}
}

func TestDecodeInputRejectsUnknownFieldsAndTrailingData(t *testing.T) {
	for _, tc := range []struct{ name, json, want string }{
		{"unknown field", `{"document":{"titel":"x"}}`, `unknown field "titel"`},
		{"trailing data", `{} {}`, "unexpected data after the object"},
		{"syntax", `{"document":`, "invalid JSON"},
		{"bad date", `{"document":{"publishedAt":"18 Nov"}}`, `invalid date "18 Nov"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ingest.DecodeInput([]byte(tc.json))
			if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
				t.Fatalf("code = %q (err %v), want %q", got, err, want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to contain %q", err, tc.want)
			}
		})
	}
}
