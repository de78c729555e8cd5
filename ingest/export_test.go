package ingest_test

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// wholeGraph reads every entity, relation and document of s.
func wholeGraph(tb testing.TB, s newsgraph.Store) newsgraph.Batch {
	tb.Helper()
	ctx := tb.Context()
	var b newsgraph.Batch
	ents, err := s.Entities(ctx, newsgraph.EntityQuery{First: newsgraph.MaxPageSize})
	if err != nil || ents.HasNextPage {
		tb.Fatalf("Entities: %v (more than one page: %v)", err, ents.HasNextPage)
	}
	b.Entities = ents.Items
	rels, err := s.Relations(ctx, []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize}})
	if err != nil || rels[0].HasNextPage {
		tb.Fatalf("Relations: %v", err)
	}
	b.Relations = rels[0].Items
	docs, err := s.Documents(ctx, newsgraph.DocumentQuery{First: newsgraph.MaxPageSize})
	if err != nil || docs.HasNextPage {
		tb.Fatalf("Documents: %v", err)
	}
	b.Documents = docs.Items
	return b
}

// allMentions returns the mentions of docs recorded in s.
func allMentions(tb testing.TB, s newsgraph.Store, docs []*newsgraph.Document) map[string][]newsgraph.Mention {
	tb.Helper()
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	got, err := s.MentionsIn(tb.Context(), ids)
	if err != nil {
		tb.Fatalf("MentionsIn: %v", err)
	}
	if len(got[ids[0]]) == 0 {
		tb.Fatalf("document %s records no mentions", ids[0])
	}
	return got
}

func TestExportThenImportReproducesTheGraph(t *testing.T) {
	src := openSeeded(t)
	svc := ingest.New(src)
	mustIngest(t, svc, secondArticle(t))
	// Entities no document mentions, one referring to another, must
	// round-trip too.
	for _, e := range []ingest.EntityInput{
		{Kind: newsgraph.KindPlace, Name: "Culiacán", Aliases: []string{"Culiacan Rosales"}},
		{Kind: newsgraph.KindEvent, Name: "Culiacanazo, 2019-10-17", StartDate: newsgraph.MustParseDate("2019-10-17"), Place: "place:culiacan", Description: "A failed arrest."},
		{Kind: newsgraph.KindClaim, Name: "The arrest was called off to save lives", ClaimText: "We called it off to save lives", Claimant: "person:andres-manuel-lopez-obrador", Verdict: "unverified"},
	} {
		if _, _, err := svc.UpsertEntity(t.Context(), e); err != nil {
			t.Fatalf("UpsertEntity %s: %v", e.Name, err)
		}
	}
	want := wholeGraph(t, src)

	lines := snapshot(t, src)
	if got, wantLines := len(lines), len(want.Documents)+1; got != wantLines {
		t.Errorf("export has %d lines, want %d (one per document and one for unmentioned entities)", got, wantLines)
	}
	// The copy goes to a second store: on Neo4j, the embedded one.
	dst := teststore.OpenReference(t)
	into := ingest.New(dst)
	for i, in := range lines {
		if _, err := into.Ingest(t.Context(), in); err != nil {
			t.Fatalf("importing line %d: %v", i+1, err)
		}
	}

	if got, want := mustStats(t, dst), mustStats(t, src); !reflect.DeepEqual(got, want) {
		t.Errorf("stats after the round trip = %+v, want %+v", got, want)
	}
	storetest.CheckHolds(t, dst, want)
	if got, want := allMentions(t, dst, want.Documents), allMentions(t, src, want.Documents); !reflect.DeepEqual(got, want) {
		t.Errorf("mentions after the round trip =\n  %v\nwant\n  %v", got, want)
	}
	if again := snapshot(t, dst); !reflect.DeepEqual(again, lines) {
		t.Error("exporting the imported graph gives other lines than the first export")
	}
}
