package newsgraph_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph"
)

const articleText = "President Claudia Sheinbaum rejected the designation of the cartels as terrorist organisations. " +
	"She spoke at a press conference in Mexico City on Thursday."

// newBatch returns a fresh, normalised, valid batch whose every reference
// resolves inside it.
func newBatch(tb testing.TB) *newsgraph.Batch {
	tb.Helper()
	b := &newsgraph.Batch{
		Documents: []*newsgraph.Document{{
			ID: "doc:article-1", Title: "Mexico rejects designation", Text: articleText,
			PublishedAt: newsgraph.MustParseDate("2025-02-20"), Source: "Example News",
		}},
		Entities: []*newsgraph.Entity{
			{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum", Roles: []string{"President of Mexico"}},
			{ID: "place:mexico-city", Kind: newsgraph.KindPlace, Name: "Mexico City"},
			{ID: "legal-concept:fto", Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization", Jurisdiction: "US domestic law"},
			{ID: "event:press-conference", Kind: newsgraph.KindEvent, Name: "Press conference", PlaceID: "place:mexico-city",
				StartDate: newsgraph.MustParseDate("2025-02-20"), EndDate: newsgraph.MustParseDate("2025-02-20")},
			{ID: "claim:cartels-are-terrorists", Kind: newsgraph.KindClaim, Name: "Cartels are terrorist organisations",
				ClaimantID: "person:claudia-sheinbaum", Verdict: newsgraph.VerdictDisputed},
		},
		Relations: []*newsgraph.Relation{
			{Type: "REJECTS", From: "person:claudia-sheinbaum", To: "legal-concept:fto",
				Evidence: []newsgraph.Evidence{{Quote: "rejected the designation", DocumentID: "doc:article-1"}}},
			{Type: "SPOKE_AT", From: "person:claudia-sheinbaum", To: "event:press-conference", Confidence: 0.9,
				ValidFrom: newsgraph.MustParseDate("2025-02-20"), ValidTo: newsgraph.MustParseDate("2025-02-20"),
				Evidence: []newsgraph.Evidence{{Quote: "She spoke at a press conference", DocumentID: "doc:article-1"}}},
		},
	}
	b.Normalize()
	wantNoError(tb, b.Validate())
	return b
}

func TestNormalize(t *testing.T) {
	ev := func(q string) newsgraph.Evidence { return newsgraph.Evidence{Quote: q, DocumentID: "doc:a"} }
	b := &newsgraph.Batch{Relations: []*newsgraph.Relation{
		{ID: "stale", Type: "REJECTS", From: "person:a", To: "person:b", Evidence: []newsgraph.Evidence{ev("x"), ev("y"), ev("x"), ev("y"), ev("z")}},
		nil,
		{Type: "SUPPORTS", From: "person:b", To: "person:a", Confidence: 0.25, Evidence: []newsgraph.Evidence{ev("x"), {Quote: "x", DocumentID: "doc:b"}}},
	}}
	b.Normalize()
	r0, r2 := b.Relations[0], b.Relations[2]
	if got, want := r0.ID, "person:a|REJECTS|person:b"; got != want {
		t.Errorf("relations[0].ID = %q, want %q", got, want)
	}
	if got, want := r2.ID, "person:b|SUPPORTS|person:a"; got != want {
		t.Errorf("relations[2].ID = %q, want %q", got, want)
	}
	if got, want := r0.Confidence, 1.0; got != want {
		t.Errorf("relations[0].Confidence = %v, want %v (the default)", got, want)
	}
	if got, want := r2.Confidence, 0.25; got != want {
		t.Errorf("relations[2].Confidence = %v, want %v (kept)", got, want)
	}
	wantEvidence(t, r0.Evidence, []newsgraph.Evidence{ev("x"), ev("y"), ev("z")})
	wantEvidence(t, r2.Evidence, []newsgraph.Evidence{ev("x"), {Quote: "x", DocumentID: "doc:b"}})
	if b.Relations[1] != nil {
		t.Errorf("relations[1] = %+v, want nil left alone", b.Relations[1])
	}
}

func TestNormalizeIsIdempotent(t *testing.T) {
	b := newBatch(t)
	before := *b.Relations[1]
	b.Normalize()
	after := *b.Relations[1]
	if before.ID != after.ID || before.Confidence != after.Confidence || len(before.Evidence) != len(after.Evidence) {
		t.Errorf("second Normalize changed %+v to %+v", before, after)
	}
}

// wantEvidence fails tb unless got and want list the same evidence in order.
func wantEvidence(tb testing.TB, got, want []newsgraph.Evidence) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Errorf("evidence = %+v, want %+v", got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			tb.Errorf("evidence = %+v, want %+v", got, want)
			return
		}
	}
}

