package ingest_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// TestImportVerdicts checks how the import format's verdict is read: an
// enum value, or free text that names one and becomes the note (unless a
// note is given), and anything else Invalid with the accepted values.
func TestImportVerdicts(t *testing.T) {
	s := openStore(t)
	svc := ingest.New(s)
	for i, tc := range []struct {
		verdict, note string
		want          newsgraph.Verdict
		wantNote      string
		err           string
	}{
		{verdict: "DISPUTED", want: newsgraph.VerdictDisputed},
		{verdict: "unsubstantiated", want: newsgraph.VerdictUnsupported, wantNote: "unsubstantiated"},
		{verdict: "unsubstantiated", note: "No evidence.", want: newsgraph.VerdictUnsupported, wantNote: "No evidence."},
		{verdict: "", note: "Only a note.", wantNote: "Only a note."},
		{verdict: "probably", err: "SUPPORTED, UNSUPPORTED, DISPUTED, FALSE, UNVERIFIED"},
	} {
		in := ingest.Input{Entities: []ingest.EntityInput{{Ref: "c", Kind: newsgraph.KindClaim, Name: "Claim " + string(rune('a'+i)), Verdict: tc.verdict, VerdictNote: tc.note}}}
		res, err := svc.Ingest(t.Context(), in)
		if tc.err != "" {
			if newsgraph.ErrorCode(err) != newsgraph.Invalid || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("verdict %q: err %v, want Invalid naming %s", tc.verdict, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("verdict %q: %v", tc.verdict, err)
		}
		e := mustEntity(t, s, res.Created[0].ID)
		if e.Verdict != tc.want || e.VerdictNote != tc.wantNote {
			t.Errorf("verdict %q, note %q: stored %q, %q; want %q, %q", tc.verdict, tc.note, e.Verdict, e.VerdictNote, tc.want, tc.wantNote)
		}
	}
}
