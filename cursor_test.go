package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestCursorRoundTrip(t *testing.T) {
	for _, key := range []string{
		"person:claudia-sheinbaum",
		"person:a|REJECTS|event:b",
		"doc:9e9124713ed057f1",
		"ünïcödé and spaces",
		"x",
	} {
		c := newsgraph.EncodeCursor(key)
		got, err := newsgraph.DecodeCursor(c)
		wantNoError(t, err)
		if got != key {
			t.Errorf("DecodeCursor(EncodeCursor(%q)) = %q, want %q", key, got, key)
		}
		if c == key {
			t.Errorf("EncodeCursor(%q) = %q, want an opaque cursor", key, c)
		}
	}
}

func TestDecodeCursorEmptyIsStart(t *testing.T) {
	got, err := newsgraph.DecodeCursor("")
	wantNoError(t, err)
	if got != "" {
		t.Errorf(`DecodeCursor("") = %q, want ""`, got)
	}
}

func TestDecodeCursorMalformed(t *testing.T) {
	for _, c := range []string{
		"person:claudia-sheinbaum", // a raw id, not a cursor
		"!!!",
		"bmcxOg",                        // "ng1:" and no key
		"eDpwZXJzb24",                   // base64 without the prefix
		"bmcxOnBlcnNvbjph==",            // padded
		"bmcxOnBlcnNvbjph/+",            // standard, not URL, alphabet
		newsgraph.EncodeCursor("a")[1:], // truncated
	} {
		_, err := newsgraph.DecodeCursor(c)
		wantErrorCode(t, err, newsgraph.Invalid, "malformed cursor", c)
	}
}

// FuzzDecodeCursor checks that DecodeCursor never panics, fails only with
// Invalid, and that whatever EncodeCursor produces decodes to its key.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{"", "bmcxOg", newsgraph.EncodeCursor("person:a"), "person:a", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, err := newsgraph.DecodeCursor(s)
		if err != nil {
			if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
				t.Fatalf("DecodeCursor(%q) error code = %s, want %s", s, got, want)
			}
		} else if s != "" {
			if got, err := newsgraph.DecodeCursor(newsgraph.EncodeCursor(key)); err != nil || got != key {
				t.Fatalf("re-encoding the key %q of cursor %q gives %q, %v", key, s, got, err)
			}
		}
		// The fuzzed string doubles as a sort key. The empty key is the
		// start of a list, which needs no cursor, so it has none.
		if s == "" {
			return
		}
		got, err := newsgraph.DecodeCursor(newsgraph.EncodeCursor(s))
		if err != nil || got != s {
			t.Fatalf("DecodeCursor(EncodeCursor(%q)) = %q, %v; want the key back", s, got, err)
		}
	})
}
