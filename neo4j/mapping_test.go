package neo4j_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

// asStored returns props as the driver hands stored properties back: lists
// as []any.
func asStored(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if list, ok := v.([]string); ok {
			items := make([]any, len(list))
			for i, s := range list {
				items[i] = s
			}
			v = items
		}
		out[k] = v
	}
	return out
}

func TestEntityRoundTrip(t *testing.T) {
	tests := []*newsgraph.Entity{
		{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum",
			Aliases: []string{"Sheinbaum"}, Description: "President of Mexico.", Roles: []string{"President of Mexico"}},
		{ID: "event:summit", Kind: newsgraph.KindEvent, Name: "Summit",
			StartDate: newsgraph.MustParseDate("2025-02-01"), EndDate: newsgraph.MustParseDate("2025-02-03"), PlaceID: "place:mexico-city"},
		{ID: "legal-concept:fto", Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization", Jurisdiction: "US domestic law"},
		{ID: "claim:x", Kind: newsgraph.KindClaim, Name: "X", ClaimText: "x", ClaimantID: "person:y", Verdict: newsgraph.VerdictDisputed, VerdictNote: "n", CounterEvidence: "z"},
		{ID: "place:mexico", Kind: newsgraph.KindPlace, Name: "Mexico"},
	}
	for _, want := range tests {
		t.Run(want.ID, func(t *testing.T) {
			props := neo4j.EntityProperties(want)
			got, err := neo4j.EntityFromProps(asStored(props))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip = %+v, want %+v", got, want)
			}
		})
	}
}

func TestEntityPropertiesOmitZeroValues(t *testing.T) {
	props := neo4j.EntityProperties(&newsgraph.Entity{ID: "place:mexico", Kind: newsgraph.KindPlace, Name: "Mexico"})
	for _, key := range []string{"aliases", "description", "roles", "startDate", "endDate", "placeId", "jurisdiction", "claimText", "claimantId", "verdict", "counterEvidence", "searchDescription"} {
		if v, ok := props[key]; ok {
			t.Errorf("property %s = %v is stored for a zero value", key, v)
		}
	}
}

func TestEntityPropertiesSearchText(t *testing.T) {
	e := &newsgraph.Entity{
		ID: "organization:x", Kind: newsgraph.KindOrganization, Name: "Secretaría de Relaciones Exteriores",
		Aliases: []string{"SRE"}, Description: "Mexico's foreign ministry.",
	}
	props := neo4j.EntityProperties(e)
	if got, want := props["searchKeys"], strings.Join(newsgraph.SearchKeys(e), "\n"); got != want {
		t.Errorf("searchKeys = %q, want %q", got, want)
	}
	if got, want := props["searchDescription"], "mexicos foreign ministry"; got != want {
		t.Errorf("searchDescription = %q, want %q", got, want)
	}
	if got, want := props["startDate"], any(nil); got != want {
		t.Errorf("startDate = %v, want absent", got)
	}
}

