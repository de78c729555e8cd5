package storetest

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

// dupTrump is a duplicate of PersonTrump that mergeFixture adds to the
// fixture, with relations that exercise every rule of a merge.
const dupTrump = "person:president-trump"

// Relations of mergeFixture, by their ids before the merge.
var (
	dupMakesClaim = rid(dupTrump, "MAKES_CLAIM", ClaimCartels) // joins relMakesClaim
	dupThreatens  = rid(dupTrump, "THREATENS", PlaceMexico)    // moves with its fields
	dupMentions   = rid(dupTrump, "MENTIONS", PersonTrump)     // becomes a self-loop
	dupCriticised = rid(PersonSheinbaum, "CRITICISES", dupTrump)
)

// mergeFixture returns the batch that adds dupTrump and its relations to
// the fixture.
func mergeFixture() newsgraph.Batch {
	date := newsgraph.MustParseDate
	d := func(quote string) []newsgraph.Evidence {
		return []newsgraph.Evidence{{Quote: quote, DocumentID: DocDesignation}}
	}
	r := func(quote string) []newsgraph.Evidence {
		return []newsgraph.Evidence{{Quote: quote, DocumentID: DocResponse}}
	}
	b := newsgraph.Batch{
		Entities: []*newsgraph.Entity{{ID: dupTrump, Kind: newsgraph.KindPerson, Name: "President Trump",
			Aliases: []string{"Trump", "DJT"}, Description: "A duplicate of Donald Trump."}},
		Relations: []*newsgraph.Relation{
			{From: dupTrump, Type: "MAKES_CLAIM", To: ClaimCartels, Confidence: 0.5, ValidFrom: date("2025-01-01"), Evidence: d("Donald Trump said")},
			{From: dupTrump, Type: "THREATENS", To: PlaceMexico, Confidence: 0.6, ValidFrom: date("2025-02-20"), Evidence: r("without subordination")},
			{From: dupTrump, Type: "MENTIONS", To: PersonTrump, Evidence: d("Donald Trump")},
			{From: PersonSheinbaum, Type: "CRITICISES", To: dupTrump, Evidence: r("Sheinbaum said")},
		},
	}
	for _, rel := range b.Relations {
		rel.ID = rid(rel.From, rel.Type, rel.To)
	}
	return b
}

// openMergeFixture opens a fresh store holding the fixture and mergeFixture.
func openMergeFixture(t *testing.T, open func(t *testing.T) newsgraph.Store) newsgraph.Store {
	t.Helper()
	s := openFixture(t, open)
	mustUpsert(t, s, mergeFixture())
	return s
}

// mustMerge merges, checks that the result names the survivor and that
// its record joins the survivor's history, which then also holds the
// histories of the entities merged away (nil when nothing was merged), and
// returns the survivor.
func mustMerge(t *testing.T, s newsgraph.Store, m newsgraph.Merge) *newsgraph.Entity {
	t.Helper()
	before := mergeRecords(t, s, append([]string{m.Into}, m.From...))
	merged, err := s.MergeEntities(t.Context(), m)
	if err != nil {
		t.Fatalf("MergeEntities(%+v): %v", m, err)
	}
	e := merged.Survivor
	if e == nil || e.ID != m.Into {
		t.Fatalf("MergeEntities returned %+v, want the survivor %s", e, m.Into)
	}
	after := mustMerges(t, s, m.Into)
	for _, r := range before {
		if !slices.ContainsFunc(after, func(a newsgraph.Merge) bool { return sameMerge(a, r) }) {
			t.Errorf("the survivor's history %+v lost the record %+v", after, r)
		}
	}
	switch {
	case len(after) == len(before) && merged.Merge != nil:
		t.Errorf("MergeEntities merged nothing but returned the record %+v", merged.Merge)
	case len(after) == len(before)+1 && (merged.Merge == nil || !slices.ContainsFunc(after, func(a newsgraph.Merge) bool { return sameMerge(a, *merged.Merge) })):
		t.Errorf("MergeEntities returned the record %+v, Merges lists %+v", merged.Merge, after)
	case len(after) != len(before) && len(after) != len(before)+1:
		t.Errorf("MergeEntities added %d records", len(after)-len(before))
	}
	return e
}

