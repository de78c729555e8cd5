package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestParseVerdict(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want newsgraph.Verdict
		note string
		ok   bool
	}{
		{"", "", "", true},
		{"DISPUTED", newsgraph.VerdictDisputed, "", true},
		{"false", newsgraph.VerdictFalse, "", true},
		{" Unverified ", newsgraph.VerdictUnverified, "", true},
		{"unsubstantiated", newsgraph.VerdictUnsupported, "unsubstantiated", true},
		{"supported (official provisional data)", newsgraph.VerdictSupported, "supported (official provisional data)", true},
		{"Misleading: the figure is old", newsgraph.VerdictDisputed, "Misleading: the figure is old", true},
		{"accurate", newsgraph.VerdictSupported, "accurate", true},
		{"debunked", newsgraph.VerdictFalse, "debunked", true},
		{"probably fine", "", "", false},
		{"mostly true", "", "", false},
	} {
		v, note, err := newsgraph.ParseVerdict(tc.in)
		if tc.ok != (err == nil) {
			t.Errorf("ParseVerdict(%q) error = %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if err != nil {
			if got := newsgraph.ErrorCode(err); got != newsgraph.Invalid {
				t.Errorf("ParseVerdict(%q) code = %q, want Invalid", tc.in, got)
			}
			continue
		}
		if v != tc.want || note != tc.note {
			t.Errorf("ParseVerdict(%q) = %q, %q; want %q, %q", tc.in, v, note, tc.want, tc.note)
		}
	}
}

func TestUpgradeVerdict(t *testing.T) {
	for _, tc := range []struct {
		verdict, note string
		wantVerdict   newsgraph.Verdict
		wantNote      string
	}{
		{"unsupported", "", newsgraph.VerdictUnsupported, ""},
		{"unsubstantiated", "", newsgraph.VerdictUnsupported, "unsubstantiated"},
		{"supported (official provisional data)", "", newsgraph.VerdictSupported, "supported (official provisional data)"},
		{"a strange word", "", newsgraph.VerdictUnverified, "a strange word"},
		{"disputed", "kept", newsgraph.VerdictDisputed, "kept"},
		{"DISPUTED", "", newsgraph.VerdictDisputed, ""},
		{"", "", "", ""},
	} {
		e := &newsgraph.Entity{Verdict: newsgraph.Verdict(tc.verdict), VerdictNote: tc.note}
		newsgraph.UpgradeVerdict(e)
		if e.Verdict != tc.wantVerdict || e.VerdictNote != tc.wantNote {
			t.Errorf("UpgradeVerdict(%q, %q) = %q, %q; want %q, %q", tc.verdict, tc.note, e.Verdict, e.VerdictNote, tc.wantVerdict, tc.wantNote)
		}
	}
}

func TestBatchRefusesFreeTextVerdicts(t *testing.T) {
	b := newsgraph.Batch{Entities: []*newsgraph.Entity{{ID: "claim:x", Kind: newsgraph.KindClaim, Name: "X", Verdict: "unsupported"}}}
	if err := b.Validate(); newsgraph.ErrorCode(err) != newsgraph.Invalid {
		t.Errorf("Validate of a free-text verdict = %v, want Invalid", err)
	}
	b.Entities[0].Verdict = newsgraph.VerdictUnsupported
	if err := b.Validate(); err != nil {
		t.Errorf("Validate of UNSUPPORTED = %v", err)
	}
}

// FuzzParseVerdict checks that ParseVerdict never panics, gives a valid
// verdict or an Invalid error, and reads its own results back unchanged.
func FuzzParseVerdict(f *testing.F) {
	for _, s := range []string{"DISPUTED", "unsubstantiated", "supported (official provisional data)", "", "probably", "FALSE!", "ünverified"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, note, err := newsgraph.ParseVerdict(s)
		if err != nil {
			if newsgraph.ErrorCode(err) != newsgraph.Invalid {
				t.Fatalf("ParseVerdict(%q) error %v is not Invalid", s, err)
			}
			return
		}
		if v != "" && !v.Valid() {
			t.Fatalf("ParseVerdict(%q) = %q, not a verdict", s, v)
		}
		if again, againNote, err := newsgraph.ParseVerdict(string(v)); err != nil || again != v || againNote != "" {
			t.Errorf("ParseVerdict(%q) = %q, %q, %v; want %q back", v, again, againNote, err, v)
		}
		if v == "" && note != "" {
			t.Errorf("ParseVerdict(%q) gave a note %q and no verdict", s, note)
		}
	})
}
