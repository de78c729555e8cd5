package ingest_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/seed"
)

func TestUpsertEntityCreatesThenPatches(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)

	e, created, err := svc.UpsertEntity(t.Context(), ingest.EntityInput{Kind: newsgraph.KindPerson, Name: "Omar García Harfuch"})
	if err != nil || !created || e.ID != "person:omar-garcia-harfuch" {
		t.Fatalf("UpsertEntity new = %+v, %v, %v; want created person:omar-garcia-harfuch", e, created, err)
	}

	e, created, err = svc.UpsertEntity(t.Context(), ingest.EntityInput{Kind: newsgraph.KindPerson, Name: "President Trump", Aliases: []string{"Mr Trump"}, Description: "US president."})
	if err != nil || created {
		t.Fatalf("UpsertEntity existing: created %v, err %v; want matched", created, err)
	}
	if e.ID != "person:donald-trump" || e.Name != "Donald Trump" || e.Description != "US president." || !slices.Contains(e.Aliases, "Mr Trump") {
		t.Errorf("patched entity = %+v, want name kept, description replaced, alias added", e)
	}
	if got := mustEntity(t, s, "person:donald-trump"); got.Description != "US president." {
		t.Errorf("stored description = %q, want the patched one", got.Description)
	}

	e, _, err = svc.UpsertEntity(t.Context(), ingest.EntityInput{ID: "person:marco-rubio", Kind: newsgraph.KindPerson, Name: "Marco Antonio Rubio"})
	if err != nil || e.Name != "Marco Antonio Rubio" || !slices.Contains(e.Aliases, "Marco Rubio") {
		t.Errorf("rename by id = %+v, %v; want the new name and the old one as an alias", e, err)
	}

	_, _, err = svc.UpsertEntity(t.Context(), ingest.EntityInput{Kind: newsgraph.KindEvent, Name: "x", Place: "place:atlantis"})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
		t.Errorf("place that does not exist: code %q (%v), want %q", got, err, want)
	}
}

func TestUpsertRelation(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	const quote = "Mexican President Claudia Sheinbaum"
	in := ingest.RelationInput{Type: "LEADS", From: "person:claudia-sheinbaum", To: "place:mexico", Confidence: 0.9, Quotes: []string{quote}}

	res, err := svc.UpsertRelation(t.Context(), seed.DocumentID, in)
	if err != nil || !res.Created || res.Corroborated {
		t.Fatalf("UpsertRelation new: %+v, err %v; want it created", res, err)
	}
	r := res.Relation
	b, err := seed.Batch()
	if err != nil {
		t.Fatal(err)
	}
	text := b.Documents[0].Text
	start := utf8.RuneCountInString(text[:strings.Index(text, quote)]) // character offsets
	if got, want := r.Evidence, []newsgraph.Evidence{{Quote: quote, DocumentID: seed.DocumentID, Start: start, End: start + len(quote)}}; !slices.Equal(got, want) {
		t.Errorf("evidence = %v, want %v", got, want)
	}

	in.Quotes, in.Confidence = nil, 0.5
	res, err = svc.UpsertRelation(t.Context(), "", in)
	r = res.Relation
	if err != nil || res.Created || res.Corroborated || r.Confidence != 0.5 || len(r.Evidence) != 1 {
		t.Errorf("UpsertRelation fields only = %+v, err %v; want confidence 0.5, the evidence kept, neither created nor corroborated", res, err)
	}
	if got := mustRelation(t, s, r.ID); got.Confidence != 0.5 {
		t.Errorf("stored confidence = %v, want 0.5", got.Confidence)
	}

	for _, tc := range []struct {
		name  string
		docID string
		in    ingest.RelationInput
		want  string
	}{
		{"quote not in document", seed.DocumentID, ingest.RelationInput{Type: "LEADS", From: "person:donald-trump", To: "place:mexico", Quotes: []string{"not there"}}, `quote "not there" is not in the document text`},
		{"new without quotes", "", ingest.RelationInput{Type: "LEADS", From: "person:donald-trump", To: "place:mexico"}, "a new relation needs at least one quote"},
		{"absent document", "doc:nope", ingest.RelationInput{Type: "LEADS", From: "person:donald-trump", To: "place:mexico", Quotes: []string{"x"}}, `document "doc:nope" does not exist`},
		{"absent end", seed.DocumentID, ingest.RelationInput{Type: "LEADS", From: "person:nobody", To: "place:mexico", Quotes: []string{quote}}, `from "person:nobody" names no existing entity`},
		{"ref instead of id", seed.DocumentID, ingest.RelationInput{Type: "LEADS", From: "trump", To: "place:mexico", Quotes: []string{quote}}, `"trump" is not an entity id`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.UpsertRelation(t.Context(), tc.docID, tc.in)
			if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
				t.Fatalf("code = %q (%v), want %q", got, err, want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to contain %q", err, tc.want)
			}
		})
	}
}
