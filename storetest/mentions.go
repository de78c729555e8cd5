package storetest

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// testMentions checks the mentions documents record (Batch.Mentions,
// DocumentReader.MentionsIn) and how merges and deletes keep them.
func testMentions(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) newsgraph.Store)
	}{
		{"Recorded", testMentionsRecorded},
		{"SpansJoin", testMentionsSpansJoin},
		{"Invalid", testMentionsInvalid},
		{"Merge", testMentionsMerge},
		{"Delete", testMentionsDelete},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open) })
	}
}

// whoSpans are where the response document names the World Health
// Organization: "World Health Organisation" at 202..227.
var whoSpans = []newsgraph.Span{{Start: 202, End: 227}}

// mustMentionsIn returns MentionsIn of ids or fails.
func mustMentionsIn(t *testing.T, s newsgraph.Store, ids ...string) map[string][]newsgraph.Mention {
	t.Helper()
	got, err := s.MentionsIn(t.Context(), ids)
	if err != nil {
		t.Fatalf("MentionsIn: %v", err)
	}
	return got
}

// mustMentioning returns DocumentIDsMentioning of id or fails.
func mustMentioning(t *testing.T, s newsgraph.Store, id string) []string {
	t.Helper()
	got, err := s.DocumentIDsMentioning(t.Context(), []string{id})
	if err != nil {
		t.Fatalf("DocumentIDsMentioning: %v", err)
	}
	return got[id]
}

func testMentionsRecorded(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	if got := newsgraph.FindSpans(responseText, []string{"World Health Organisation", "WHO"}); !reflect.DeepEqual(got, whoSpans) {
		t.Fatalf("FindSpans of the WHO in the response = %v, want %v", got, whoSpans)
	}
	// Evidence alone records no mention.
	before := mustMentionsIn(t, s, DocResponse, "doc:absent")
	if got, ok := before[DocResponse]; !ok || len(got) != 0 {
		t.Errorf("MentionsIn before any mention = %v (present %v), want present and empty", got, ok)
	}
	if _, ok := before["doc:absent"]; ok {
		t.Error("MentionsIn answers for an absent document")
	}
	// The WHO has no relation: a mention alone makes the document mention it.
	mustUpsert(t, s, newsgraph.Batch{Mentions: []newsgraph.Mention{
		{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans},
		{DocumentID: DocResponse, EntityID: PersonSheinbaum, Spans: []newsgraph.Span{{Start: 121, End: 130}, {Start: 0, End: 17}}},
		{DocumentID: DocResponse, EntityID: PlaceSinaloa}, // named nowhere in the text: no spans
	}})
	equalStrings(t, "documents mentioning the WHO", mustMentioning(t, s, OrgWHO), []string{DocResponse})
	equalStrings(t, "documents mentioning Sinaloa", mustMentioning(t, s, PlaceSinaloa), []string{DocDesignation, DocResponse})
	want := []newsgraph.Mention{
		{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans},
		{DocumentID: DocResponse, EntityID: PersonSheinbaum, Spans: []newsgraph.Span{{Start: 0, End: 17}, {Start: 121, End: 130}}},
		{DocumentID: DocResponse, EntityID: PlaceSinaloa},
	}
	if got := mustMentionsIn(t, s, DocResponse)[DocResponse]; !sameMentions(got, want) {
		t.Errorf("MentionsIn(%s) =\n  %v\nwant\n  %v", DocResponse, got, want)
	}
	if got := mustMentionsIn(t, s, DocDesignation)[DocDesignation]; len(got) != 0 {
		t.Errorf("MentionsIn(%s) = %v, want none", DocDesignation, got)
	}
}

func testMentionsSpansJoin(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	first := newsgraph.Batch{Mentions: []newsgraph.Mention{{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans}}}
	mustUpsert(t, s, first)
	mustUpsert(t, s, first) // twice changes nothing
	mustUpsert(t, s, newsgraph.Batch{Mentions: []newsgraph.Mention{
		{DocumentID: DocResponse, EntityID: OrgWHO, Spans: []newsgraph.Span{{Start: 202, End: 207}, {Start: 202, End: 227}}},
	}})
	want := []newsgraph.Mention{{DocumentID: DocResponse, EntityID: OrgWHO, Spans: []newsgraph.Span{{Start: 202, End: 207}, {Start: 202, End: 227}}}}
	if got := mustMentionsIn(t, s, DocResponse)[DocResponse]; !sameMentions(got, want) {
		t.Errorf("MentionsIn after joining spans = %v, want %v", got, want)
	}
}