// mergeRecords returns the distinct records of the merge histories of ids.
func mergeRecords(t *testing.T, s newsgraph.Store, ids []string) []newsgraph.Merge {
	t.Helper()
	byID, err := s.Merges(t.Context(), ids)
	if err != nil {
		t.Fatalf("Merges(%v): %v", ids, err)
	}
	var out []newsgraph.Merge
	for _, id := range ids {
		for _, r := range byID[id] {
			if !slices.ContainsFunc(out, func(o newsgraph.Merge) bool { return sameMerge(o, r) }) {
				out = append(out, r)
			}
		}
	}
	return out
}

// sameMerge reports whether two merge records are equal, their times to
// the millisecond (a store may keep them more coarsely).
func sameMerge(a, b newsgraph.Merge) bool {
	return a.Into == b.Into && slices.Equal(a.From, b.From) && a.Actor == b.Actor &&
		a.At.Truncate(time.Millisecond).Equal(b.At.Truncate(time.Millisecond))
}

// mustMerges returns the merge history of id (Merges of one id).
func mustMerges(t *testing.T, s newsgraph.Store, id string) []newsgraph.Merge {
	t.Helper()
	byID, err := s.Merges(t.Context(), []string{id})
	if err != nil {
		t.Fatalf("Merges(%s): %v", id, err)
	}
	return byID[id]
}

// checkAliases fails unless e has exactly the aliases want, in any order.
func checkAliases(t *testing.T, e *newsgraph.Entity, want ...string) {
	t.Helper()
	got := slices.Clone(e.Aliases)
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	equalStrings(t, e.ID+" aliases", got, want)
}

func testMerges(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	t.Run("MovesRelations", func(t *testing.T) { testMergeMoves(t, open) })
	t.Run("Idempotent", func(t *testing.T) { testMergeIdempotent(t, open) })
	t.Run("SeveralAtOnce", func(t *testing.T) { testMergeSeveral(t, open) })
	t.Run("Records", func(t *testing.T) { testMergeRecords(t, open) })
	t.Run("Errors", func(t *testing.T) { testMergeErrors(t, open) })
	t.Run("UpsertRedirects", func(t *testing.T) { testUpsertRedirects(t, open) })
	t.Run("Transitive", func(t *testing.T) { testMergeTransitive(t, open) })
}

