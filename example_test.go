package newsgraph_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
)

func ExampleFold() {
	fmt.Println(newsgraph.Fold("Andrés Manuel López Obrador"))
	fmt.Println(newsgraph.Fold("Trump’s ORGANISATION"))
	fmt.Println(newsgraph.Fold("Ministry of Defence (U.K.)"))
	// Output:
	// andres manuel lopez obrador
	// trumps organization
	// ministry of defense u k
}

func ExampleEntityID() {
	fmt.Println(newsgraph.EntityID(newsgraph.KindPerson, "Andrés Manuel López Obrador"))
	fmt.Println(newsgraph.EntityID(newsgraph.KindLegalConcept, "Foreign Terrorist Organisation"))
	fmt.Println(newsgraph.RelationID("person:claudia-sheinbaum", "REJECTS", "legal-concept:foreign-terrorist-organization"))
	// Output:
	// person:andres-manuel-lopez-obrador
	// legal-concept:foreign-terrorist-organization
	// person:claudia-sheinbaum|REJECTS|legal-concept:foreign-terrorist-organization
}

func ExampleSearchScore() {
	fto := &newsgraph.Entity{
		ID:          "legal-concept:foreign-terrorist-organization",
		Kind:        newsgraph.KindLegalConcept,
		Name:        "Foreign Terrorist Organization",
		Aliases:     []string{"FTO designation"},
		Description: "A designation by the US State Department.",
	}
	for _, q := range []string{
		"foreign terrorist organisation", // the name
		"FTO",                            // its initialism
		"foreign terr",                   // a prefix of the name
		"terrorist",                      // one word of three
		"state department",               // words of the description
		"cartel",                         // no match
	} {
		fmt.Printf("%-32q %.2f\n", q, newsgraph.SearchScore(q, fto))
	}
	// Output:
	// "foreign terrorist organisation" 1.00
	// "FTO"                            0.95
	// "foreign terr"                   0.80
	// "terrorist"                      0.23
	// "state department"               0.09
	// "cartel"                         0.00
}

func ExampleRankHits() {
	hits := []newsgraph.SearchHit{
		{Entity: &newsgraph.Entity{ID: "place:mexico", Name: "Mexico"}, Score: 0.8},
		{Entity: &newsgraph.Entity{ID: "place:mexico-city", Name: "Mexico City"}, Score: 0.8},
		{Entity: &newsgraph.Entity{ID: "organization:mexico", Name: "Mexico"}, Score: 0.8},
		{Entity: &newsgraph.Entity{ID: "person:claudia-sheinbaum", Name: "Claudia Sheinbaum"}, Score: 1},
	}
	newsgraph.RankHits(hits)
	for _, h := range hits {
		fmt.Println(h.Score, h.Entity.ID)
	}
	// Output:
	// 1 person:claudia-sheinbaum
	// 0.8 organization:mexico
	// 0.8 place:mexico
	// 0.8 place:mexico-city
}

func ExampleBatch_Validate() {
	b := &newsgraph.Batch{
		Documents: []*newsgraph.Document{{ID: "doc:a", Title: "A", Text: "Sheinbaum rejected the designation."}},
		Entities: []*newsgraph.Entity{
			{ID: "person:claudia-sheinbaum", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum"},
			{ID: "legal-concept:fto", Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization"},
		},
		Relations: []*newsgraph.Relation{{
			Type: "REJECTS", From: "person:claudia-sheinbaum", To: "legal-concept:fto",
			Evidence: []newsgraph.Evidence{{Quote: "Sheinbaum rejects the designation", DocumentID: "doc:a"}},
		}},
	}
	b.Normalize()
	err := b.Validate()
	fmt.Println(newsgraph.ErrorCode(err))
	fmt.Println(newsgraph.ErrorMessage(err))
	// Output:
	// BAD_USER_INPUT
	// relations[0]: relation person:claudia-sheinbaum|REJECTS|legal-concept:fto: evidence[0] quote "Sheinbaum rejects the designation" is not a verbatim substring of document doc:a
}
