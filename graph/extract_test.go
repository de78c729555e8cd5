package graph_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph/graph"
)

const extractQuery = `query($input: ExtractInput!) { extract(input: $input) {
  document { title publishedAt url source text }
  entities { ref id kind name aliases description roles startDate endDate precision claimText claimant place
             mentions { start end } confidence rule }
  relations { type from to validFrom confidence quotes evidence { start end } rule } } }`

type extractData struct {
	Extract struct {
		Document map[string]any `json:"document"`
		Entities []struct {
			Ref      string                     `json:"ref"`
			ID       *string                    `json:"id"`
			Kind     string                     `json:"kind"`
			Name     string                     `json:"name"`
			Mentions []struct{ Start, End int } `json:"mentions"`
			Rule     string                     `json:"rule"`
			Conf     float64                    `json:"confidence"`
		} `json:"entities"`
		Relations []struct {
			Type     string                     `json:"type"`
			From     string                     `json:"from"`
			To       string                     `json:"to"`
			Quotes   []string                   `json:"quotes"`
			Evidence []struct{ Start, End int } `json:"evidence"`
			Conf     float64                    `json:"confidence"`
		} `json:"relations"`
	} `json:"extract"`
}

// TestExtractThroughTheAPI: Query.extract drafts a text against the seed
// graph (known entities by id, short forms and an office resolved), with
// offsets a JavaScript client can slice the text with, writes nothing, and
// its draft goes back into ingestDocument as it is.
func TestExtractThroughTheAPI(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	text := "🌎 Mexico’s president rejected the offer on Thursday. “We will not accept it,” Ms Sheinbaum told reporters.\n" +
		"Sheinbaum met Elena Varga, the UN special rapporteur on torture, in Mexico City on Friday."
	vars := map[string]any{"input": map[string]any{"text": text, "publishedAt": "2026-03-14", "title": "A test"}}
	var before, after struct {
		Stats struct{ Entities, Relations, Documents int }
	}
	a.query(t, `{ stats { entities relations documents } }`, nil, &before)
	var out extractData
	a.query(t, extractQuery, vars, &out)
	a.query(t, `{ stats { entities relations documents } }`, nil, &after)
	if before != after {
		t.Errorf("extract wrote: stats %+v, then %+v", before, after)
	}

	units := utf16.Encode([]rune(text))
	slice := func(s, e int) string { return string(utf16.Decode(units[s:e])) }
	var sheinbaum []string
	refs := map[string]string{}
	for _, e := range out.Extract.Entities {
		refs[e.Ref] = e.Kind
		if e.Conf <= 0 || e.Conf >= 1 || e.Rule == "" {
			t.Errorf("%s: confidence %v, rule %q", e.Ref, e.Conf, e.Rule)
		}
		if e.ID != nil && *e.ID == "person:claudia-sheinbaum" {
			for _, m := range e.Mentions {
				sheinbaum = append(sheinbaum, slice(m.Start, m.End))
			}
		}
	}
	for _, want := range []string{"president", "Sheinbaum"} {
		if !slices.Contains(sheinbaum, want) {
			t.Errorf("Sheinbaum's mentions %q lack %q", sheinbaum, want)
		}
	}
	if refs["elena-varga"] != "PERSON" {
		t.Errorf("no new person Elena Varga in %v", refs)
	}
	for _, r := range out.Extract.Relations {
		for i, q := range r.Quotes {
			if got := slice(r.Evidence[i].Start, r.Evidence[i].End); got != q || !strings.Contains(text, q) {
				t.Errorf("%s %s %s: evidence %q at its offsets is %q", r.From, r.Type, r.To, q, got)
			}
		}
	}

	// The draft, stripped of what only review needs, is an IngestInput.
	var entities []map[string]any
	for _, e := range out.Extract.Entities {
		m := map[string]any{"ref": e.Ref, "kind": e.Kind, "name": e.Name}
		if e.ID != nil {
			m["id"] = *e.ID
		}
		entities = append(entities, m)
	}
	var relations []map[string]any
	for _, r := range out.Extract.Relations {
		relations = append(relations, map[string]any{"type": r.Type, "from": r.From, "to": r.To, "quotes": r.Quotes, "confidence": r.Conf})
	}
	doc := out.Extract.Document
	input := map[string]any{"document": map[string]any{"title": doc["title"], "publishedAt": doc["publishedAt"], "text": doc["text"]},
		"entities": entities, "relations": relations}
	var res struct {
		IngestDocument struct{ RelationsCreated int }
	}
	a.mutate(t, a.keys.write, `mutation($input: IngestInput!) { ingestDocument(input: $input) { relationsCreated } }`, map[string]any{"input": input}, &res)
	if res.IngestDocument.RelationsCreated == 0 {
		t.Error("the draft created no relation")
	}
}

// TestExtractRejectsBadInput: bad input is coded, before any work.
func TestExtractRejectsBadInput(t *testing.T) {
	a := seedAPI(t)
	for _, tc := range []struct {
		name, text, published, code, message string
	}{
		{"empty text", "   ", "2026-03-14", "BAD_USER_INPUT", "text is empty"},
		{"too long", strings.Repeat("a", 4<<20+1), "2026-03-14", "LIMIT_EXCEEDED", "limit"},
		{"bad date", "Text.", "14/03/2026", "BAD_USER_INPUT", "date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]any{"input": map[string]any{"text": tc.text, "publishedAt": tc.published}}
			a.mustFail(t, `query($input: ExtractInput!) { extract(input: $input) { entities { ref } } }`, vars, tc.code, tc.message)
		})
	}
}
