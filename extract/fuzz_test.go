package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
)

// FuzzExtract: on any text the extractor does not panic, every offset is in
// range and on a character boundary, every quote is the text at its
// offsets, and the draft passes the import's own validation.
func FuzzExtract(f *testing.F) {
	f.Add("Mexican President Claudia Sheinbaum met FIFA President Gianni Infantino on Monday. “No,” she said.")
	f.Add("“Unclosed quote. Ms Lindqvist, the EU trade commissioner, said on October 2 in 2023.")
	f.Add("In August, the Ministry of Commerce of Peru's government threatened Chile; Trump’s \"x\" — 2017 to 2021.")
	gaz := extract.NewGazetteer()
	gaz.Add(&newsgraph.Entity{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum", Aliases: []string{"Sheinbaum"}, Roles: []string{"President of Mexico"}})
	gaz.Add(&newsgraph.Entity{ID: "place:mexico", Kind: newsgraph.KindPlace, Name: "Mexico"})
	x := extract.NewOffline(gaz)
	f.Fuzz(func(t *testing.T, text string) {
		in := extract.Input{Text: text, Published: newsgraph.MustParseDate("2025-11-18")}
		got, err := x.Extract(t.Context(), in)
		if err != nil {
			if in.Validate() == nil {
				t.Fatalf("valid input failed: %v", err)
			}
			return
		}
		inRange := func(s extract.Span) bool {
			return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) &&
				(s.Start == len(text) || utf8.RuneStart(text[s.Start])) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
		}
		for _, c := range got.Entities {
			for _, m := range c.Mentions {
				if !inRange(m) {
					t.Fatalf("%s: mention %v out of range", c.Ref, m)
				}
			}
			if c.Kind == newsgraph.KindClaim && !strings.Contains(text, c.ClaimText) {
				t.Fatalf("%s: claim %q is not in the text", c.Ref, c.ClaimText)
			}
		}
		for _, r := range got.Relations {
			for i, q := range r.Quotes {
				if !inRange(r.Evidence[i]) || text[r.Evidence[i].Start:r.Evidence[i].End] != q || strings.TrimSpace(q) == "" {
					t.Fatalf("%s %s %s: quote %q is not the text at %v", r.From, r.Type, r.To, q, r.Evidence[i])
				}
			}
		}
		if err := got.Draft().Validate(); err != nil {
			t.Fatalf("the draft does not validate: %v", err)
		}
	})
}
