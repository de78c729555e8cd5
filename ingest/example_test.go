package ingest_test

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/seed"
)

// A later article names seed actors in other words; they resolve to the
// seed's entities, and a relation the seed already has is corroborated.
func ExampleService_Ingest() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "newsgraph-example")
	defer os.RemoveAll(dir)
	store, err := embedded.Open(ctx, dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	if err := seed.Load(ctx, store); err != nil {
		fmt.Println(err)
		return
	}

	text := "President Trump has again threatened the drug cartels."
	res, err := ingest.New(store).Ingest(ctx, ingest.Input{
		Document: ingest.DocumentInput{Title: "Trump on the cartels", PublishedAt: newsgraph.MustParseDate("2025-11-21"), Text: text},
		Entities: []ingest.EntityInput{
			{Ref: "trump", Kind: newsgraph.KindPerson, Name: "Mr. Trump"},
			{Ref: "cartels", Kind: newsgraph.KindOrganization, Name: "the drug cartels"},
		},
		Relations: []ingest.RelationInput{
			{Type: "THREATENS", From: "trump", To: "cartels", Quotes: []string{"President Trump has again threatened the drug cartels"}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Matched {
		fmt.Println("matched", e.ID)
	}
	fmt.Println("created", len(res.Created), "relations created", res.RelationsCreated, "corroborated", res.RelationsCorroborated)
	// Output:
	// matched person:donald-trump
	// matched organization:latin-american-drug-cartels
	// created 0 relations created 0 corroborated 1
}