// manyEvidence returns quotes lo to hi-1 of one document.
func manyEvidence(lo, hi int) []newsgraph.Evidence {
	var out []newsgraph.Evidence
	for i := lo; i < hi; i++ {
		out = append(out, newsgraph.Evidence{Quote: fmt.Sprintf("quote %d", i), DocumentID: "doc:a"})
	}
	return out
}

func TestUnionEvidence(t *testing.T) {
	a1 := newsgraph.Evidence{Quote: "one", DocumentID: "doc:a"}
	a2 := newsgraph.Evidence{Quote: "two", DocumentID: "doc:a"}
	b1 := newsgraph.Evidence{Quote: "one", DocumentID: "doc:b"}
	tests := []struct {
		name string
		a, b []newsgraph.Evidence
		want []newsgraph.Evidence
	}{
		{"both empty", nil, nil, nil},
		{"b appended after a", []newsgraph.Evidence{a2}, []newsgraph.Evidence{a1, b1}, []newsgraph.Evidence{a2, a1, b1}},
		{"items of b already in a dropped", []newsgraph.Evidence{a1, a2}, []newsgraph.Evidence{a2, b1, a1}, []newsgraph.Evidence{a1, a2, b1}},
		{"duplicates within a list dropped", []newsgraph.Evidence{a1, a1}, []newsgraph.Evidence{b1, b1}, []newsgraph.Evidence{a1, b1}},
		{"same quote from another document kept", []newsgraph.Evidence{a1}, []newsgraph.Evidence{b1}, []newsgraph.Evidence{a1, b1}},
		{"many items", manyEvidence(0, 12), manyEvidence(6, 20), manyEvidence(0, 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := append([]newsgraph.Evidence(nil), tt.a...)
			wantEvidence(t, newsgraph.UnionEvidence(tt.a, tt.b), tt.want)
			wantEvidence(t, tt.a, a) // a is not modified
		})
	}
}

func TestBatchValidateAcceptsEmpty(t *testing.T) {
	wantNoError(t, (&newsgraph.Batch{}).Validate())
}

