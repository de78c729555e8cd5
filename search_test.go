package newsgraph_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

var (
	amlo = &newsgraph.Entity{
		ID: "person:andres-manuel-lopez-obrador", Kind: newsgraph.KindPerson,
		Name: "Andrés Manuel López Obrador", Aliases: []string{"AMLO"},
		Description: "Former president of Mexico.",
	}
	fto = &newsgraph.Entity{
		ID: "legal-concept:foreign-terrorist-organization", Kind: newsgraph.KindLegalConcept,
		Name: "Foreign Terrorist Organization", Aliases: []string{"FTO designation"},
		Description: "A US State Department designation under the Immigration and Nationality Act.",
	}
	who = &newsgraph.Entity{
		ID: "organization:world-health-organization", Kind: newsgraph.KindOrganization,
		Name: "World Health Organization", Aliases: []string{"WHO"},
	}
	cjng = &newsgraph.Entity{
		ID: "organization:cartel-de-jalisco-nueva-generacion", Kind: newsgraph.KindOrganization,
		Name: "Cártel de Jalisco Nueva Generación", Aliases: []string{"CJNG", "Jalisco cartel"},
		Description: "A Mexican drug trafficking organisation based in Jalisco.",
	}
)

func TestSearchKeys(t *testing.T) {
	tests := []struct {
		name   string
		entity *newsgraph.Entity
		want   []string
	}{
		{"name first then aliases", amlo, []string{"andres manuel lopez obrador", "amlo"}},
		{"initialism of the name", fto, []string{"foreign terrorist organization", "fto designation", "fto", "fd"}},
		{"stop words skipped", cjng, []string{"cartel de jalisco nueva generacion", "cjng", "jalisco cartel", "jc"}},
		{"initialism equal to an alias appears once", who, []string{"world health organization", "who"}},
		{"single word has no initialism", &newsgraph.Entity{Name: "Mexico"}, []string{"mexico"}},
		{"initialism of one letter dropped", &newsgraph.Entity{Name: "The Hague"}, []string{"the hague"}},
		{"non-ASCII initials are whole runes", &newsgraph.Entity{Name: "Федеральная служба безопасности"},
			[]string{"федеральная служба безопасности", "фсб"}},
		{"empty aliases skipped", &newsgraph.Entity{Name: "Sinaloa Cartel", Aliases: []string{"", "!!"}},
			[]string{"sinaloa cartel", "sc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantStrings(t, "SearchKeys", newsgraph.SearchKeys(tt.entity), tt.want)
		})
	}
}

func TestSearchScoreOrdering(t *testing.T) {
	// Each query matches fto in a weaker way than the one before it.
	tests := []struct {
		query string
		want  float64
	}{
		{"Foreign Terrorist Organization", 1},
		{"fto designation", 0.95},
		{"FTO", 0.95},
		{"foreign terr", 0.8},
		{"terrorist organization", 0.7 * 2.0 / 3},
		{"organization", 0.7 * 1.0 / 3},
		{"immigration nationality", 0.3 * 2.0 / 11}, // of 11 description words
	}
	prev := 2.0
	for _, tt := range tests {
		got := newsgraph.SearchScore(tt.query, fto)
		if !approx(got, tt.want) {
			t.Errorf("SearchScore(%q, fto) = %v, want %v", tt.query, got, tt.want)
		}
		if got > prev {
			t.Errorf("SearchScore(%q, fto) = %v, want at most the previous score %v", tt.query, got, prev)
		}
		prev = got
	}
}

