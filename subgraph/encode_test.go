package subgraph

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAppendString checks the JSON string encoder against encoding/json:
// what it writes decodes, with a real decoder, to the string (invalid
// UTF-8 as U+FFFD), and is exactly what encoding/json writes.
func FuzzAppendString(f *testing.F) {
	for _, seed := range []string{"", "plain", `quote " and \ back`, "tab\tnew\nline\r", "\x00\x1f\x7f",
		"Andrés Manuel López Obrador", "line\u2028sep\u2029", "bad \xff utf8 \xc3", "<b>&</b>", "emoji 🙂"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("appendString(%q) = %s does not decode: %v", s, got, err)
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); back != want && utf8.ValidString(s) {
			t.Errorf("appendString(%q) decodes to %q", s, back)
		}
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		// encoding/json escapes <, > and & for HTML; this encoder does not.
		html := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(want))
		if string(got) != html {
			t.Errorf("appendString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}

// BenchmarkAppendString measures the string encoder on what a subgraph is
// made of: ids, names and types, mostly ASCII, some with accents.
func BenchmarkAppendString(b *testing.B) {
	strs := []string{"person:claudia-sheinbaum|REJECTS|legal-concept:national-sovereignty", "Andrés Manuel López Obrador", "THREATENS", "organization:cartel-de-jalisco-nueva-generacion"}
	n := 0
	for _, s := range strs {
		n += len(s)
	}
	b.SetBytes(int64(n))
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = buf[:0]
		for _, s := range strs {
			buf = appendString(buf, s)
		}
	}
}
