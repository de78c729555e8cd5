package extract

import (
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

//go:embed data/places.csv
var placesCSV string

// Place is one line of the bundled place list (data/places.csv; see
// data/README.md for its columns, provenance and licence).
type Place struct {
	Name, Type, Country string
	Demonyms, Aliases   []string
}

// placeIndex is the place list ready for matching.
type placeIndex struct {
	list []Place
	// gaz spots place names and aliases, as entities "place:<slug>".
	gaz *Gazetteer
	// byID maps those ids to their places.
	byID map[string]*Place
	// demonyms maps a folded demonym ("latin american") to its place, and
	// demonymFirst a demonym's first word to its most words.
	demonyms     map[string]*Place
	demonymFirst map[string]int
}

var places = sync.OnceValue(func() *placeIndex {
	rows, err := csv.NewReader(strings.NewReader(placesCSV)).ReadAll()
	if err != nil {
		panic("extract: data/places.csv: " + err.Error()) // a build defect, caught by every test
	}
	ix := &placeIndex{gaz: NewGazetteer(), byID: map[string]*Place{}, demonyms: map[string]*Place{}, demonymFirst: map[string]int{}}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ";")
	}
	for _, r := range rows[1:] {
		ix.list = append(ix.list, Place{Name: r[0], Type: r[1], Country: r[2], Demonyms: split(r[3]), Aliases: split(r[4])})
	}
	for i := range ix.list {
		p := &ix.list[i]
		id := newsgraph.EntityID(newsgraph.KindPlace, p.Name)
		ix.byID[id] = p
		ix.gaz.Add(&newsgraph.Entity{ID: id, Kind: newsgraph.KindPlace, Name: p.Name, Aliases: p.Aliases})
		for _, d := range p.Demonyms {
			k := newsgraph.Fold(d)
			ix.demonyms[k] = p
			f, _, _ := strings.Cut(k, " ")
			ix.demonymFirst[f] = max(ix.demonymFirst[f], strings.Count(k, " ")+1)
		}
	}
	return ix
})

// Places returns the bundled place list, a fresh slice.
func Places() []Place { return append([]Place(nil), places().list...) }

// demonymAt returns the place whose demonym the tokens at i spell ("Mexican",
// "Latin American") and its length in tokens, or nil.
func (ix *placeIndex) demonymAt(toks []token, i int) (*Place, int) {
	if !toks[i].Upper {
		return nil, 0
	}
	for n := min(ix.demonymFirst[toks[i].Fold], len(toks)-i); n >= 1; n-- {
		parts := make([]string, n)
		for j := range parts {
			parts[j] = toks[i+j].Fold
		}
		if p := ix.demonyms[strings.Join(parts, " ")]; p != nil {
			return p, n
		}
	}
	return nil, 0
}

// place returns the listed place named or aliased by folded text, or nil.
func (ix *placeIndex) place(folded string) *Place {
	for _, e := range ix.gaz.keys[folded] {
		return ix.byID[e.id]
	}
	return nil
}
