package ingest_test

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/seed"
)

func TestIngestSecondArticleResolvesSeedActors(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	before := mustStats(t, s)
	in := secondArticle(t)

	res := mustIngest(t, svc, in)

	docID := ingest.DocumentID(in.Document.Text)
	if res.Document == nil || res.Document.ID != docID {
		t.Fatalf("result document = %+v, want id %s", res.Document, docID)
	}
	if got, want := entityIDs(res.Created), []string{"organization:mexican-security-cabinet", "person:omar-garcia-harfuch"}; !slices.Equal(got, want) {
		t.Errorf("created = %v, want %v", got, want)
	}
	wantMatched := []string{
		"legal-concept:foreign-military-intervention", "organization:latin-american-drug-cartels",
		"organization:us-state-department", "person:andres-manuel-lopez-obrador", "person:claudia-sheinbaum",
		"person:donald-trump", "person:marco-rubio", "place:mexico", "place:united-states",
	}
	if got := entityIDs(res.Matched); !slices.Equal(got, wantMatched) {
		t.Errorf("matched = %v, want %v", got, wantMatched)
	}
	if got, want := res.RelationsCreated, 3; got != want {
		t.Errorf("relationsCreated = %d, want %d (%v)", got, want, relationIDs(res.CreatedRelations))
	}
	if got, want := res.RelationsCorroborated, 6; got != want {
		t.Errorf("relationsCorroborated = %d, want %d (%v)", got, want, relationIDs(res.CorroboratedRelations))
	}

	after := mustStats(t, s)
	if got, want := after.Entities, before.Entities+2; got != want {
		t.Errorf("entities = %d, want %d: no duplicates of seed actors", got, want)
	}
	if got, want := after.Relations, before.Relations+3; got != want {
		t.Errorf("relations = %d, want %d", got, want)
	}
	if got, want := after.Documents, before.Documents+1; got != want {
		t.Errorf("documents = %d, want %d", got, want)
	}

	for _, tc := range []struct {
		id       string
		wantDocs []string
	}{
		{newsgraph.RelationID("person:claudia-sheinbaum", "REJECTS", "legal-concept:foreign-military-intervention"), []string{seed.DocumentID, docID}},
		{newsgraph.RelationID("person:donald-trump", "THREATENS", "organization:latin-american-drug-cartels"), []string{seed.DocumentID, docID}},
		{newsgraph.RelationID("person:andres-manuel-lopez-obrador", "PRECEDED", "person:claudia-sheinbaum"), []string{seed.DocumentID, docID}},
		{newsgraph.RelationID("person:marco-rubio", "HOLDS_OFFICE", "organization:us-state-department"), []string{seed.DocumentID, docID}},
		{newsgraph.RelationID("person:omar-garcia-harfuch", "TOLD", "person:marco-rubio"), []string{docID}},
		{newsgraph.RelationID("person:claudia-sheinbaum", "COOPERATES_WITH", "place:united-states"), []string{docID}},
	} {
		if got := mustRelation(t, s, tc.id).DocumentIDs(); !slices.Equal(got, tc.wantDocs) {
			t.Errorf("relation %s documents = %v, want %v", tc.id, got, tc.wantDocs)
		}
	}
	told := mustRelation(t, s, newsgraph.RelationID("person:omar-garcia-harfuch", "TOLD", "person:marco-rubio"))
	if got, want := len(told.Evidence), 2; got != want {
		t.Errorf("TOLD evidence = %d quotes, want %d", got, want)
	}

	// Corroboration adds evidence but keeps the stored fields.
	office := mustRelation(t, s, newsgraph.RelationID("person:claudia-sheinbaum", "HOLDS_OFFICE", "place:mexico"))
	if got, want := office.ValidFrom.String(), "2024-10-01"; got != want {
		t.Errorf("corroborated HOLDS_OFFICE validFrom = %q, want the stored %q", got, want)
	}
	amlo := mustRelation(t, s, newsgraph.RelationID("person:andres-manuel-lopez-obrador", "REJECTS", "legal-concept:foreign-military-intervention"))
	if got, want := amlo.Confidence, 0.7; got != want {
		t.Errorf("corroborated REJECTS confidence = %v, want the stored %v", got, want)
	}

	// Matched entities keep their fields and gain the names they lacked.
	for id, alias := range map[string]string{
		"person:donald-trump":      "Mr Trump",
		"person:claudia-sheinbaum": "the Mexican president Claudia Sheinbaum",
		"person:marco-rubio":       "Secretary of State Marco Rubio",
	} {
		e := mustEntity(t, s, id)
		if !slices.Contains(e.Aliases, alias) {
			t.Errorf("%s aliases = %q, want %q added", id, e.Aliases, alias)
		}
	}
	if got := mustEntity(t, s, "person:donald-trump"); got.Name != "Donald Trump" || slices.Contains(got.Aliases, "President Trump") && countOf(got.Aliases, "President Trump") != 1 {
		t.Errorf("person:donald-trump = %+v, want its name kept and no duplicate alias", got)
	}
	harfuch := mustEntity(t, s, "person:omar-garcia-harfuch")
	if got, want := harfuch.Roles, []string{"Secretary of Security of Mexico"}; !slices.Equal(got, want) {
		t.Errorf("new entity roles = %v, want %v", got, want)
	}
}

