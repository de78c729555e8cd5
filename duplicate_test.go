package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestPossibleDuplicate(t *testing.T) {
	morris := &newsgraph.Entity{ID: "person:morris-tidball-binz", Kind: newsgraph.KindPerson, Name: "Morris Tidball-Binz"}
	sheinbaum := &newsgraph.Entity{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum"}
	mexico := &newsgraph.Entity{ID: "place:mexico", Kind: newsgraph.KindPlace, Name: "Mexico", Aliases: []string{"México"}}
	fto := &newsgraph.Entity{ID: "legal-concept:fto", Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization", Aliases: []string{"FTO"}}
	tests := []struct {
		name     string
		kind     newsgraph.Kind
		new      string
		existing *newsgraph.Entity
		want     bool
	}{
		{"SurnameOfFullName", newsgraph.KindPerson, "Tidball-Binz", morris, true},
		{"FullNameOfSurname", newsgraph.KindPerson, "Claudia Sheinbaum Pardo", sheinbaum, true},
		{"Typo", newsgraph.KindPerson, "Claudia Sheinbaun", sheinbaum, true},
		{"TypoInOneWord", newsgraph.KindPerson, "Tidbal-Binz", &newsgraph.Entity{Kind: newsgraph.KindPerson, Name: "Tidball-Binz"}, true},
		{"SameFoldedNameIsAMatch", newsgraph.KindPerson, "claudia SHEINBAUM", sheinbaum, false},
		{"OtherKind", newsgraph.KindOrganization, "Tidball-Binz", morris, false},
		{"OtherPerson", newsgraph.KindPerson, "Claudia Schiffer", sheinbaum, false},
		{"PlaceInsideAnother", newsgraph.KindPlace, "Mexico City", mexico, false},
		{"PlaceNamedPartly", newsgraph.KindPlace, "Mexic", mexico, true},
		{"ShortNamesNeedExactWords", newsgraph.KindLegalConcept, "FTA", fto, false},
		{"ByAlias", newsgraph.KindLegalConcept, "Terrorist Organization", fto, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newsgraph.PossibleDuplicate(tt.kind, tt.new, tt.existing); got != tt.want {
				t.Errorf("PossibleDuplicate(%s, %q, %s) = %v, want %v", tt.kind, tt.new, tt.existing.Name, got, tt.want)
			}
		})
	}
}

func TestDuplicateQueryAndNameParts(t *testing.T) {
	tests := []struct {
		name  string
		query string
		parts []string
	}{
		{"Tidball-Binz", "tidball binz", []string{"tidball", "binz"}},
		{"Sheinbaun", "sheinbaun", nil},
		{"Claudia Sheinbaum Pardo", "claudia sheinbaum pardo", []string{"claudia", "sheinbaum", "pardo", "claudia sheinbaum", "sheinbaum pardo"}},
		{"  ", "", nil},
	}
	for _, tt := range tests {
		if got := newsgraph.DuplicateQuery(tt.name); got != tt.query {
			t.Errorf("DuplicateQuery(%q) = %q, want %q", tt.name, got, tt.query)
		}
		wantStrings(t, "NameParts("+tt.name+")", newsgraph.NameParts(tt.name), tt.parts)
	}
}

func FuzzPossibleDuplicate(f *testing.F) {
	f.Add("Tidball-Binz", "Morris Tidball-Binz")
	f.Add("Sheinbaun", "Claudia Sheinbaum")
	f.Add("Łódź", "Lodz")
	f.Add("0 0 0 10 0 1", "") // six distinct words once gave 16 name parts
	f.Fuzz(func(t *testing.T, name, existing string) {
		e := &newsgraph.Entity{Kind: newsgraph.KindPerson, Name: existing}
		got := newsgraph.PossibleDuplicate(newsgraph.KindPerson, name, e)
		if got && newsgraph.Fold(name) == newsgraph.Fold(existing) {
			t.Fatalf("PossibleDuplicate(%q, %q): equal folded names are a match, not a duplicate", name, existing)
		}
		if got && !newsgraph.PossibleDuplicate(newsgraph.KindPerson, name, &newsgraph.Entity{Kind: newsgraph.KindPerson, Name: "x", Aliases: []string{existing}}) {
			t.Fatalf("PossibleDuplicate(%q, %q) holds for the name but not for the same alias", name, existing)
		}
		if parts := newsgraph.NameParts(name); len(parts) > 15 {
			t.Fatalf("NameParts(%q) = %q: more than 15 lookups", name, parts)
		}
	})
}