func approx(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestSearchScoreFinds(t *testing.T) {
	tests := []struct {
		query  string
		entity *newsgraph.Entity
		min    float64
	}{
		{"Lopez Obrador", amlo, 0.3},
		{"lópez obrador", amlo, 0.3},
		{"AMLO", amlo, 0.95},
		{"amlo", amlo, 0.95},
		{"andres manuel", amlo, 0.8},
		{"FTO", fto, 0.95},
		{"World Health Organisation", who, 1},
		{"organisation", who, 0.2},
		{"who", who, 0.95},
		{"WHO", who, 0.95},
		{"cjng", cjng, 0.95},
		{"Jalisco", cjng, 0.2},
		{"cartel jalisco", cjng, 0.3},
		{"drug trafficking", amlo, 0},
		{"drug trafficking", cjng, 0.01},
	}
	for _, tt := range tests {
		got := newsgraph.SearchScore(tt.query, tt.entity)
		if tt.min == 0 {
			if got != 0 {
				t.Errorf("SearchScore(%q, %s) = %v, want 0", tt.query, tt.entity.ID, got)
			}
			continue
		}
		if got < tt.min || got > 1 {
			t.Errorf("SearchScore(%q, %s) = %v, want in [%v, 1]", tt.query, tt.entity.ID, got, tt.min)
		}
	}
}

func TestSearchScoreTokenCoverageIgnoresWordOrder(t *testing.T) {
	// A short query word that is a prefix of a longer one must not take the
	// only word the longer one can match: "c" must leave "cartel" to
	// "cartel" and match "central".
	e := &newsgraph.Entity{Name: "Cartel Central de Jalisco y Juárez"}
	for _, q := range []string{"c cartel", "cartel c", "j jalisco", "j c jalisco cartel"} {
		if got := newsgraph.SearchScore(q, e); got <= 0 {
			t.Errorf("SearchScore(%q, %q) = %v, want > 0", q, e.Name, got)
		}
	}
	if a, b := newsgraph.SearchScore("j jalisco", e), newsgraph.SearchScore("jalisco j", e); a != b {
		t.Errorf("SearchScore(\"j jalisco\") = %v, SearchScore(\"jalisco j\") = %v, want equal", a, b)
	}
}

func TestSearchScoreNoMatch(t *testing.T) {
	for _, q := range []string{"", "   ", "!!!", "sheinbaum", "xx", "xfto", "terrorist terrorist terrorist"} {
		if got := newsgraph.SearchScore(q, fto); got != 0 {
			t.Errorf("SearchScore(%q, fto) = %v, want 0", q, got)
		}
	}
}

func TestSearchTokens(t *testing.T) {
	wantStrings(t, "SearchTokens", newsgraph.SearchTokens("  López-Obrador's  ORGANISATION "), []string{"lopez", "obradors", "organization"})
	wantStrings(t, "SearchTokens", newsgraph.SearchTokens("..."), nil)
}

func TestRankHits(t *testing.T) {
	entity := func(id, name string) *newsgraph.Entity { return &newsgraph.Entity{ID: id, Name: name} }
	hits := []newsgraph.SearchHit{
		{Entity: entity("person:b", "Beta"), Score: 0.5},
		{Entity: entity("place:z", "Alpha"), Score: 0.5},
		{Entity: entity("person:z", "Zed"), Score: 0.95},
		{Entity: entity("place:a", "Alpha"), Score: 0.5},
		{Entity: entity("person:a", "Alpha"), Score: 0.5},
		{Entity: entity("event:a", "Omega"), Score: 1},
	}
	newsgraph.RankHits(hits)
	var got []string
	for _, h := range hits {
		got = append(got, h.Entity.ID)
	}
	wantStrings(t, "ranked ids", got, []string{"event:a", "person:z", "person:a", "place:a", "place:z", "person:b"})
}

// FuzzSearchScore checks that scores stay in [0, 1], that an entity's exact
// name scores 1, and that scoring never panics.
func FuzzSearchScore(f *testing.F) {
	f.Add("Lopez Obrador", "Andrés Manuel López Obrador", "AMLO", "Former president.")
	f.Add("FTO", "Foreign Terrorist Organization", "", "")
	f.Add("Фсб", "Федеральная служба безопасности", "ФСБ", "")
	f.Add("\xff", "\xfe x", "\x00", "a b c")
	f.Fuzz(func(t *testing.T, query, name, alias, description string) {
		e := &newsgraph.Entity{Name: name, Aliases: []string{alias}, Description: description}
		score := newsgraph.SearchScore(query, e)
		if score < 0 || score > 1 {
			t.Fatalf("SearchScore(%q, %+v) = %v, want in [0, 1]", query, e, score)
		}
		if newsgraph.Fold(name) != "" {
			if got, want := newsgraph.SearchScore(name, e), 1.0; got != want {
				t.Fatalf("SearchScore(name %q) = %v, want %v", name, got, want)
			}
		}
		// Every word of the name, or its first letter, in reverse order,
		// covers the name.
		if q := scrambledWords(newsgraph.Fold(name)); q != "" {
			if got := newsgraph.SearchScore(q, e); got <= 0 {
				t.Fatalf("SearchScore(%q, name %q) = %v, want > 0", q, name, got)
			}
		}
		for _, k := range newsgraph.SearchKeys(e) {
			if k == "" || newsgraph.Fold(k) != k {
				t.Fatalf("SearchKeys(%+v) holds %q, want non-empty folded keys", e, k)
			}
		}
	})
}

// scrambledWords returns the words of folded in reverse order, every second
// one cut to its first letter.
func scrambledWords(folded string) string {
	words := strings.Fields(folded)
	out := make([]string, 0, len(words))
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if i%2 == 1 {
			r, _ := utf8.DecodeRuneInString(w)
			w = string(r)
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// TestTopHits checks TopHits keeps what RankHits then truncating keeps, in
// the same order, for lists with ties of scores and names.
func TestTopHits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct{ hits, n int }{{0, 10}, {5, 10}, {10, 10}, {11, 10}, {500, 10}, {500, 1}, {50, 0}, {2000, 50}} {
		hits := make([]newsgraph.SearchHit, tt.hits)
		for i := range hits {
			hits[i] = newsgraph.SearchHit{
				Entity: &newsgraph.Entity{ID: fmt.Sprintf("person:p%04d", rng.IntN(10000)), Name: fmt.Sprintf("N%d", rng.IntN(20))},
				Score:  float64(rng.IntN(5)) / 4,
			}
		}
		want := slices.Clone(hits)
		newsgraph.RankHits(want)
		want = want[:min(tt.n, len(want))]
		got := newsgraph.TopHits(slices.Clone(hits), tt.n)
		if !slices.Equal(got, want) {
			t.Errorf("TopHits(%d hits, %d) = %v, want %v", tt.hits, tt.n, got, want)
		}
	}
}