func TestDateProperties(t *testing.T) {
	d := newsgraph.MustParseDate("2025-02-03")
	props := neo4j.DocumentProperties(&newsgraph.Document{ID: "doc:a", Title: "A", Text: "t", PublishedAt: d})
	got, ok := props["publishedAt"].(dbtype.Date)
	if !ok {
		t.Fatalf("publishedAt is %T, want dbtype.Date (a Cypher date)", props["publishedAt"])
	}
	if got, want := got.String(), "2025-02-03"; got != want {
		t.Errorf("publishedAt = %s, want %s", got, want)
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	want := &newsgraph.Document{ID: "doc:a", Title: "A", Text: "Some text.", PublishedAt: newsgraph.MustParseDate("2025-02-03"), Source: "Wire", URL: "https://example.com/a"}
	got, err := neo4j.DocumentFromProps(asStored(neo4j.DocumentProperties(want)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip = %+v, want %+v", got, want)
	}
}

// storedRelation returns r's properties as upsert_relations.cypher stores
// them: the evidence as parallel lists.
func storedRelation(r *newsgraph.Relation) map[string]any {
	props := neo4j.RelationProperties(r)
	var quotes, docs []any
	for _, ev := range neo4j.EvidenceMaps(r.Evidence) {
		m := ev.(map[string]any)
		quotes = append(quotes, m["quote"])
		docs = append(docs, m["documentId"])
	}
	props["evidenceQuotes"], props["evidenceDocumentIds"] = quotes, docs
	return props
}

func TestRelationRoundTrip(t *testing.T) {
	want := &newsgraph.Relation{
		ID: "person:a|THREATENS|organization:b", Type: "THREATENS", From: "person:a", To: "organization:b",
		ValidFrom: newsgraph.MustParseDate("2025-01-20"), Confidence: 0.8,
		Evidence: []newsgraph.Evidence{{Quote: "q1", DocumentID: "doc:x"}, {Quote: "q2", DocumentID: "doc:y"}},
	}
	got, err := neo4j.RelationFromProps(want.Type, want.From, want.To, storedRelation(want))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip = %+v, want %+v", got, want)
	}
}

func TestRecordMappingErrors(t *testing.T) {
	tests := []struct {
		name string
		map_ func() error
	}{
		{"entity name not a string", func() error {
			_, err := neo4j.EntityFromProps(map[string]any{"id": "place:x", "name": int64(3)})
			return err
		}},
		{"entity aliases not strings", func() error {
			_, err := neo4j.EntityFromProps(map[string]any{"id": "place:x", "aliases": []any{"a", int64(1)}})
			return err
		}},
		{"document date not a date", func() error {
			_, err := neo4j.DocumentFromProps(map[string]any{"id": "doc:x", "publishedAt": "2025-01-01"})
			return err
		}},
		{"evidence lists of different lengths", func() error {
			_, err := neo4j.RelationFromProps("R", "place:a", "place:b", map[string]any{
				"id": "place:a|R|place:b", "evidenceQuotes": []any{"q"}, "evidenceDocumentIds": []any{},
			})
			return err
		}},
	}
	for _, tt := range tests {
		if err := tt.map_(); err == nil {
			t.Errorf("%s: mapping succeeded, want an error", tt.name)
		}
	}
}

func TestRelationConfidenceAsInteger(t *testing.T) {
	r, err := neo4j.RelationFromProps("R", "place:a", "place:b", map[string]any{"id": "place:a|R|place:b", "confidence": int64(1)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Confidence, 1.0; got != want {
		t.Errorf("confidence = %v, want %v", got, want)
	}
}

func TestKindLabels(t *testing.T) {
	label := regexp.MustCompile(`^[A-Z][A-Za-z]+$`)
	want := map[newsgraph.Kind]string{
		newsgraph.KindPerson: "Person", newsgraph.KindOrganization: "Organization", newsgraph.KindPlace: "Place",
		newsgraph.KindLegalConcept: "LegalConcept", newsgraph.KindEvent: "Event", newsgraph.KindClaim: "Claim",
	}
	for _, k := range newsgraph.AllKinds {
		got, ok := neo4j.KindLabel(k)
		if !ok || got != want[k] || !label.MatchString(got) {
			t.Errorf("KindLabel(%s) = %q, %v; want %q, true", k, got, ok, want[k])
		}
	}
	if got, ok := neo4j.KindLabel("Person`) DETACH DELETE (n"); ok {
		t.Errorf("KindLabel(injection) = %q, true; want false", got)
	}
}

func TestFulltextQuery(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"López Obrador", "+(lopez* lopez~1) +(obrador* obrador~1)"},
		{"sheinbum", "+(sheinbum* sheinbum~2)"},
		{"FTO", "+fto*"},
		{"  ", ""},
		{"AND OR NOT", "+and* +or* +not*"},
		{`title:"x" (a) [b] c~ d^2 e\ f/`, "+(title* title~1) +x* +a* +b* +c* +d* +2* +e* +f*"},
	}
	for _, tt := range tests {
		if got := neo4j.FulltextQuery(newsgraph.SearchTokens(tt.text)); got != tt.want {
			t.Errorf("FulltextQuery(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got, want := neo4j.FulltextQuery([]string{"ok", "bad*", "a:b"}), "+ok*"; got != want {
		t.Errorf("FulltextQuery(unfolded tokens) = %q, want %q", got, want)
	}
}

func TestUpsertRowsRejectMalformedRelationType(t *testing.T) {
	for _, typ := range []string{"threatens", "THREATENS]->(x) DETACH DELETE x//", "A-B", strings.Repeat("A", 65), ""} {
		b := &newsgraph.Batch{Relations: []*newsgraph.Relation{{ID: "place:a|" + typ + "|place:b", Type: typ, From: "place:a", To: "place:b"}}}
		_, err := neo4j.UpsertRows(b)
		if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
			t.Errorf("UpsertRows(type %q) code = %q, want %q", typ, got, want)
		}
	}
}

func TestUpsertRows(t *testing.T) {
	b := &newsgraph.Batch{
		Entities: []*newsgraph.Entity{{ID: "person:a", Kind: newsgraph.KindPerson, Name: "A"}},
		Relations: []*newsgraph.Relation{{
			ID: "person:a|MEETS|person:b", Type: "MEETS", From: "person:a", To: "person:b", Confidence: 1,
			Evidence: []newsgraph.Evidence{{Quote: "q1", DocumentID: "doc:x"}, {Quote: "q2", DocumentID: "doc:x"}},
		}},
	}
	rows, err := neo4j.UpsertRows(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows["entities"][0].(map[string]any)["label"], "Person"; got != want {
		t.Errorf("entity label = %v, want %v", got, want)
	}
	if got, want := rows["relations"][0].(map[string]any)["type"], "MEETS"; got != want {
		t.Errorf("relation type = %v, want %v", got, want)
	}
	// Two quotes from one document give one MENTIONS link per end.
	want := []any{
		map[string]any{"documentId": "doc:x", "entityId": "person:a"},
		map[string]any{"documentId": "doc:x", "entityId": "person:b"},
	}
	if got := rows["mentions"]; !reflect.DeepEqual(got, want) {
		t.Errorf("mentions = %v, want %v", got, want)
	}
}
