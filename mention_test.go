package newsgraph_test

import (
	"reflect"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph"
)

func TestFindSpans(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		names []string
		want  []string // the text of each span, in order
	}{
		{"exact", "Claudia Sheinbaum spoke.", []string{"Claudia Sheinbaum"}, []string{"Claudia Sheinbaum"}},
		{"folded case and accents", "ANDRES MANUEL LÓPEZ obrador left.", []string{"Andrés Manuel López Obrador"}, []string{"ANDRES MANUEL LÓPEZ obrador"}},
		{"punctuation between words", "López-Obrador's term", []string{"Lopez Obrador"}, []string{"López-Obrador"}},
		{"curly possessive", "Sheinbaum’s plan", []string{"Sheinbaum"}, []string{"Sheinbaum"}},
		{"whole words only", "Trumpism is not Trump.", []string{"Trump"}, []string{"Trump"}},
		{"inside a longer match", "Claudia Sheinbaum met Sheinbaum.", []string{"Sheinbaum", "Claudia Sheinbaum"}, []string{"Claudia Sheinbaum", "Sheinbaum"}},
		{"british spelling", "the World Health Organisation", []string{"World Health Organization"}, []string{"World Health Organisation"}},
		{"offsets are UTF-16 code units", "Ñandú 🇲🇽: Mexico", []string{"Mexico"}, []string{"Mexico"}},
		{"absent", "Nothing here.", []string{"Rubio"}, nil},
		{"empty name", "Text.", []string{"", "..."}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := utf16.Encode([]rune(tc.text))
			var got []string
			for _, s := range newsgraph.FindSpans(tc.text, tc.names) {
				got = append(got, string(utf16.Decode(units[s.Start:s.End])))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("FindSpans(%q, %q) name %q, want %q", tc.text, tc.names, got, tc.want)
			}
		})
	}
}

// TestSpanFinderIsReusable checks that one SpanFinder, folding a text
// once, finds each entity's names as FindSpans does alone, whatever was
// looked for before.
func TestSpanFinderIsReusable(t *testing.T) {
	text := "Claudia Sheinbaum’s government told Sheinbaum’s critics, the PAN and Mexico’s Senate, that Mexico would not yield."
	finder := newsgraph.NewSpanFinder(text)
	for _, names := range [][]string{
		{"Claudia Sheinbaum", "Sheinbaum"},
		{"Mexico"},
		{"PAN", "National Action Party"},
		{"Senate of Mexico", "Senate"},
		{"Sheinbaum"},
		{"absent"},
	} {
		if got, want := finder.Find(names), newsgraph.FindSpans(text, names); !reflect.DeepEqual(got, want) {
			t.Errorf("Find(%q) = %v, want %v as FindSpans gives", names, got, want)
		}
		if len(finder.Find(names)) == 0 && names[0] != "absent" {
			t.Errorf("Find(%q) found nothing", names)
		}
	}
}

func TestUnionMentions(t *testing.T) {
	a := []newsgraph.Mention{{DocumentID: "doc:b", EntityID: "place:x", Spans: []newsgraph.Span{{Start: 5, End: 6}}}}
	b := []newsgraph.Mention{
		{DocumentID: "doc:b", EntityID: "place:x", Spans: []newsgraph.Span{{Start: 1, End: 2}, {Start: 5, End: 6}}},
		{DocumentID: "doc:a", EntityID: "place:y"},
	}
	want := []newsgraph.Mention{
		{DocumentID: "doc:a", EntityID: "place:y"},
		{DocumentID: "doc:b", EntityID: "place:x", Spans: []newsgraph.Span{{Start: 1, End: 2}, {Start: 5, End: 6}}},
	}
	if got := newsgraph.UnionMentions(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("UnionMentions = %v, want %v", got, want)
	}
	if len(a[0].Spans) != 1 {
		t.Error("UnionMentions changed its argument")
	}
}

// FuzzFindSpans checks that every span lies within the text, spells one
// of the names after folding, and that spans are sorted, distinct and
// none inside another.
func FuzzFindSpans(f *testing.F) {
	f.Add("Claudia Sheinbaum’s plan; Sheinbaum said", "Sheinbaum")
	f.Add("López-Obrador", "lopez obrador")
	f.Add("a''s 's", "a")
	f.Add("Straße Strasse", "strasse")
	f.Fuzz(func(t *testing.T, text, name string) {
		units := utf16.Encode([]rune(text))
		if newsgraph.TextLength(text) != len(units) {
			t.Fatalf("TextLength(%q) = %d, want %d", text, newsgraph.TextLength(text), len(units))
		}
		spans := newsgraph.FindSpans(text, []string{name})
		want := newsgraph.Fold(name)
		for i, s := range spans {
			if s.Start < 0 || s.End <= s.Start || s.End > len(units) {
				t.Fatalf("span %v of %q is outside its %d code units", s, text, len(units))
			}
			if got := newsgraph.Fold(string(utf16.Decode(units[s.Start:s.End]))); got != want && got != want+"s" {
				t.Errorf("span %v of %q folds to %q, want %q", s, text, got, want)
			}
			if i > 0 && (newsgraph.CompareSpans(spans[i-1], s) >= 0 || spans[i-1].End >= s.End) {
				t.Errorf("spans %v are not sorted, distinct and outermost", spans)
			}
		}
		if !slices.IsSortedFunc(spans, newsgraph.CompareSpans) {
			t.Errorf("spans %v are not sorted", spans)
		}
	})
}
