package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/countstore"
)

// mentionedChain is chainBatch with every person mentioned by both chain
// documents, where its name occurs.
func mentionedChain(n int) newsgraph.Batch {
	b := chainBatch(n)
	for _, d := range b.Documents {
		for _, e := range b.Entities {
			b.Mentions = append(b.Mentions, newsgraph.Mention{DocumentID: d.ID, EntityID: e.ID, Spans: newsgraph.FindSpans(d.Text, []string{e.Name})})
		}
	}
	return b
}

// TestDocumentMentionsAreBatched checks that the mentions of every
// document of a page, with their entities, cost one MentionsIn and one
// EntitiesByID call, whatever the number of documents and mentions.
func TestDocumentMentionsAreBatched(t *testing.T) {
	const people = 60
	s := openStore(t)
	upsert(t, s, mentionedChain(people))
	counting := countstore.New(s)
	a := serve(t, counting, graph.Config{})
	for _, first := range []int{5, 80} {
		t.Run(fmt.Sprint(first), func(t *testing.T) {
			counting.Reset()
			resp := a.post(t, `query($first: Int) { documents { edges { node { id mentions(first: $first) { entity { id name } spans { start end } } } } } }`, map[string]any{"first": first})
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			var data struct {
				Documents struct {
					Edges []struct {
						Node struct {
							Mentions []struct {
								Entity struct{ ID, Name string }
								Spans  []newsgraph.Span
							}
						}
					}
				}
			}
			if err := json.Unmarshal(resp.Data, &data); err != nil {
				t.Fatal(err)
			}
			if got := len(data.Documents.Edges); got != 2 {
				t.Fatalf("%d documents, want 2", got)
			}
			if got, want := len(data.Documents.Edges[0].Node.Mentions), min(first, people+1); got != want {
				t.Errorf("%d mentions listed, want %d", got, want)
			}
			if m := data.Documents.Edges[0].Node.Mentions[0]; m.Entity.ID != "person:p000" || len(m.Spans) != 1 || m.Spans[0] != (newsgraph.Span{Start: 0, End: 4}) {
				t.Errorf("first mention = %+v, want person:p000 at [0, 4)", m)
			}
			n, summary := counting.Total()
			if n > 3 || counting.Calls("MentionsIn") != 1 {
				t.Errorf("%d store calls (%s), want 3: Documents, MentionsIn, EntitiesByID", n, summary)
			}
		})
	}
}

// TestEntityDocumentsIncludeMentions checks that Entity.documents lists a
// document that only mentions the entity, and that Document.mentions of
// the seed article names its entities where the text does.
func TestEntityDocumentsIncludeMentions(t *testing.T) {
	s := openStore(t)
	if err := seed.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	upsert(t, s, newsgraph.Batch{
		Documents: []*newsgraph.Document{{ID: "doc:aside", Title: "An aside", Text: "Marco Rubio was travelling."}},
		Mentions:  []newsgraph.Mention{{DocumentID: "doc:aside", EntityID: "person:marco-rubio", Spans: []newsgraph.Span{{Start: 0, End: 11}}}},
	})
	a := serve(t, s, graph.Config{})
	resp := a.post(t, `{ entity(id: "person:marco-rubio") { documents { id } }
		document(id: "`+seed.DocumentID+`") { mentions(first: 500) { entity { id } spans { start end } } } }`, nil)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	var data struct {
		Entity   struct{ Documents []struct{ ID string } }
		Document struct {
			Mentions []struct {
				Entity struct{ ID string }
				Spans  []newsgraph.Span
			}
		}
	}
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, d := range data.Entity.Documents {
		docs = append(docs, d.ID)
	}
	if want := []string{"doc:9e9124713ed057f1", "doc:aside"}; fmt.Sprint(docs) != fmt.Sprint(want) {
		t.Errorf("Rubio's documents = %v, want %v", docs, want)
	}
	b, err := seed.Batch()
	if err != nil {
		t.Fatal(err)
	}
	text := utf16.Encode([]rune(b.Documents[0].Text))
	found := false
	for _, m := range data.Document.Mentions {
		if m.Entity.ID != "person:claudia-sheinbaum" {
			continue
		}
		found = len(m.Spans) > 0
		for _, sp := range m.Spans {
			if got := newsgraph.Fold(string(utf16.Decode(text[sp.Start:sp.End]))); got != "sheinbaum" && got != "claudia sheinbaum" && got != "president sheinbaum" {
				t.Errorf("a span of Sheinbaum spells %q", string(utf16.Decode(text[sp.Start:sp.End])))
			}
		}
	}
	if !found {
		t.Errorf("the seed article does not mention Sheinbaum with spans: %+v", data.Document.Mentions)
	}
	if got := len(data.Document.Mentions); got != len(b.Entities) {
		t.Errorf("the seed article lists %d mentions, want one per seed entity, %d", got, len(b.Entities))
	}
}

// TestIngestDocumentTakesSpans checks that ingestDocument records the
// spans an entity input gives, finds them when it gives none, and refuses
// spans outside the text.
func TestIngestDocumentTakesSpans(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	const ingest = `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { id mentions { entity { id } spans { start end } } } } }`
	input := func(text string, spans []map[string]int) map[string]any {
		return map[string]any{"input": map[string]any{
			"document": map[string]any{"title": "Spans", "publishedAt": "2025-11-21", "text": text},
			"entities": []any{
				map[string]any{"ref": "rubio", "kind": "PERSON", "name": "Marco Rubio", "spans": spans},
				map[string]any{"ref": "mexico", "kind": "PLACE", "name": "Mexico"},
			},
			"relations": []any{},
		}}
	}
	var got struct {
		IngestDocument struct {
			Document struct {
				Mentions []struct {
					Entity struct{ ID string }
					Spans  []newsgraph.Span
				}
			}
		}
	}
	a.mutate(t, a.keys.write, ingest, input("Rubio flew to Mexico.", []map[string]int{{"start": 0, "end": 5}}), &got)
	want := fmt.Sprint([]any{"person:marco-rubio", []newsgraph.Span{{Start: 0, End: 5}}, "place:mexico", []newsgraph.Span{{Start: 14, End: 20}}})
	var have []any
	for _, m := range got.IngestDocument.Document.Mentions {
		have = append(have, m.Entity.ID, m.Spans)
	}
	if fmt.Sprint(have) != want {
		t.Errorf("mentions = %v, want %v", have, want)
	}
	resp, _ := a.postAs(t, a.keys.write, ingest, input("Rubio left.", []map[string]int{{"start": 5, "end": 50}}))
	if got := errorCode(resp); got != "BAD_USER_INPUT" {
		t.Errorf("spans past the text: code %q (%+v), want BAD_USER_INPUT", got, resp.Errors)
	}
}
