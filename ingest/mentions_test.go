package ingest_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/instrument"
)

func TestIngestRecordsEveryListedEntityAsMentioned(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	in := secondArticle(t)
	res := mustIngest(t, svc, in)
	docID := res.Document.ID
	got, err := s.MentionsIn(t.Context(), []string{docID})
	if err != nil {
		t.Fatalf("MentionsIn: %v", err)
	}
	byEntity := map[string][]newsgraph.Span{}
	for _, m := range got[docID] {
		byEntity[m.EntityID] = m.Spans
	}
	listed := map[string]bool{}
	for _, e := range append(res.Created, res.Matched...) {
		listed[e.ID] = true
	}
	if len(byEntity) != len(listed) {
		t.Errorf("the article records %d mentions, want one per listed entity, %d: %v", len(byEntity), len(listed), got[docID])
	}
	text := utf16.Encode([]rune(in.Document.Text))
	for _, tc := range []struct {
		id   string
		want []string // the text of each span
	}{
		// The input's name, as the text spells it, and her stored
		// aliases; a match inside a longer one is left out.
		{"person:claudia-sheinbaum", []string{"The Mexican president Claudia Sheinbaum", "Sheinbaum", "Sheinbaum"}},
		{"person:omar-garcia-harfuch", []string{"Omar García Harfuch", "García Harfuch"}},
		{"organization:mexican-security-cabinet", []string{"Mexican Security Cabinet"}},
	} {
		spans, ok := byEntity[tc.id]
		if !ok {
			t.Errorf("%s is not mentioned by the article", tc.id)
			continue
		}
		var texts []string
		for _, sp := range spans {
			texts = append(texts, string(utf16.Decode(text[sp.Start:sp.End])))
		}
		if !reflect.DeepEqual(texts, tc.want) {
			t.Errorf("spans of %s name %q, want %q", tc.id, texts, tc.want)
		}
	}
	docs, err := s.DocumentIDsMentioning(t.Context(), []string{"organization:mexican-security-cabinet"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(docs["organization:mexican-security-cabinet"], []string{docID}) {
		t.Errorf("documents mentioning the security cabinet = %v, want %s", docs, docID)
	}

	// Ingesting again writes nothing, mentions included.
	var upserts int
	counted := instrument.Store(s, instrument.ObserverFunc(func(ctx context.Context, op string) (context.Context, func(error)) {
		if op == "Upsert" {
			upserts++
		}
		return ctx, func(error) {}
	}))
	if _, err := ingest.New(counted).Ingest(t.Context(), in); err != nil {
		t.Fatalf("Ingest again: %v", err)
	}
	if upserts != 0 {
		t.Errorf("ingesting the same article again made %d Upserts, want 0", upserts)
	}
}

func TestIngestTakesGivenSpansAndRefusesBadOnes(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	text := "Rubio met reporters."
	for i, tc := range []struct {
		name        string
		id          string
		spans, want []newsgraph.Span
		ok          bool
	}{
		{"given", "person:marco-rubio", []newsgraph.Span{{Start: 6, End: 9}}, []newsgraph.Span{{Start: 6, End: 9}}, true},
		{"found from the names", "person:marco-rubio", nil, []newsgraph.Span{{Start: 0, End: 5}}, true},
		{"named nowhere", "person:donald-trump", nil, nil, true},
		{"past the text", "person:marco-rubio", []newsgraph.Span{{Start: 15, End: 21}}, nil, false},
		{"empty", "person:marco-rubio", []newsgraph.Span{{Start: 2, End: 2}}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := ingest.Input{
				Document: ingest.DocumentInput{ID: fmt.Sprintf("doc:spans-%d", i), Title: "Spans", PublishedAt: newsgraph.MustParseDate("2025-11-21"), Text: text},
				Entities: []ingest.EntityInput{{Ref: "e", ID: tc.id, Kind: newsgraph.KindPerson, Name: "Someone", Spans: tc.spans}},
			}
			_, err := svc.Ingest(t.Context(), in)
			if !tc.ok {
				if newsgraph.ErrorCode(err) != newsgraph.Invalid {
					t.Fatalf("Ingest with spans %v: err %v, want Invalid", tc.spans, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Ingest: %v", err)
			}
			got, err := s.MentionsIn(t.Context(), []string{in.Document.ID})
			if err != nil {
				t.Fatal(err)
			}
			want := []newsgraph.Mention{{DocumentID: in.Document.ID, EntityID: tc.id, Spans: tc.want}}
			if !reflect.DeepEqual(got[in.Document.ID], want) {
				t.Errorf("mentions = %v, want %v", got[in.Document.ID], want)
			}
		})
	}
}
