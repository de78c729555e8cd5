package ingest_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// streamGroups splits inputs into groups of the given sizes, in order,
// validating each input ahead as the importer does.
func streamGroups(tb testing.TB, inputs []ingest.Input, sizes ...int) [][]ingest.Checked {
	tb.Helper()
	var groups [][]ingest.Checked
	for _, n := range sizes {
		var group []ingest.Checked
		for _, in := range inputs[:n] {
			c, err := ingest.Check(in)
			if err != nil {
				tb.Fatalf("Check: %v", err)
			}
			group = append(group, c)
		}
		groups = append(groups, group)
		inputs = inputs[n:]
	}
	if len(inputs) > 0 {
		tb.Fatalf("%d inputs left over by the group sizes", len(inputs))
	}
	return groups
}

// feed returns a next function for IngestStream that hands out groups in
// order, then nil.
func feed(groups [][]ingest.Checked) func() []ingest.Checked {
	next := 0
	return func() []ingest.Checked {
		if next == len(groups) {
			return nil
		}
		next++
		return groups[next-1]
	}
}

// ingestStream runs IngestStream over groups and returns the outcomes of
// every input, in order.
func ingestStream(tb testing.TB, svc *ingest.Service, groups [][]ingest.Checked) []ingest.Outcome {
	tb.Helper()
	var out []ingest.Outcome
	committed := 0
	err := svc.IngestStream(tb.Context(), feed(groups), func(outcomes []ingest.Outcome) error {
		if got, want := len(outcomes), len(groups[committed]); got != want {
			tb.Errorf("group %d: %d outcomes, want %d", committed, got, want)
		}
		committed++
		out = append(out, outcomes...)
		return nil
	})
	if err != nil {
		tb.Fatalf("IngestStream: %v", err)
	}
	if committed != len(groups) {
		tb.Fatalf("%d groups committed, want %d", committed, len(groups))
	}
	return out
}

func TestIngestStreamMatchesSequentialIngest(t *testing.T) {
	good := groupInputs(12)
	otherText := good[0]
	otherText.Document.Text = good[0].Document.Text + "More.\n" // same id, other text: rejected when planned
	merge := ingest.Input{Merges: []newsgraph.Merge{{
		Into: newsgraph.EntityID(newsgraph.KindPerson, "Ana Acosta"),
		From: []string{newsgraph.EntityID(newsgraph.KindPerson, "Bruno Beltran")},
		At:   time.Date(2025, 3, 2, 12, 0, 0, 0, time.UTC),
	}}}
	for _, tc := range []struct {
		name   string
		inputs []ingest.Input
		sizes  []int
		// fallback makes the store refuse every write of more than one
		// document, so that groups are written input by input.
		fallback bool
	}{
		{"one input per group", good[:6], []int{1, 1, 1, 1, 1, 1}, false},
		{"growing groups", good, []int{1, 2, 4, 5}, false},
		{"the same document in two groups", append(append([]ingest.Input{}, good[:3]...), good[2], good[3]), []int{3, 2}, false},
		{"rejected inputs", append(append([]ingest.Input{}, good[:4]...), otherText, good[4], otherText), []int{2, 3, 1, 1}, false},
		{"a merge between groups", append(append(append([]ingest.Input{}, good[:4]...), merge), good[4:8]...), []int{2, 2, 1, 4}, false},
		{"groups written input by input", good[:8], []int{1, 3, 4}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq, streamed := openSeededReference(t), openSeeded(t)
			seqSvc := ingest.New(seq)
			var want []ingest.Outcome
			for _, in := range tc.inputs {
				res, err := seqSvc.Ingest(t.Context(), in)
				want = append(want, ingest.Outcome{Result: res, Err: err})
			}
			store := streamed
			if tc.fallback {
				store = failingStore{streamed}
			}
			got := ingestStream(t, ingest.New(store), streamGroups(t, tc.inputs, tc.sizes...))
			if len(got) != len(want) {
				t.Fatalf("IngestStream gave %d outcomes, want %d", len(got), len(want))
			}
			for i := range want {
				checkSameOutcome(t, i, got[i], want[i])
			}
			if g, w := snapshot(t, streamed), snapshot(t, seq); !reflect.DeepEqual(g, w) {
				t.Errorf("the streamed store differs from the sequential one:\n got %+v\nwant %+v", g, w)
			}
		})
	}
}

// TestIngestStreamCommitsAGroupBeforeTheNextArrives checks that a group is
// written while the stream waits for the next one: an importer reading a
// slow source acknowledges each line without waiting for the line after.
func TestIngestStreamCommitsAGroupBeforeTheNextArrives(t *testing.T) {
	inputs := groupInputs(3)
	groups := streamGroups(t, inputs, 1, 2)
	store := openSeeded(t)
	calls, commits := 0, 0
	err := ingest.New(store).IngestStream(t.Context(), func() []ingest.Checked {
		calls++
		switch calls {
		case 1:
			return groups[0]
		case 2:
			// The stream waits here for the second group: the first must
			// be written meanwhile.
			first := inputs[0].Document.ID
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
				docs, err := store.DocumentsByID(t.Context(), []string{first})
				if err != nil {
					t.Fatalf("DocumentsByID: %v", err)
				}
				if docs[first] != nil {
					break
				}
				if time.Now().After(deadline) {
					t.Error("the first group was not written while the stream waited for the second")
					break
				}
			}
			return groups[1]
		default:
			return nil
		}
	}, func(outcomes []ingest.Outcome) error {
		commits++
		for i, o := range outcomes {
			if !o.Committed() {
				t.Errorf("group %d input %d: %v", commits, i, o.Err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("IngestStream: %v", err)
	}
	if commits != 2 {
		t.Errorf("%d groups committed, want 2", commits)
	}
}

func TestIngestStreamStopsOnAStoreFailure(t *testing.T) {
	s := openStore(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	groups := streamGroups(t, groupInputs(3), 1, 2)
	reported := 0
	err := ingest.New(s).IngestStream(t.Context(), feed(groups), func(outcomes []ingest.Outcome) error {
		reported++
		for i, o := range outcomes {
			if o.Committed() || o.Rejected() {
				t.Errorf("input %d: committed %v, rejected %v; want failed", i, o.Committed(), o.Rejected())
			}
		}
		return nil
	})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Unavailable; got != want {
		t.Fatalf("IngestStream on a closed store: code %q (%v), want %q", got, err, want)
	}
	if reported != 1 {
		t.Errorf("%d groups reported, want the failed one only", reported)
	}
}
