package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// expectedNamed is what EntitiesNamed must answer for key over entities:
// those of its kind whose name or alias folds to exactly its name, ranked
// by newsgraph.RankNamed, or nil.
func expectedNamed(key newsgraph.NameKey, entities []*newsgraph.Entity) []string {
	if !key.Answerable() {
		return nil
	}
	var named []*newsgraph.Entity
	for _, e := range entities {
		if ok, _ := e.NamedBy(key.Name); ok && e.Kind == key.Kind {
			named = append(named, e)
		}
	}
	newsgraph.RankNamed(key.Name, named)
	return entityIDs(named)
}

func testEntitiesNamed(t *testing.T, open func(t *testing.T) newsgraph.Store) {
	s := openFixture(t, open)
	// Two people answer to "ana acosta": one by name, one by alias.
	namesakes := []*newsgraph.Entity{
		{ID: "person:ana-acosta-ruiz", Kind: newsgraph.KindPerson, Name: "Ana Acosta Ruiz", Aliases: []string{"Ana Acosta"}},
		{ID: "person:ana-acosta", Kind: newsgraph.KindPerson, Name: "Ana Acosta"},
	}
	mustUpsert(t, s, newsgraph.Batch{Entities: namesakes})
	entities := append(Fixture().Entities, namesakes...)

	person, org := newsgraph.KindPerson, newsgraph.KindOrganization
	cases := []struct {
		name string
		key  newsgraph.NameKey
		want []string // nil: the key names nothing
	}{
		{"Name", newsgraph.NameKey{Kind: person, Name: "claudia sheinbaum"}, []string{PersonSheinbaum}},
		{"FoldedAccentedName", newsgraph.NameKey{Kind: person, Name: "andres manuel lopez obrador"}, []string{PersonLopezObrador}},
		{"Alias", newsgraph.NameKey{Kind: person, Name: "amlo"}, []string{PersonLopezObrador}},
		{"AccentedAlias", newsgraph.NameKey{Kind: org, Name: "cartel de sinaloa"}, []string{OrgSinaloaCartel}},
		{"BritishNameFoldsAmerican", newsgraph.NameKey{Kind: org, Name: "world health organization"}, []string{OrgWHO}},
		{"AliasThatIsAnInitialism", newsgraph.NameKey{Kind: newsgraph.KindLegalConcept, Name: "fto"}, []string{LegalFTO}},
		{"NameBeforeAliasThenID", newsgraph.NameKey{Kind: person, Name: "ana acosta"}, []string{"person:ana-acosta", "person:ana-acosta-ruiz"}},
		{"DerivedInitialismIsNoName", newsgraph.NameKey{Kind: newsgraph.KindEvent, Name: "fdc"}, nil},
		{"PartOfANameIsNoName", newsgraph.NameKey{Kind: person, Name: "sheinbaum"}, nil},
		{"NamePlusAWordIsNoName", newsgraph.NameKey{Kind: person, Name: "claudia sheinbaum pardo"}, nil},
		{"PrefixIsNoName", newsgraph.NameKey{Kind: person, Name: "claudia sheinb"}, nil},
		{"OtherKind", newsgraph.NameKey{Kind: org, Name: "claudia sheinbaum"}, nil},
		{"NotFolded", newsgraph.NameKey{Kind: person, Name: "Claudia Sheinbaum"}, nil},
		{"Quote", newsgraph.NameKey{Kind: person, Name: `claudia" OR x`}, nil},
		{"Empty", newsgraph.NameKey{Kind: person, Name: ""}, nil},
		{"UnknownKind", newsgraph.NameKey{Kind: "planet", Name: "mexico"}, nil},
	}
	keys := make([]newsgraph.NameKey, len(cases))
	for i, c := range cases {
		keys[i] = c.key
		if got := expectedNamed(c.key, entities); !slices.Equal(got, c.want) {
			t.Fatalf("%s: the contract gives %q, the case says %q", c.name, got, c.want)
		}
	}
	// One call answers every key.
	got, err := s.EntitiesNamed(t.Context(), append(keys, keys[0]))
	if err != nil {
		t.Fatalf("EntitiesNamed: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found, ok := got[c.key]
			if c.want == nil {
				if ok {
					t.Errorf("EntitiesNamed(%+v) = %q, want the key absent", c.key, entityIDs(found))
				}
				return
			}
			equalStrings(t, "entities named "+c.key.Name, entityIDs(found), c.want)
		})
	}
	t.Run("WholeEntities", func(t *testing.T) {
		e := got[cases[0].key]
		if len(e) != 1 || e[0].Description != "President of Mexico since 2024." || len(e[0].Roles) != 2 {
			t.Errorf("EntitiesNamed = %+v, want the whole entity %s", e, PersonSheinbaum)
		}
	})
	t.Run("SeesWrites", func(t *testing.T) {
		renamed := newsgraph.Entity{ID: PersonSheinbaum, Kind: person, Name: "Claudia Sheinbaum", Aliases: []string{"Sheinbaum"},
			Description: "President of Mexico since 2024."}
		mustUpsert(t, s, newsgraph.Batch{Entities: []*newsgraph.Entity{&renamed}})
		key := newsgraph.NameKey{Kind: person, Name: "sheinbaum"}
		got, err := s.EntitiesNamed(t.Context(), []newsgraph.NameKey{key})
		if err != nil {
			t.Fatalf("EntitiesNamed: %v", err)
		}
		equalStrings(t, "entities named sheinbaum after the write", entityIDs(got[key]), []string{PersonSheinbaum})
	})
	t.Run("NoKeys", func(t *testing.T) {
		got, err := s.EntitiesNamed(t.Context(), nil)
		if err != nil || len(got) != 0 {
			t.Errorf("EntitiesNamed(nil) = %v, %v; want nothing", got, err)
		}
	})
}
