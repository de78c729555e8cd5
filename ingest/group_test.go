package ingest_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// groupInputs returns n documents naming people from a small pool in
// varying forms ("Ana Acosta", "Mr Ana Acosta"), with relations that later
// documents repeat, so that a group creates, matches and corroborates.
func groupInputs(n int) []ingest.Input {
	names := []string{"Ana Acosta", "Bruno Beltran", "Carla Cruz", "Diego Duarte"}
	var ins []ingest.Input
	for i := range n {
		in := ingest.Input{Document: ingest.DocumentInput{
			ID: fmt.Sprintf("doc:group-%d", i), Title: fmt.Sprintf("Report %d", i),
			PublishedAt: newsgraph.MustParseDate("2025-03-01"),
		}}
		var text strings.Builder
		for j := range 3 {
			a, b := names[(i+j)%len(names)], names[(i+2*j+1)%len(names)]
			if a == b {
				continue
			}
			if (i+j)%3 == 0 {
				a = "Mr " + a
			}
			refA, refB := fmt.Sprintf("a%d", j), fmt.Sprintf("b%d", j)
			in.Entities = append(in.Entities,
				ingest.EntityInput{Ref: refA, Kind: newsgraph.KindPerson, Name: a},
				ingest.EntityInput{Ref: refB, Kind: newsgraph.KindPerson, Name: b})
			quote := fmt.Sprintf("%s met %s (%d).", a, b, i%5)
			text.WriteString(quote + "\n")
			in.Relations = append(in.Relations, ingest.RelationInput{Type: "MET_WITH", From: refA, To: refB, Quotes: []string{quote}})
		}
		in.Document.Text = text.String()
		ins = append(ins, in)
	}
	return ins
}

func TestIngestGroupMatchesSequentialIngest(t *testing.T) {
	good := groupInputs(12)
	badQuote := good[1]
	badQuote.Document.ID = "doc:bad-quote"
	badQuote.Relations = []ingest.RelationInput{{Type: "MET_WITH", From: "a0", To: "b0", Quotes: []string{"not in the text"}}}
	otherText := good[0]
	otherText.Document.Text = good[0].Document.Text + "More.\n" // same id, other text: rejected
	for _, tc := range []struct {
		name   string
		inputs []ingest.Input
	}{
		{"distinct documents", good},
		{"the same document twice", append(append([]ingest.Input{}, good[:3]...), good[2], good[3])},
		{"rejected lines in the middle", append(append([]ingest.Input{}, good[:4]...), badQuote, otherText, good[4])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The sequential ingest runs on a reference store: on Neo4j the
			// group is then compared with the embedded store.
			seq, grouped := openSeededReference(t), openSeeded(t)
			seqSvc := ingest.New(seq)
			var want []ingest.Outcome
			for _, in := range tc.inputs {
				res, err := seqSvc.Ingest(t.Context(), in)
				want = append(want, ingest.Outcome{Result: res, Err: err})
			}
			got, err := ingest.New(grouped).IngestGroup(t.Context(), tc.inputs)
			if err != nil {
				t.Fatalf("IngestGroup: %v", err)
			}
			if len(got) != len(want) {
				t.Fatalf("IngestGroup returned %d outcomes, want %d", len(got), len(want))
			}
			corroborated, matched := 0, 0
			for i := range want {
				checkSameOutcome(t, i, got[i], want[i])
				corroborated += got[i].Result.RelationsCorroborated
				matched += len(got[i].Result.Matched)
			}
			if tc.name == "distinct documents" && (corroborated == 0 || matched == 0) {
				t.Errorf("the group corroborated %d relations and matched %d entities; the test needs both", corroborated, matched)
			}
			if g, w := snapshot(t, grouped), snapshot(t, seq); !reflect.DeepEqual(g, w) {
				t.Errorf("the grouped store differs from the sequential one:\n got %+v\nwant %+v", g, w)
			}
		})
	}
}

// checkSameOutcome compares what input i did in a group with what it did
// alone.
func checkSameOutcome(t *testing.T, i int, got, want ingest.Outcome) {
	t.Helper()
	if got.Committed() != want.Committed() || got.Rejected() != want.Rejected() {
		t.Errorf("input %d: committed %v rejected %v (%v), want committed %v rejected %v (%v)",
			i, got.Committed(), got.Rejected(), got.Err, want.Committed(), want.Rejected(), want.Err)
		return
	}
	if !want.Committed() {
		if got.Err.Error() != want.Err.Error() {
			t.Errorf("input %d: error %q, want %q", i, got.Err, want.Err)
		}
		return
	}
	g, w := got.Result, want.Result
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"created entities", entityIDs(g.Created), entityIDs(w.Created)},
		{"matched entities", entityIDs(g.Matched), entityIDs(w.Matched)},
		{"created relations", relationIDs(g.CreatedRelations), relationIDs(w.CreatedRelations)},
		{"corroborated relations", relationIDs(g.CorroboratedRelations), relationIDs(w.CorroboratedRelations)},
		{"relation counts", [2]int{g.RelationsCreated, g.RelationsCorroborated}, [2]int{w.RelationsCreated, w.RelationsCorroborated}},
		{"document", g.Document, w.Document},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("input %d: %s = %v, want %v", i, c.what, c.got, c.want)
		}
	}
}

// failingStore refuses every Upsert that writes more than one document,
// as a store might refuse a combined write that its inputs alone pass.
type failingStore struct{ newsgraph.Store }

func (s failingStore) Upsert(ctx context.Context, b newsgraph.Batch) (newsgraph.WriteReport, error) {
	if len(b.Documents) > 1 {
		return newsgraph.WriteReport{}, newsgraph.Errorf(newsgraph.Invalid, "refused: %d documents", len(b.Documents))
	}
	return s.Store.Upsert(ctx, b)
}

func TestIngestGroupFallsBackToOneWritePerInput(t *testing.T) {
	s := openSeeded(t)
	inputs := groupInputs(4)
	got, err := ingest.New(failingStore{s}).IngestGroup(t.Context(), inputs)
	if err != nil {
		t.Fatalf("IngestGroup: %v", err)
	}
	for i, o := range got {
		if !o.Committed() {
			t.Errorf("input %d not committed: %v", i, o.Err)
		}
	}
	if got, want := mustStats(t, s).Documents, 1+len(inputs); got != want {
		t.Errorf("documents = %d, want %d", got, want)
	}
}

func TestIngestGroupStopsOnAStoreFailure(t *testing.T) {
	s := openStore(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := ingest.New(s).IngestGroup(t.Context(), groupInputs(3))
	if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
		t.Fatalf("IngestGroup on a closed store: code %q (%v), want %q", got, err, want)
	}
	for i, o := range got {
		if o.Committed() || o.Rejected() {
			t.Errorf("input %d: committed %v, rejected %v; want failed", i, o.Committed(), o.Rejected())
		}
	}
}