func TestBatchValidate(t *testing.T) {
	type change = func(b *newsgraph.Batch)
	date := newsgraph.MustParseDate
	tests := []struct {
		name   string
		change change
		parts  []string
	}{
		{"null document", func(b *newsgraph.Batch) { b.Documents = append(b.Documents, nil) },
			[]string{"documents[1]", "null"}},
		{"malformed document id", func(b *newsgraph.Batch) { b.Documents[0].ID = "doc:Article 1" },
			[]string{"documents[0]", `"doc:Article 1"`}},
		{"document without title", func(b *newsgraph.Batch) { b.Documents[0].Title = " " },
			[]string{"documents[0]", "doc:article-1", "title"}},
		{"document without text", func(b *newsgraph.Batch) { b.Documents[0].Text = "" },
			[]string{"documents[0]", "doc:article-1", "text"}},
		{"duplicate document", func(b *newsgraph.Batch) { d := *b.Documents[0]; b.Documents = append(b.Documents, &d) },
			[]string{"documents[1]", "duplicate", "doc:article-1"}},
		{"null entity", func(b *newsgraph.Batch) { b.Entities[2] = nil },
			[]string{"entities[2]", "null"}},
		{"unknown kind", func(b *newsgraph.Batch) { b.Entities[0].Kind = "HUMAN" },
			[]string{"entities[0]", "person:claudia-sheinbaum", `"HUMAN"`}},
		{"malformed entity id", func(b *newsgraph.Batch) { b.Entities[0].ID = "person:Claudia" },
			[]string{"entities[0]", `"person:Claudia"`, "person:<lower-case-slug>"}},
		{"id of another kind", func(b *newsgraph.Batch) { b.Entities[1].Kind = newsgraph.KindPerson },
			[]string{"entities[1]", `"place:mexico-city"`, `"person:"`}},
		{"entity without name", func(b *newsgraph.Batch) { b.Entities[1].Name = "\t" },
			[]string{"entities[1]", "place:mexico-city", "name"}},
		{"event ends before it starts", func(b *newsgraph.Batch) { b.Entities[3].EndDate = date("2025-02-19") },
			[]string{"entities[3]", "event:press-conference", "2025-02-19", "2025-02-20"}},
		{"place id of another kind", func(b *newsgraph.Batch) { b.Entities[3].PlaceID = "person:claudia-sheinbaum" },
			[]string{"entities[3]", "event:press-conference", `"person:claudia-sheinbaum"`}},
		{"malformed place id", func(b *newsgraph.Batch) { b.Entities[3].PlaceID = "place:Mexico City" },
			[]string{"entities[3]", "event:press-conference", `"place:Mexico City"`}},
		{"malformed claimant id", func(b *newsgraph.Batch) { b.Entities[4].ClaimantID = "claudia" },
			[]string{"entities[4]", "claim:cartels-are-terrorists", `"claudia"`}},
		{"too many aliases", func(b *newsgraph.Batch) {
			for i := range newsgraph.MaxNamesPerEntity + 1 {
				b.Entities[0].Aliases = append(b.Entities[0].Aliases, fmt.Sprintf("Alias %d", i))
			}
		}, []string{"entities[0]", "101 aliases", "at most 100"}},
		{"too many roles", func(b *newsgraph.Batch) {
			for i := range newsgraph.MaxNamesPerEntity + 1 {
				b.Entities[0].Roles = append(b.Entities[0].Roles, fmt.Sprintf("Role %d", i))
			}
		}, []string{"entities[0]", "102 roles", "at most 100"}},
		{"duplicate entity", func(b *newsgraph.Batch) { e := *b.Entities[1]; b.Entities = append(b.Entities, &e) },
			[]string{"entities[5]", "duplicate", "place:mexico-city"}},
		{"null relation", func(b *newsgraph.Batch) { b.Relations[1] = nil },
			[]string{"relations[1]", "null"}},
		{"lower-case type", func(b *newsgraph.Batch) { b.Relations[0].Type = "rejects"; b.Normalize() },
			[]string{"relations[0]", "person:claudia-sheinbaum|rejects|legal-concept:fto", `"rejects"`, "UPPER_SNAKE_CASE"}},
		{"malformed from", func(b *newsgraph.Batch) { b.Relations[0].From = "Claudia"; b.Normalize() },
			[]string{"relations[0]", "Claudia|REJECTS|legal-concept:fto", `from "Claudia"`}},
		{"malformed to", func(b *newsgraph.Batch) { b.Relations[0].To = ""; b.Normalize() },
			[]string{"relations[0]", "person:claudia-sheinbaum|REJECTS|", `to ""`}},
		{"id not normalised", func(b *newsgraph.Batch) { b.Relations[1].ID = "r1" },
			[]string{"relations[1]", `"r1"`, "person:claudia-sheinbaum|SPOKE_AT|event:press-conference"}},
		{"confidence above 1", func(b *newsgraph.Batch) { b.Relations[1].Confidence = 1.5 },
			[]string{"relations[1]", "person:claudia-sheinbaum|SPOKE_AT|event:press-conference", "(0, 1]", "1.5"}},
		{"negative confidence", func(b *newsgraph.Batch) { b.Relations[1].Confidence = -0.1 },
			[]string{"relations[1]", "SPOKE_AT", "(0, 1]", "-0.1"}},
		{"NaN confidence", func(b *newsgraph.Batch) { b.Relations[1].Confidence = math.NaN() },
			[]string{"relations[1]", "SPOKE_AT", "NaN"}},
		{"validTo before validFrom", func(b *newsgraph.Batch) { b.Relations[1].ValidTo = date("2025-01-01") },
			[]string{"relations[1]", "SPOKE_AT", "2025-01-01", "2025-02-20"}},
		{"no evidence", func(b *newsgraph.Batch) { b.Relations[0].Evidence = nil },
			[]string{"relations[0]", "person:claudia-sheinbaum|REJECTS|legal-concept:fto", "no evidence"}},
		{"empty quote", func(b *newsgraph.Batch) { b.Relations[0].Evidence[0].Quote = "  " },
			[]string{"relations[0]", "REJECTS", "evidence[0]", "empty quote"}},
		{"malformed evidence document id", func(b *newsgraph.Batch) {
			b.Relations[0].Evidence = append(b.Relations[0].Evidence, newsgraph.Evidence{Quote: "x", DocumentID: "article-1"})
		}, []string{"relations[0]", "REJECTS", "evidence[1]", `"article-1"`}},
		{"quote not verbatim", func(b *newsgraph.Batch) { b.Relations[0].Evidence[0].Quote = "Rejected the designation" },
			[]string{"relations[0]", "REJECTS", "evidence[0]", `"Rejected the designation"`, "verbatim", "doc:article-1"}},
		{"quote of punctuation only", func(b *newsgraph.Batch) { b.Relations[0].Evidence[0].Quote = "." },
			[]string{"relations[0]", "REJECTS", "evidence[0]", "no letter or digit"}},
		{"quote of a zero-width space", func(b *newsgraph.Batch) { b.Relations[0].Evidence[0].Quote = "\u200b" },
			[]string{"relations[0]", "REJECTS", "evidence[0]", "no letter or digit"}},
		{"NUL in a name", func(b *newsgraph.Batch) { b.Entities[0].Name = "Claudia\x00Sheinbaum" },
			[]string{"entities[0]", "person:claudia-sheinbaum", "name", "U+0000"}},
		{"bidi override in an alias", func(b *newsgraph.Batch) { b.Entities[0].Aliases = []string{"\u202eabmuabniehS"} },
			[]string{"entities[0]", "aliases[0]", "U+202E"}},
		{"line feed in a role", func(b *newsgraph.Batch) { b.Entities[0].Roles = []string{"President\nof Mexico"} },
			[]string{"entities[0]", "roles[0]", "U+000A"}},
		{"escape in a description", func(b *newsgraph.Batch) { b.Entities[0].Description = "\x1b[31mred" },
			[]string{"entities[0]", "description", "U+001B"}},
		{"control character in a title", func(b *newsgraph.Batch) { b.Documents[0].Title = "Mexico\x07rejects" },
			[]string{"documents[0]", "title", "U+0007"}},
		{"bidi isolate in a source", func(b *newsgraph.Batch) { b.Documents[0].Source = "News\u2066" },
			[]string{"documents[0]", "source", "U+2066"}},
		{"NUL in a document's text", func(b *newsgraph.Batch) { b.Documents[0].Text += "\x00" },
			[]string{"documents[0]", "text", "U+0000"}},
		{"invalid UTF-8 in a name", func(b *newsgraph.Batch) { b.Entities[1].Name = "Mexico \xff City" },
			[]string{"entities[1]", "name", "UTF-8"}},
		{"duplicate relation", func(b *newsgraph.Batch) {
			r := *b.Relations[0]
			r.Evidence = []newsgraph.Evidence{{Quote: "terrorist organisations", DocumentID: "doc:article-1"}}
			b.Relations = append(b.Relations, &r)
		}, []string{"relations[2]", "duplicate", "person:claudia-sheinbaum|REJECTS|legal-concept:fto"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBatch(t)
			tt.change(b)
			err := b.Validate()
			wantErrorCode(t, err, newsgraph.Invalid, tt.parts...)
			if got, want := err.Error(), "upsert: "; len(got) < len(want) || got[:len(want)] != want {
				t.Errorf("Error() = %q, want prefix %q", got, want)
			}
		})
	}
}

