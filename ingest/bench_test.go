package ingest_test

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// BenchmarkIngest ingests documents of 10 relations among 20 entities drawn
// from a pool of 500 people, into the seeded embedded store: one durable
// transaction per document, as "newsgraph import" does.
func BenchmarkIngest(b *testing.B) {
	s := openSeeded(b)
	svc := ingest.New(s)
	b.ReportAllocs()
	relations := 0
	for i := 0; b.Loop(); i++ {
		in := ingest.Input{Document: ingest.DocumentInput{ID: fmt.Sprintf("doc:bench-%d", i), Title: "t", PublishedAt: newsgraph.MustParseDate("2025-01-01")}}
		text := ""
		for j := range 20 {
			n := (i*7 + j*13) % 500
			in.Entities = append(in.Entities, ingest.EntityInput{Ref: fmt.Sprint(j), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("Mr Person%d Surname%d", n, n%37)})
		}
		for j := range 10 {
			q := fmt.Sprintf("Item %d.%d.", i, j)
			text += q + "\n"
			in.Relations = append(in.Relations, ingest.RelationInput{Type: "MET_WITH", From: fmt.Sprint(2 * j), To: fmt.Sprint(2*j + 1), Quotes: []string{q}})
		}
		in.Document.Text = text
		if _, err := svc.Ingest(b.Context(), in); err != nil {
			b.Fatal(err)
		}
		relations += len(in.Relations)
	}
	b.ReportMetric(float64(relations)/b.Elapsed().Seconds(), "relations/s")
}

// BenchmarkIngestManyTitledPeople ingests one document naming 2,000
// people as "President <surname>": every name has lookup keys with and
// without the title, and every one is new, so resolution must stay one
// exact lookup per key however many entities the input plans (it was
// quadratic in them).
func BenchmarkIngestManyTitledPeople(b *testing.B) {
	s := openSeeded(b)
	svc := ingest.New(s)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in := ingest.Input{Document: ingest.DocumentInput{ID: fmt.Sprintf("doc:titled-%d", i), Title: "t", PublishedAt: newsgraph.MustParseDate("2025-01-01"), Text: "t"}}
		for j := range 2000 {
			in.Entities = append(in.Entities, ingest.EntityInput{Ref: fmt.Sprint(j), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("President Surname%dx%d", i, j)})
		}
		if _, err := svc.Ingest(b.Context(), in); err != nil {
			b.Fatal(err)
		}
	}
}