func countOf(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

func TestIngestAgainChangesNothing(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	in := secondArticle(t)
	mustIngest(t, svc, in)
	before, stats := snapshot(t, s), mustStats(t, s)

	res := mustIngest(t, svc, in)

	if len(res.Created) != 0 || res.RelationsCreated != 0 || res.RelationsCorroborated != 0 {
		t.Errorf("second ingest created %v, %d relations, corroborated %d; want nothing", entityIDs(res.Created), res.RelationsCreated, res.RelationsCorroborated)
	}
	if got, want := len(res.Matched), 11; got != want {
		t.Errorf("second ingest matched %d entities, want %d (every entity of the input)", got, want)
	}
	if got := mustStats(t, s); !reflect.DeepEqual(got, stats) {
		t.Errorf("stats after ingesting again = %+v, want %+v", got, stats)
	}
	if after := snapshot(t, s); !reflect.DeepEqual(after, before) {
		t.Error("the graph changed when the same input was ingested again")
	}
}

func TestIngestResolvesWithinTheInputAndAcrossIngests(t *testing.T) {
	s := openStore(t)
	svc := ingest.New(s)
	text := "President Nicolás Maduro met Mr Maduro's envoy. Maduro spoke."
	first := ingest.Input{
		Document: ingest.DocumentInput{Title: "t", PublishedAt: newsgraph.MustParseDate("2025-01-02"), Text: text},
		Entities: []ingest.EntityInput{
			{Ref: "a", Kind: newsgraph.KindPerson, Name: "Nicolás Maduro", Aliases: []string{"Maduro"}},
			{Ref: "b", Kind: newsgraph.KindPerson, Name: "President Nicolas Maduro"},
			{Ref: "c", Kind: newsgraph.KindPerson, Name: "Maduro envoy"},
		},
		Relations: []ingest.RelationInput{
			{Type: "MET_WITH", From: "b", To: "c", Quotes: []string{"President Nicolás Maduro met"}},
			{Type: "MET_WITH", From: "a", To: "c", Quotes: []string{"Mr Maduro's envoy"}},
		},
	}
	res := mustIngest(t, svc, first)
	if got, want := entityIDs(res.Created), []string{"person:maduro-envoy", "person:nicolas-maduro"}; !slices.Equal(got, want) {
		t.Errorf("created = %v, want %v", got, want)
	}
	if got, want := res.RelationsCreated, 1; got != want {
		t.Errorf("relationsCreated = %d, want %d: both relations resolve to one", got, want)
	}
	rel := mustRelation(t, s, newsgraph.RelationID("person:nicolas-maduro", "MET_WITH", "person:maduro-envoy"))
	if got, want := len(rel.Evidence), 2; got != want {
		t.Errorf("merged relation evidence = %d quotes, want %d", got, want)
	}

	second := ingest.Input{
		Document:  ingest.DocumentInput{ID: "doc:second", Title: "t2", PublishedAt: newsgraph.MustParseDate("2025-01-03"), Text: "Mr Maduro spoke."},
		Entities:  []ingest.EntityInput{{Ref: "m", Kind: newsgraph.KindPerson, Name: "Mr Maduro"}, {Ref: "p", Kind: newsgraph.KindPlace, Name: "Maduro"}},
		Relations: []ingest.RelationInput{{Type: "LOCATED_IN", From: "m", To: "p", Quotes: []string{"Mr Maduro"}}},
	}
	res = mustIngest(t, svc, second)
	if got, want := entityIDs(res.Matched), []string{"person:nicolas-maduro"}; !slices.Equal(got, want) {
		t.Errorf("matched = %v, want %v", got, want)
	}
	if got, want := entityIDs(res.Created), []string{"place:maduro"}; !slices.Equal(got, want) {
		t.Errorf("created = %v, want %v: resolution is kind-aware", got, want)
	}

	third := ingest.Input{Entities: []ingest.EntityInput{{Ref: "a", Kind: newsgraph.KindPerson, Name: "Former President Ana Acosta"}}}
	res = mustIngest(t, svc, third)
	if len(res.Created) != 1 || res.Created[0].ID != "person:ana-acosta" || res.Created[0].Name != "Ana Acosta" ||
		!slices.Equal(res.Created[0].Aliases, []string{"Former President Ana Acosta"}) {
		t.Errorf("created = %+v, want person:ana-acosta named Ana Acosta, the titled name as its alias", res.Created)
	}
	third.Entities[0].Name = "Ana Acosta"
	if res = mustIngest(t, svc, third); len(res.Matched) != 1 || res.Matched[0].ID != "person:ana-acosta" {
		t.Errorf("matched = %v, want person:ana-acosta", entityIDs(res.Matched))
	}
}

func TestConcurrentIngestsCreateOneEntity(t *testing.T) {
	s := openStore(t)
	svc := ingest.New(s)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			text := "Ovidio Guzmán was seen in Culiacán."
			in := ingest.Input{
				Document: ingest.DocumentInput{Title: "t", PublishedAt: newsgraph.MustParseDate("2025-01-02"), Text: text},
				Entities: []ingest.EntityInput{
					{Ref: "o", Kind: newsgraph.KindPerson, Name: []string{"Ovidio Guzmán", "Ovidio Guzman"}[i%2]},
					{Ref: "c", Kind: newsgraph.KindPlace, Name: "Culiacán"},
				},
				Relations: []ingest.RelationInput{{Type: "LOCATED_IN", From: "o", To: "c", Quotes: []string{"seen in Culiacán"}}},
			}
			_, errs[i] = svc.Ingest(t.Context(), in)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("ingest %d: %v", i, err)
		}
	}
	if got, want := mustStats(t, s).Entities, 2; got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
}
