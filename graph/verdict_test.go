package graph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestClaimVerdictAndNote writes a claim with a verdict and a note over
// GraphQL and reads them back, and reads the seed's corrected claim.
func TestClaimVerdictAndNote(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	var created struct {
		UpsertEntity struct{ Created bool }
	}
	a.mutate(t, a.keys.write, `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`,
		map[string]any{"input": map[string]any{"ref": "c", "kind": "CLAIM", "name": "It rained all week", "verdict": "FALSE", "verdictNote": "Records show two dry days."}}, &created)
	if !created.UpsertEntity.Created {
		t.Fatal("the claim was not created")
	}
	var got struct {
		Written, Seed struct{ Verdict, VerdictNote string }
	}
	a.mutate(t, a.keys.write, `{ written: entity(id: "claim:it-rained-all-week") { ... on Claim { verdict verdictNote } }
		seed: entity(id: "claim:no-us-military-intervention-will-happen-in-mexico") { ... on Claim { verdict verdictNote } } }`, nil, &got)
	if got.Written.Verdict != "FALSE" || got.Written.VerdictNote != "Records show two dry days." {
		t.Errorf("written claim = %+v, want FALSE with its note", got.Written)
	}
	if got.Seed.Verdict != "UNVERIFIED" || got.Seed.VerdictNote == "" {
		t.Errorf("seed claim = %+v, want UNVERIFIED with a note", got.Seed)
	}
}