func TestBatchValidateAcceptsWhatTextNeeds(t *testing.T) {
	tests := []struct {
		name   string
		change func(b *newsgraph.Batch)
	}{
		{"line breaks and tabs in a document's text", func(b *newsgraph.Batch) { b.Documents[0].Text += "\n\tSecond paragraph.\r\n" }},
		{"right-to-left marks in a name", func(b *newsgraph.Batch) { b.Entities[0].Aliases = []string{"\u200fשיינבאום"} }},
		{"bidi isolates in a document's text", func(b *newsgraph.Batch) { b.Documents[0].Text += " \u2067עברית\u2069" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBatch(t)
			tt.change(b)
			wantNoError(t, b.Validate())
		})
	}
}

func TestBatchValidateLeavesOutsideQuotesToCheckReferences(t *testing.T) {
	b := newBatch(t)
	b.Relations[0].Evidence = append(b.Relations[0].Evidence, newsgraph.Evidence{Quote: "not in any batch document", DocumentID: "doc:elsewhere"})
	wantNoError(t, b.Validate())
}

func TestBatchReferences(t *testing.T) {
	b := newBatch(t)
	gotEntities, gotDocs := b.References()
	wantStrings(t, "entity references of a closed batch", gotEntities, nil)
	wantStrings(t, "document references of a closed batch", gotDocs, nil)

	b.Entities = b.Entities[:1] // keep only Claudia Sheinbaum
	b.Entities = append(b.Entities,
		&newsgraph.Entity{ID: "event:summit", Kind: newsgraph.KindEvent, Name: "Summit", PlaceID: "place:washington"},
		&newsgraph.Entity{ID: "claim:x", Kind: newsgraph.KindClaim, Name: "X", ClaimantID: "person:donald-trump"},
		nil,
	)
	b.Relations = append(b.Relations,
		&newsgraph.Relation{Type: "MET", From: "person:donald-trump", To: "person:claudia-sheinbaum",
			Evidence: []newsgraph.Evidence{{Quote: "a", DocumentID: "doc:older"}, {Quote: "b", DocumentID: "doc:article-1"}, {Quote: "c", DocumentID: "doc:older"}}},
		nil,
		&newsgraph.Relation{Type: "ATTENDED", From: "person:claudia-sheinbaum", To: "event:summit",
			Evidence: []newsgraph.Evidence{{Quote: "d", DocumentID: "doc:oldest"}}},
	)
	b.Documents = append(b.Documents, nil)
	gotEntities, gotDocs = b.References()
	wantStrings(t, "entity references", gotEntities,
		[]string{"place:washington", "person:donald-trump", "legal-concept:fto", "event:press-conference"})
	wantStrings(t, "document references", gotDocs, []string{"doc:older", "doc:oldest"})
}

