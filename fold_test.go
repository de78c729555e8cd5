package newsgraph_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Andrés Manuel López Obrador", "andres manuel lopez obrador"},
		{"CLAUDIA Sheinbaum", "claudia sheinbaum"},
		{"  Cártel   de\tJalisco\nNueva Generación ", "cartel de jalisco nueva generacion"},
		{"U.S. Department of State", "u s department of state"},
		{"Tren de Aragua (TdA)", "tren de aragua tda"},
		{"Foreign-Terrorist-Organization", "foreign terrorist organization"},
		{"Trump's", "trumps"},
		{"Trump’s", "trumps"},
		{"‘Sinaloa’", "sinaloa"},
		{"organisation", "organization"},
		{"Organisations", "organizations"},
		{"categorised", "categorized"},
		{"recognising", "recognizing"},
		{"criticises", "criticizes"},
		{"analysed", "analyzed"},
		{"paralyses", "paralyzes"},
		{"neighbours", "neighbors"},
		{"Labour", "labor"},
		{"centre", "center"},
		{"theatres", "theaters"},
		{"Ministry of Defence", "ministry of defense"},
		{"offences", "offenses"},
		{"licence", "license"},
		{"programme", "program"},
		{"rise", "rise"},   // short words keep their spelling
		{"tour", "tour"},   // short words keep their spelling
		{"fence", "fence"}, // not a British spelling
		{"Łódź", "lodz"},
		{"Ørsted", "orsted"},
		{"Straße", "strasse"},
		{"Æsir", "aesir"},
		{"Федеральная служба", "федеральная служба"},
		{"2025-03-01", "2025 03 01"},
		{"", ""},
		{"!!! ...", ""},
	}
	for _, tt := range tests {
		if got, want := newsgraph.Fold(tt.in), tt.want; got != want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestFoldIsIdempotent(t *testing.T) {
	// Each input once made Fold(Fold(s)) differ from Fold(s), or is close to
	// a case that could.
	for _, in := range []string{
		"ᄀ'ᅡ", // an apostrophe between Hangul jamo that compose without it
		"ᄀ’ᅡᆨ",
		"organisationise",
		"defences",
		"İstanbul",
		"Ǆemal",
		"ﬁnance",
	} {
		once := newsgraph.Fold(in)
		if got, want := newsgraph.Fold(once), once; got != want {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Andrés Manuel López Obrador", "andres-manuel-lopez-obrador"},
		{"Claudia Sheinbaum", "claudia-sheinbaum"},
		{"U.S. Department of State", "u-s-department-of-state"},
		{"Ministry of Defence", "ministry-of-defense"},
		{"Organisation of American States", "organization-of-american-states"},
		{"Łódź", "lodz"},
		{"Федеральная служба", ""},
		{"Naftogaz Нафтогаз 2", "naftogaz-2"},
		{"already-a-slug", "already-a-slug"},
		{"", ""},
	}
	for _, tt := range tests {
		if got, want := newsgraph.Slug(tt.in), tt.want; got != want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

// FuzzFold checks that Fold is idempotent, yields single-spaced lower-case
// words, and that Slug always yields an empty string or a valid id suffix.
func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"Andrés Manuel López Obrador", "Trump’s organisation", "ᄀ'ᅡ",
		"Łódź Straße", "CJNG — Cártel de Jalisco", "\xff\xfe", "İ", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := newsgraph.Fold(s)
		if got, want := newsgraph.Fold(folded), folded; got != want {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, got, want)
		}
		if !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, folded)
		}
		if got, want := strings.Join(strings.Fields(folded), " "), folded; got != want {
			t.Fatalf("Fold(%q) = %q, want single-spaced words %q", s, folded, got)
		}
		slug := newsgraph.Slug(s)
		if slug != "" && !newsgraph.ValidEntityID("person:"+slug) {
			t.Fatalf("Slug(%q) = %q, not a valid id suffix", s, slug)
		}
		if got, want := newsgraph.Slug(slug), slug; got != want {
			t.Fatalf("Slug(Slug(%q)) = %q, want %q", s, got, want)
		}
	})
}