func testMergeMoves(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openMergeFixture(t, open)
	ctx := t.Context()
	before := mustStats(t, s)
	survivor := mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{dupTrump}, Actor: "tester"})
	// The survivor keeps its fields and gains the duplicate's names, without
	// duplicates.
	checkAliases(t, survivor, "Trump", "President Trump", "DJT")
	if survivor.Name != "Donald Trump" || survivor.Description != "" || !slices.Equal(survivor.Roles, []string{"President of the United States"}) {
		t.Errorf("survivor = %+v, want its own name, description and roles", survivor)
	}

	date := newsgraph.MustParseDate
	trump := func(typ, to string) string { return rid(PersonTrump, typ, to) }
	want := newsgraph.Batch{Relations: []*newsgraph.Relation{
		// The existing relation keeps its fields and gains the evidence.
		{From: PersonTrump, Type: "MAKES_CLAIM", To: ClaimCartels, Confidence: 1, Evidence: []newsgraph.Evidence{
			{Quote: "Donald Trump said the cartels control Mexico", DocumentID: DocDesignation},
			{Quote: "Donald Trump said", DocumentID: DocDesignation}}},
		{ID: trump("THREATENS", PlaceMexico), From: PersonTrump, Type: "THREATENS", To: PlaceMexico, Confidence: 0.6,
			ValidFrom: date("2025-02-20"), Evidence: []newsgraph.Evidence{{Quote: "without subordination", DocumentID: DocResponse}}},
		{ID: trump("MENTIONS", PersonTrump), From: PersonTrump, Type: "MENTIONS", To: PersonTrump, Confidence: 1,
			Evidence: []newsgraph.Evidence{{Quote: "Donald Trump", DocumentID: DocDesignation}}},
		{ID: rid(PersonSheinbaum, "CRITICISES", PersonTrump), From: PersonSheinbaum, Type: "CRITICISES", To: PersonTrump, Confidence: 1,
			Evidence: []newsgraph.Evidence{{Quote: "Sheinbaum said", DocumentID: DocResponse}}},
	}}
	want.Relations[0].ID = relMakesClaim
	CheckHolds(t, s, want)
	old, err := s.RelationsByID(ctx, []string{dupMakesClaim, dupThreatens, dupMentions, dupCriticised})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(old) != 0 {
		t.Errorf("RelationsByID of the moved relations' old ids returned %d relations", len(old))
	}
	relationPages(t, s, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: dupTrump}, First: 10}, 0)
	got := relationPages(t, s, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: PersonTrump}, First: 10}, 4)
	equalStrings(t, "relations of the survivor", got, []string{rid(PersonSheinbaum, "CRITICISES", PersonTrump),
		relMakesClaim, trump("MENTIONS", PersonTrump), trump("THREATENS", PlaceMexico)})

	// The merged entity is no longer counted or listed; its id resolves.
	wantStats := before
	wantStats.Entities--
	wantStats.Relations-- // MAKES_CLAIM joined the existing relation
	wantStats.ByKind = slices.Clone(before.ByKind)
	wantStats.ByKind[0].Count--
	if st := mustStats(t, s); !reflect.DeepEqual(st, wantStats) {
		t.Errorf("Stats after the merge = %+v, want %+v", st, wantStats)
	}
	page, err := s.Entities(ctx, newsgraph.EntityQuery{Kinds: []newsgraph.Kind{newsgraph.KindPerson}, First: 10})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	equalStrings(t, "persons", entityIDs(page.Items), []string{PersonLopezObrador, PersonSheinbaum, PersonTrump})
	entities, err := s.EntitiesByID(ctx, []string{dupTrump})
	if err != nil {
		t.Fatalf("EntitiesByID: %v", err)
	}
	if e := entities[dupTrump]; e == nil || e.ID != PersonTrump {
		t.Errorf("EntitiesByID(%s) = %+v, want the survivor %s", dupTrump, e, PersonTrump)
	} else {
		checkAliases(t, e, "Trump", "President Trump", "DJT")
	}
	hits, err := s.Search(ctx, newsgraph.SearchQuery{Text: "DJT", Limit: 5})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	equalStrings(t, "search hits for a merged alias", hitIDs(hits), []string{PersonTrump})
	docs, err := s.DocumentIDsMentioning(ctx, []string{dupTrump})
	if err != nil {
		t.Fatalf("DocumentIDsMentioning: %v", err)
	}
	equalStrings(t, "documents mentioning the merged id", docs[dupTrump], []string{DocDesignation, DocResponse})
	degrees, err := s.Degrees(ctx, []string{dupTrump})
	if err != nil {
		t.Fatalf("Degrees: %v", err)
	}
	if d, ok := degrees[dupTrump]; !ok || d != 4 {
		t.Errorf("degree of the merged id = %d (present %v), want the survivor's, 4", d, ok)
	}
	_, err = s.DeleteEntity(ctx, dupTrump)
	wantCode(t, err, newsgraph.NotFound)

	records := mustMerges(t, s, PersonTrump)
	if len(records) != 1 {
		t.Fatalf("Merges = %+v, want one record", records)
	}
	if m := records[0]; m.Into != PersonTrump || !slices.Equal(m.From, []string{dupTrump}) || m.Actor != "tester" || m.At.IsZero() {
		t.Errorf("merge record = %+v, want into %s from [%s] by tester at a time set by the store", m, PersonTrump, dupTrump)
	}
}

