package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
)

// graph is a small gazetteer: Claudia Sheinbaum holds the office of
// President of Mexico.
func graph() *extract.Gazetteer {
	g := extract.NewGazetteer()
	g.Add(&newsgraph.Entity{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum", Roles: []string{"President of Mexico"}})
	g.Add(&newsgraph.Entity{ID: "person:morris-tidball-binz", Kind: newsgraph.KindPerson, Name: "Morris Tidball-Binz"})
	g.Add(&newsgraph.Entity{ID: "place:mexico", Kind: newsgraph.KindPlace, Name: "Mexico", Aliases: []string{"United Mexican States"}})
	g.Add(&newsgraph.Entity{ID: "place:united-states", Kind: newsgraph.KindPlace, Name: "United States", Aliases: []string{"US"}})
	return g
}

func run(t *testing.T, g *extract.Gazetteer, published, text string) *extract.Extraction {
	t.Helper()
	x, err := extract.NewOffline(g).Extract(t.Context(), extract.Input{Text: text, Published: newsgraph.MustParseDate(published)})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func named(x *extract.Extraction, name string) *extract.EntityCandidate {
	for i, c := range x.Entities {
		if c.Name == name || slices.Contains(c.Aliases, name) {
			return &x.Entities[i]
		}
	}
	return nil
}

// TestEntities: each rule proposes the entity, kind and match it should.
func TestEntities(t *testing.T) {
	for _, tc := range []struct {
		name, text, entity string
		kind               newsgraph.Kind
		id, rule           string
	}{
		{"known by name", "Claudia Sheinbaum spoke.", "Claudia Sheinbaum", newsgraph.KindPerson, "person:claudia-sheinbaum", "gazetteer-name"},
		{"surname of a known person", "Claudia Sheinbaum spoke. Later Sheinbaum left.", "Claudia Sheinbaum", newsgraph.KindPerson, "person:claudia-sheinbaum", "gazetteer-name"},
		{"hyphenated surname once named in full", "Morris Tidball-Binz arrived. Tidball-Binz said little.", "Morris Tidball-Binz", newsgraph.KindPerson, "person:morris-tidball-binz", "gazetteer-name"},
		{"office holder", "Mexico's president rejected the plan.", "Claudia Sheinbaum", newsgraph.KindPerson, "person:claudia-sheinbaum", "role"},
		{"office by demonym", "The vote was a blow to the Mexican president and her allies.", "Claudia Sheinbaum", newsgraph.KindPerson, "person:claudia-sheinbaum", "role"},
		{"initialism in capitals only", "The US said so.", "United States", newsgraph.KindPlace, "place:united-states", "gazetteer-alias"},
		{"organisation with connectors", "The Organization of American States met.", "Organization of American States", newsgraph.KindOrganization, "", "org-word"},
		{"organisation by a cue after it", "Members of the Tren de Aragua gang were arrested.", "Tren de Aragua", newsgraph.KindOrganization, "", "org-cue"},
		{"listed place", "Floods hit Arequipa.", "Arequipa", newsgraph.KindPlace, "", "place-list"},
		{"place word", "Rain fell on the Colca Valley.", "Colca Valley", newsgraph.KindPlace, "", "place-word"},
		{"title makes a person", "Health Minister Javier Paredes spoke.", "Javier Paredes", newsgraph.KindPerson, "", "title"},
		{"two capitalised words", "Yesterday Elena Varga spoke.", "Elena Varga", newsgraph.KindPerson, "", "capitalised-name"},
		{"organisation from a place", "The US military said so.", "US military", newsgraph.KindOrganization, "", "place-org-head"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, graph(), "2025-11-22", tc.text)
			c := named(x, tc.entity)
			if c == nil {
				t.Fatalf("no %q in %+v", tc.entity, x.Entities)
			}
			if c.Kind != tc.kind || c.MatchedID != tc.id || c.Rule != tc.rule {
				t.Errorf("%q: kind %s, id %q, rule %s; want %s, %q, %s", tc.entity, c.Kind, c.MatchedID, c.Rule, tc.kind, tc.id, tc.rule)
			}
			if c.Confidence <= 0 || c.Confidence >= 1 {
				t.Errorf("confidence %v not in (0, 1)", c.Confidence)
			}
			for _, m := range c.Mentions {
				if m.Start < 0 || m.End > len(tc.text) || m.Start >= m.End {
					t.Errorf("mention %v out of range", m)
				}
			}
		})
	}
}

// TestNotEntities: words that name nothing propose nothing.
func TestNotEntities(t *testing.T) {
	x := run(t, graph(), "2025-11-22", "On Monday, Republican lawmakers said OK. It's fine, The weather in Spanish is nice. Framing cartels as enemies.")
	for _, c := range x.Entities {
		if c.Kind == newsgraph.KindPerson || c.Kind == newsgraph.KindOrganization || c.Kind == newsgraph.KindPlace {
			t.Errorf("proposed %s %q (%s)", c.Kind, c.Name, c.Rule)
		}
	}
}

// TestShortFormsBecomeAliases: later short forms of a new person are one
// entity with them as aliases, and an appositive is its description and
// role.
func TestShortFormsBecomeAliases(t *testing.T) {
	x := run(t, nil, "2025-11-22", "Elena Varga, the UN special rapporteur on torture, said the report was late. Ms Varga added more. Varga left.")
	var persons []extract.EntityCandidate
	for _, c := range x.Entities {
		if c.Kind == newsgraph.KindPerson {
			persons = append(persons, c)
		}
	}
	if len(persons) != 1 {
		t.Fatalf("persons: %+v; want Elena Varga alone", persons)
	}
	p := persons[0]
	if p.Name != "Elena Varga" || !slices.Contains(p.Aliases, "Varga") || len(p.Mentions) != 3 {
		t.Errorf("%q aliases %q, %d mentions", p.Name, p.Aliases, len(p.Mentions))
	}
	if p.Description != "The UN special rapporteur on torture" || !slices.Contains(p.Roles, "UN special rapporteur on torture") {
		t.Errorf("description %q, roles %q", p.Description, p.Roles)
	}
}

// TestEventDates: dates resolve against the publication date (Saturday 22
// November 2025) and keep their precision.
func TestEventDates(t *testing.T) {
	for _, tc := range []struct {
		text, start, end string
		precision        extract.Precision
	}{
		{"The meeting took place on Thursday.", "2025-11-20", "2025-11-20", extract.PrecisionDay},
		{"The memo was sent on October 2.", "2025-10-02", "2025-10-02", extract.PrecisionDay},
		{"A summit was held on 3 March 2024.", "2024-03-03", "2024-03-03", extract.PrecisionDay},
		{"The order was signed in August.", "2025-08-01", "2025-08-31", extract.PrecisionMonth},
		{"The election was held in December.", "2024-12-01", "2024-12-31", extract.PrecisionMonth},
		{"The talks ended last week.", "2025-11-10", "2025-11-16", extract.PrecisionWeek},
		{"The earthquake struck in 2023.", "2023-01-01", "2023-12-31", extract.PrecisionYear},
		{"The vote is expected on Tuesday.", "2025-11-25", "2025-11-25", extract.PrecisionDay},
		{"The campaign began on September 2.", "2025-09-02", "", extract.PrecisionDay},
		// "could" speaks of what may happen, not of when: the rejection
		// was on the Thursday before publication.
		{"The minister rejected on Thursday a strike that the army could launch.", "2025-11-20", "2025-11-20", extract.PrecisionDay},
	} {
		t.Run(tc.text, func(t *testing.T) {
			x := run(t, nil, "2025-11-22", tc.text)
			var events []extract.EntityCandidate
			for _, c := range x.Entities {
				if c.Kind == newsgraph.KindEvent {
					events = append(events, c)
				}
			}
			if len(events) != 1 {
				t.Fatalf("events %+v; want one", events)
			}
			e := events[0]
			if e.StartDate.String() != tc.start || e.EndDate.String() != tc.end || e.Precision != tc.precision {
				t.Errorf("%q: %s to %s (%s); want %s to %s (%s)", e.Name, e.StartDate, e.EndDate, e.Precision, tc.start, tc.end, tc.precision)
			}
		})
	}
}

// TestRelations: cues, offices and quotations propose typed relations whose
// evidence is the text at its offsets.
func TestRelations(t *testing.T) {
	for _, tc := range []struct {
		text, from, typ, to string
	}{
		{"Elena Varga met Marco Huaman in Lima.", "elena-varga", "MET_WITH", "marco-huaman"},
		{"Elena Varga, Marco Huaman's predecessor, spoke.", "elena-varga", "PRECEDED", "marco-huaman"},
		{"Mexican President Claudia Sheinbaum spoke about Mexico.", "claudia-sheinbaum", "HOLDS_OFFICE", "mexico"},
		{"Claudia Sheinbaum spoke first. “We will not accept it,” she told reporters.", "claudia-sheinbaum", "CLAIMS", "we-will-not-accept-it"},
		{"Voltara Motors, based in Stuttgart, builds cars.", "voltara-motors", "LOCATED_IN", "stuttgart"},
		{"The European Commission threatened China with tariffs.", "european-commission", "THREATENS", "china"},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			x := run(t, nil, "2025-11-22", tc.text)
			var found bool
			for _, r := range x.Relations {
				for i, q := range r.Quotes {
					if tc.text[r.Evidence[i].Start:r.Evidence[i].End] != q {
						t.Errorf("%s %s %s: quote %q is not the text at its offsets", r.From, r.Type, r.To, q)
					}
				}
				if r.From == tc.from && r.Type == tc.typ && r.To == tc.to {
					found = true
					if r.Confidence <= 0 || r.Confidence >= 1 || r.Rule == "" {
						t.Errorf("confidence %v, rule %q", r.Confidence, r.Rule)
					}
				}
			}
			if !found {
				t.Errorf("no %s %s %s in %+v", tc.from, tc.typ, tc.to, x.Relations)
			}
		})
	}
}

// TestBadInput: bad input is a coded error.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   extract.Input
		code newsgraph.Code
	}{
		{"empty", extract.Input{Text: " \n", Published: newsgraph.MustParseDate("2025-11-22")}, newsgraph.Invalid},
		{"no date", extract.Input{Text: "Text."}, newsgraph.Invalid},
		{"not UTF-8", extract.Input{Text: "\xff", Published: newsgraph.MustParseDate("2025-11-22")}, newsgraph.Invalid},
		{"too long", extract.Input{Text: strings.Repeat("a", 4<<20+1), Published: newsgraph.MustParseDate("2025-11-22")}, newsgraph.LimitExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extract.NewOffline(nil).Extract(t.Context(), tc.in)
			if newsgraph.ErrorCode(err) != tc.code {
				t.Errorf("err = %v, want code %s", err, tc.code)
			}
		})
	}
}
