package ingest_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// TestExportKeepsTheMergeHistory: ids merged away resolve to their
// survivors after a round trip, the records keep their actor and time, the
// survivor gains no alias, and importing the export twice changes nothing.
func TestExportKeepsTheMergeHistory(t *testing.T) {
	const trump = "person:donald-trump"
	dups := []string{"person:donald-j-trump", "person:the-us-president"}
	at := time.Date(2025, 11, 19, 8, 30, 0, 0, time.UTC)
	for name, merges := range map[string][]newsgraph.Merge{
		"two merges into the survivor": {
			{Into: trump, From: dups[:1], Actor: "alice", At: at},
			{Into: trump, From: dups[1:], Actor: "bob"},
		},
		// The first record's survivor is merged away by the second: the
		// export holds both (Merges follows the chain) and the import
		// recreates the link as a stand-in, so both ids resolve.
		"a chain": {
			{Into: dups[1], From: dups[:1], Actor: "alice", At: at},
			{Into: trump, From: dups[1:], Actor: "bob"},
		},
	} {
		t.Run(name, func(t *testing.T) { testMergeRoundTrip(t, trump, dups, merges) })
	}
}

// testMergeRoundTrip makes the merges of the entities dups (created first)
// in a seeded store, exports it and imports the lines twice into another:
// every id resolves to survivor as before, with the same history, stats
// and aliases.
func testMergeRoundTrip(t *testing.T, trump string, dups []string, merges []newsgraph.Merge) {
	ctx := t.Context()
	src := openSeeded(t)
	svc := ingest.New(src)
	for i, name := range []string{"Donald J. Trump", "The US President"} {
		if _, _, err := svc.UpsertEntity(ctx, ingest.EntityInput{ID: dups[i], Kind: newsgraph.KindPerson, Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		if _, err := src.MergeEntities(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	history, err := src.Merges(ctx, []string{trump})
	if err != nil {
		t.Fatal(err)
	}
	wantRecords := history[trump]

	lines := snapshot(t, src)
	if last := lines[len(lines)-1]; !reflect.DeepEqual(last.Merges, wantRecords) {
		t.Fatalf("last line's merges = %+v, want %+v", last.Merges, wantRecords)
	}
	// The lines go through JSON, as the command line writes and reads them.
	for i, in := range lines {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if lines[i], err = ingest.DecodeInput(b); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, b)
		}
	}
	dst := teststore.OpenReference(t)
	into := ingest.New(dst)
	for range 2 { // the second import changes nothing
		outcomes, err := into.IngestGroup(ctx, lines)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range outcomes {
			if o.Err != nil {
				t.Fatalf("line %d: %v", i+1, o.Err)
			}
		}
	}
	got, err := dst.EntitiesByID(ctx, dups)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range dups {
		if got[id] == nil || got[id].ID != trump {
			t.Errorf("%s resolves to %v after the round trip, want %s", id, got[id], trump)
		}
	}
	history, err = dst.Merges(ctx, []string{trump})
	if err != nil {
		t.Fatal(err)
	}
	records := history[trump]
	if len(wantRecords) != len(merges) {
		t.Fatalf("the source's history = %+v, want the %d merges made", wantRecords, len(merges))
	}
	if len(records) != len(wantRecords) {
		t.Fatalf("merges after the round trip = %+v, want %+v", records, wantRecords)
	}
	for i, r := range records {
		w := wantRecords[i]
		if r.Into != w.Into || !slices.Equal(r.From, w.From) || r.Actor != w.Actor || !r.At.Equal(w.At) {
			t.Errorf("merge %d after the round trip = %+v, want %+v", i, r, w)
		}
	}
	if got, want := mustStats(t, dst), mustStats(t, src); !reflect.DeepEqual(got, want) {
		t.Errorf("stats after the round trip = %+v, want %+v", got, want)
	}
	if got, want := mustEntity(t, dst, trump).Aliases, mustEntity(t, src, trump).Aliases; !slices.Equal(got, want) {
		t.Errorf("survivor's aliases after the round trip = %v, want %v", got, want)
	}
}