func testMergeIdempotent(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openMergeFixture(t, open)
	m := newsgraph.Merge{Into: PersonTrump, From: []string{dupTrump}}
	first := mustMerge(t, s, m)
	stats := mustStats(t, s)
	relations := relationPages(t, s, newsgraph.RelationQuery{First: 100}, stats.Relations)
	second := mustMerge(t, s, m)
	if !reflect.DeepEqual(normalEntity(second), normalEntity(first)) {
		t.Errorf("second merge returned %+v, want %+v", second, first)
	}
	if st := mustStats(t, s); !reflect.DeepEqual(st, stats) {
		t.Errorf("Stats after a second merge = %+v, want %+v", st, stats)
	}
	equalStrings(t, "relations after a second merge", relationPages(t, s, newsgraph.RelationQuery{First: 100}, stats.Relations), relations)
	if records := mustMerges(t, s, PersonTrump); len(records) != 1 {
		t.Errorf("Merges after a second merge = %+v, want only the first", records)
	}
}

// testMergeSeveral merges two entities at once: their relation to each
// other becomes a self-loop of the survivor, and their relations that land
// on one id join with their evidence unioned.
func testMergeSeveral(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	const one, two = "person:trump-one", "person:trump-two"
	ev := func(quote string) []newsgraph.Evidence {
		return []newsgraph.Evidence{{Quote: quote, DocumentID: DocDesignation}}
	}
	mustUpsert(t, s, newsgraph.Batch{
		Entities: []*newsgraph.Entity{
			{ID: one, Kind: newsgraph.KindPerson, Name: "Trump One"},
			{ID: two, Kind: newsgraph.KindPerson, Name: "Trump Two", Aliases: []string{"Donald Trump", "Trump One"}},
		},
		Relations: []*newsgraph.Relation{
			{From: one, Type: "KNOWS", To: two, Evidence: ev("Donald Trump")},
			{From: one, Type: "VISITS", To: PlaceWashington, Evidence: ev("Washington")},
			{From: two, Type: "VISITS", To: PlaceWashington, Evidence: ev("in Washington")},
		},
	})
	survivor := mustMerge(t, s, newsgraph.Merge{Into: PersonTrump, From: []string{one, two}})
	// "Donald Trump" is the survivor's own name and "Trump One" a duplicate.
	checkAliases(t, survivor, "Trump", "Trump One", "Trump Two")
	visits := rid(PersonTrump, "VISITS", PlaceWashington)
	loop := rid(PersonTrump, "KNOWS", PersonTrump)
	got, err := s.RelationsByID(t.Context(), []string{visits, loop})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if got[loop] == nil || got[loop].From != PersonTrump || got[loop].To != PersonTrump {
		t.Errorf("self-loop %s = %+v", loop, got[loop])
	}
	if r := got[visits]; r == nil {
		t.Errorf("relation %s is missing", visits)
	} else if n := normalRelation(r); !reflect.DeepEqual(n.Evidence, []newsgraph.Evidence{
		{Quote: "Washington", DocumentID: DocDesignation}, {Quote: "in Washington", DocumentID: DocDesignation}}) {
		t.Errorf("joined relation's evidence = %+v, want both quotes", n.Evidence)
	}
	if got, want := mustStats(t, s).Relations, len(Fixture().Relations)+2; got != want {
		t.Errorf("Stats.Relations = %d, want %d", got, want)
	}
	records := mustMerges(t, s, PersonTrump)
	if len(records) != 1 || !slices.Equal(records[0].From, []string{one, two}) {
		t.Errorf("Merges = %+v, want one record from [%s %s]", records, one, two)
	}
}