func testMentionsInvalid(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	long := newsgraph.TextLength(responseText)
	for _, tc := range []struct {
		name    string
		mention newsgraph.Mention
	}{
		{"absent entity", newsgraph.Mention{DocumentID: DocResponse, EntityID: "person:nobody"}},
		{"absent document", newsgraph.Mention{DocumentID: "doc:absent", EntityID: OrgWHO}},
		{"malformed entity", newsgraph.Mention{DocumentID: DocResponse, EntityID: "nobody"}},
		{"empty span", newsgraph.Mention{DocumentID: DocResponse, EntityID: OrgWHO, Spans: []newsgraph.Span{{Start: 3, End: 3}}}},
		{"span after the text", newsgraph.Mention{DocumentID: DocResponse, EntityID: OrgWHO, Spans: []newsgraph.Span{{Start: long - 1, End: long + 1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A valid mention beside the bad one is not written either.
			_, err := s.Upsert(t.Context(), newsgraph.Batch{Mentions: []newsgraph.Mention{
				{DocumentID: DocDesignation, EntityID: OrgWHO}, tc.mention,
			}})
			wantCode(t, err, newsgraph.Invalid)
			if got := mustMentioning(t, s, OrgWHO); len(got) != 0 {
				t.Errorf("an invalid batch wrote mentions: the WHO is mentioned by %v", got)
			}
		})
	}
}

func testMentionsMerge(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	const dup = "organization:who"
	mustUpsert(t, s, newsgraph.Batch{
		Entities: []*newsgraph.Entity{{ID: dup, Kind: newsgraph.KindOrganization, Name: "WHO"}},
		Mentions: []newsgraph.Mention{
			{DocumentID: DocResponse, EntityID: dup, Spans: []newsgraph.Span{{Start: 202, End: 207}}},
			{DocumentID: DocDesignation, EntityID: dup},
			{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans},
		},
	})
	mustMerge(t, s, newsgraph.Merge{Into: OrgWHO, From: []string{dup}})
	want := []newsgraph.Mention{{DocumentID: DocResponse, EntityID: OrgWHO, Spans: []newsgraph.Span{{Start: 202, End: 207}, {Start: 202, End: 227}}}}
	if got := mustMentionsIn(t, s, DocResponse)[DocResponse]; !sameMentions(got, want) {
		t.Errorf("MentionsIn after the merge = %v, want the union on the survivor %v", got, want)
	}
	want = []newsgraph.Mention{{DocumentID: DocDesignation, EntityID: OrgWHO}}
	if got := mustMentionsIn(t, s, DocDesignation)[DocDesignation]; !sameMentions(got, want) {
		t.Errorf("MentionsIn(%s) after the merge = %v, want %v", DocDesignation, got, want)
	}
	equalStrings(t, "documents mentioning the merged id", mustMentioning(t, s, dup), []string{DocDesignation, DocResponse})
	// A later mention of the merged id lands on the survivor.
	mustUpsert(t, s, newsgraph.Batch{Mentions: []newsgraph.Mention{{DocumentID: DocChainNotes, EntityID: dup}}})
	equalStrings(t, "documents mentioning the survivor", mustMentioning(t, s, OrgWHO), []string{DocChainNotes, DocDesignation, DocResponse})
}

func testMentionsDelete(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	mustUpsert(t, s, newsgraph.Batch{Mentions: []newsgraph.Mention{
		{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans},
		{DocumentID: DocResponse, EntityID: PlaceSinaloa},
		{DocumentID: DocDesignation, EntityID: PlaceSinaloa, Spans: []newsgraph.Span{{Start: 42, End: 49}}},
	}})
	// Deleting a relation keeps recorded mentions: Sinaloa stays
	// mentioned by the designation although its relations go.
	for _, id := range []string{rid(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa), rid(PlaceSinaloa, "LOCATED_IN", PlaceMexico)} {
		if _, err := s.DeleteRelation(t.Context(), id); err != nil {
			t.Fatalf("DeleteRelation: %v", err)
		}
	}
	equalStrings(t, "documents mentioning Sinaloa", mustMentioning(t, s, PlaceSinaloa), []string{DocDesignation, DocResponse})
	// Deleting the entity removes its mentions; the documents keep the others.
	if _, err := s.DeleteEntity(t.Context(), PlaceSinaloa); err != nil {
		t.Fatalf("DeleteEntity: %v", err)
	}
	want := []newsgraph.Mention{{DocumentID: DocResponse, EntityID: OrgWHO, Spans: whoSpans}}
	got := mustMentionsIn(t, s, DocResponse, DocDesignation)
	if !sameMentions(got[DocResponse], want) || len(got[DocDesignation]) != 0 {
		t.Errorf("MentionsIn after deleting Sinaloa = %v, want %s: %v and %s: none", got, DocResponse, want, DocDesignation)
	}
	// An entity created again with the deleted id is mentioned by nothing.
	mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{{ID: PlaceSinaloa, Kind: newsgraph.KindPlace, Name: "Sinaloa"}}})
	if got := mustMentioning(t, s, PlaceSinaloa); len(got) != 0 {
		t.Errorf("documents mentioning a re-created Sinaloa = %v, want none", got)
	}
}

// sameMentions reports whether two lists hold the same mentions in order,
// a nil and an empty span list alike.
func sameMentions(a, b []newsgraph.Mention) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].DocumentID != b[i].DocumentID || a[i].EntityID != b[i].EntityID || len(a[i].Spans) != len(b[i].Spans) {
			return false
		}
		for j := range a[i].Spans {
			if a[i].Spans[j] != b[i].Spans[j] {
				return false
			}
		}
	}
	return true
}
