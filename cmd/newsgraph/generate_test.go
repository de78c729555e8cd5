package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

var (
	firstNames = strings.Fields("Ana Bruno Carla Diego Elena Felipe Gloria Hugo Irene Jorge Karla Luis Marta Nora Oscar Paula Raul Sara Tomas Ursula")
	lastNames  = strings.Fields("Acosta Beltran Cruz Duarte Escobar Fuentes Garza Herrera Ibarra Juarez Lozano Medina Navarro Ortega Pineda Quiroga Rivas Salinas Tapia Urrutia Vega Zamora Aguilar Bravo Castro")
	orgWords   = strings.Fields("Harbor Border Customs Finance Energy Water Transit Health Defense Justice")
	placeNames = strings.Fields("Arroyo Bahia Cerro Delta Estero Faro Granja Hondo Isla Jardin Laguna Monte Nogal Olmo Palma Quebrada Rio Sierra Torre Valle")
	verbs      = []string{"MET_WITH", "CRITICIZED", "COOPERATES_WITH", "TOLD", "DEFENDS"}
)

// generatedDoc is what one generated line holds, to check it after import.
type generatedDoc struct {
	id        string
	relations int // distinct relations with evidence from it
}

// generateImport writes docs JSON Lines documents with about relsPerDoc
// relations each, deterministically. Entities come from a fixed pool of
// 500 people, 10 organisations and 20 places, named in varying forms
// ("Ana Acosta", "Mr Ana Acosta", "Acosta" as an alias), so that an import
// matches entities and corroborates relations as well as creating them.
func generateImport(w io.Writer, docs, relsPerDoc int) ([]generatedDoc, error) {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]generatedDoc, 0, docs)
	for i := range docs {
		in := ingest.Input{Document: ingest.DocumentInput{
			ID:          fmt.Sprintf("doc:gen-%06d", i),
			Title:       fmt.Sprintf("Generated report %d", i),
			PublishedAt: newsgraph.Date{Year: 2025, Month: time.Month(1 + i%12), Day: 1 + i%28},
			Source:      "newsgraph generator",
		}}
		var text strings.Builder
		fmt.Fprintf(&text, "Generated report number %d.\n", i)
		refs := map[string]bool{}
		entity := func() string {
			switch n := rng.IntN(10); {
			case n < 7:
				f, l := rng.IntN(len(firstNames)), rng.IntN(len(lastNames))
				ref := fmt.Sprintf("p%d-%d", f, l)
				if !refs[ref] {
					refs[ref] = true
					name := firstNames[f] + " " + lastNames[l]
					if rng.IntN(3) == 0 {
						name = "Mr " + name
					}
					in.Entities = append(in.Entities, ingest.EntityInput{Ref: ref, Kind: newsgraph.KindPerson, Name: name})
				}
				return ref
			case n < 9:
				p := rng.IntN(len(placeNames))
				ref := fmt.Sprintf("pl%d", p)
				if !refs[ref] {
					refs[ref] = true
					in.Entities = append(in.Entities, ingest.EntityInput{Ref: ref, Kind: newsgraph.KindPlace, Name: placeNames[p]})
				}
				return ref
			default:
				o := rng.IntN(len(orgWords))
				ref := fmt.Sprintf("o%d", o)
				if !refs[ref] {
					refs[ref] = true
					in.Entities = append(in.Entities, ingest.EntityInput{Ref: ref, Kind: newsgraph.KindOrganization, Name: "Ministry of " + orgWords[o]})
				}
				return ref
			}
		}
		seen := map[string]bool{}
		for j := range relsPerDoc {
			from, to := entity(), entity()
			for to == from { // a relation to itself is refused
				to = entity()
			}
			verb := verbs[rng.IntN(len(verbs))]
			sentence := fmt.Sprintf("In item %d.%d, %s %s %s.", i, j, from, strings.ToLower(verb), to)
			text.WriteString(sentence + "\n")
			in.Relations = append(in.Relations, ingest.RelationInput{Type: verb, From: from, To: to, Quotes: []string{sentence}})
			seen[from+"|"+verb+"|"+to] = true
		}
		in.Document.Text = text.String()
		if err := enc.Encode(in); err != nil {
			return nil, err
		}
		out = append(out, generatedDoc{id: in.Document.ID, relations: len(seen)})
	}
	return out, bw.Flush()
}

// writeGenerated writes a generated import file to path.
func writeGenerated(tb testing.TB, path string, docs, relsPerDoc int) []generatedDoc {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gen, err := generateImport(f, docs, relsPerDoc)
	if err != nil {
		tb.Fatal(err)
	}
	return gen
}