func TestBatchCheckReferences(t *testing.T) {
	stored := func() (map[string]*newsgraph.Entity, map[string]*newsgraph.Document) {
		return map[string]*newsgraph.Entity{
				"person:donald-trump": {ID: "person:donald-trump", Kind: newsgraph.KindPerson, Name: "Donald Trump"},
				"place:washington":    {ID: "place:washington", Kind: newsgraph.KindPlace, Name: "Washington"},
			}, map[string]*newsgraph.Document{
				"doc:older": {ID: "doc:older", Title: "Older", Text: "Trump designated the cartels."},
			}
	}
	ev := func(quote, doc string) []newsgraph.Evidence {
		return []newsgraph.Evidence{{Quote: "rejected", DocumentID: "doc:article-1"}, {Quote: quote, DocumentID: doc}}
	}
	tests := []struct {
		name   string
		change func(b *newsgraph.Batch)
		parts  []string // nil: CheckReferences must accept the batch
	}{
		{"closed batch", func(*newsgraph.Batch) {}, nil},
		{"ends and documents in the store", func(b *newsgraph.Batch) {
			b.Entities[3].PlaceID = "place:washington"
			b.Entities[4].ClaimantID = "person:donald-trump"
			b.Relations[0].From = "person:donald-trump"
			b.Relations[0].Evidence = ev("designated the cartels", "doc:older")
		}, nil},
		{"missing place", func(b *newsgraph.Batch) { b.Entities[3].PlaceID = "place:nowhere" },
			[]string{"entities[3]", "event:press-conference", `"place:nowhere"`, "does not exist"}},
		{"missing claimant", func(b *newsgraph.Batch) { b.Entities[4].ClaimantID = "person:nobody" },
			[]string{"entities[4]", "claim:cartels-are-terrorists", `"person:nobody"`, "does not exist"}},
		{"dangling from", func(b *newsgraph.Batch) { b.Relations[1].From = "person:nobody"; b.Normalize() },
			[]string{"relations[1]", "person:nobody|SPOKE_AT|event:press-conference", `from entity "person:nobody"`}},
		{"dangling to", func(b *newsgraph.Batch) { b.Relations[0].To = "legal-concept:nothing"; b.Normalize() },
			[]string{"relations[0]", "person:claudia-sheinbaum|REJECTS|legal-concept:nothing", `to entity "legal-concept:nothing"`}},
		{"missing document", func(b *newsgraph.Batch) { b.Relations[0].Evidence = ev("x", "doc:missing") },
			[]string{"relations[0]", "REJECTS", "evidence[1]", `"doc:missing"`, "does not exist"}},
		{"quote not in stored document", func(b *newsgraph.Batch) { b.Relations[0].Evidence = ev("Trump designated the Cartels", "doc:older") },
			[]string{"relations[0]", "REJECTS", "evidence[1]", `"Trump designated the Cartels"`, "verbatim", "doc:older"}},
		{"null items skipped", func(b *newsgraph.Batch) {
			b.Documents = append(b.Documents, nil)
			b.Entities = append(b.Entities, nil)
			b.Relations = append(b.Relations, nil)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBatch(t)
			tt.change(b)
			entities, docs := stored()
			err := b.CheckReferences(entities, docs)
			if tt.parts == nil {
				wantNoError(t, err)
				return
			}
			wantErrorCode(t, err, newsgraph.Invalid, tt.parts...)
		})
	}
}
