package graph_test

import (
	"testing"
)

func TestRelationStatusIsDisputedByContradiction(t *testing.T) {
	a := seedAPI(t)
	const claim = "claim:every-boat-knocked-out-saves-25-000-american-lives"
	var data struct {
		Relations struct {
			Edges []struct {
				Node struct {
					ID, Status, FirstReported, LastReported string
					Corroboration                           int
				}
			}
		}
	}
	a.query(t, `query($claim: ID!) { relations(filter: {involving: $claim}) { edges { node {
		id status corroboration firstReported lastReported } } } }`, map[string]any{"claim": claim}, &data)
	want := map[string]string{
		"person:donald-trump|CLAIMS|" + claim:                                                    "DISPUTED",
		claim + "|USED_TO_JUSTIFY|event:us-boat-bombing-campaign":                                "DISPUTED",
		"claim:fatal-drug-overdoses-declined-to-73-960-deaths-in-12-months|CONTRADICTS|" + claim: "ASSERTED",
	}
	if got := len(data.Relations.Edges); got != len(want) {
		t.Errorf("%d relations involve the claim, want %d: %+v", got, len(want), data.Relations.Edges)
	}
	for _, e := range data.Relations.Edges {
		n := e.Node
		if got, ok := want[n.ID]; !ok || got != n.Status {
			t.Errorf("%s: status %s, want %s", n.ID, n.Status, want[n.ID])
		}
		if n.Corroboration != 1 || n.FirstReported != "2025-11-18" || n.LastReported != "2025-11-18" {
			t.Errorf("%s: corroboration %d, reported %s..%s; want 1, 2025-11-18..2025-11-18", n.ID, n.Corroboration, n.FirstReported, n.LastReported)
		}
	}
	var plain struct {
		Relations struct {
			Edges []struct{ Node struct{ Status string } }
		}
	}
	a.query(t, `{ relations(filter: {from: "person:claudia-sheinbaum", types: ["HOLDS_OFFICE"]}) { edges { node { status } } } }`, nil, &plain)
	if len(plain.Relations.Edges) != 1 || plain.Relations.Edges[0].Node.Status != "ASSERTED" {
		t.Errorf("a relation without claims: %+v, want one ASSERTED", plain.Relations.Edges)
	}
}

func TestAsOf(t *testing.T) {
	a := seedAPI(t)
	const (
		amlo   = "person:andres-manuel-lopez-obrador"
		mexico = "place:mexico"
	)
	tests := []struct {
		asOf      any // nil: no asOf
		officials []string
	}{
		{nil, []string{amlo, sheinbaum}},
		{"2020-06-01", []string{amlo}},
		{"2024-09-30", []string{amlo}},
		{"2024-10-01", []string{sheinbaum}},
		{"2010-01-01", nil},
	}
	for _, tt := range tests {
		var data struct {
			Relations struct {
				Edges []struct {
					Node struct{ From struct{ ID string } }
				}
			}
			Neighborhood struct{ Nodes []struct{ ID string } }
			ShortestPath *struct{ Length int }
			Paths        []struct{ Length int }
			Entity       struct {
				Relations struct {
					Edges []struct {
						Node struct{ From struct{ ID string } }
					}
				}
				Neighbors []struct{ ID string }
			}
		}
		a.query(t, `query($asOf: Date, $amlo: ID!) {
			relations(filter: {to: "place:mexico", types: ["HOLDS_OFFICE"]}, asOf: $asOf) { edges { node { from { id } } } }
			neighborhood(id: "place:mexico", types: ["HOLDS_OFFICE"], asOf: $asOf) { nodes { id } }
			shortestPath(from: $amlo, to: "place:mexico", types: ["HOLDS_OFFICE"], maxDepth: 1, asOf: $asOf) { length }
			paths(from: $amlo, to: "place:mexico", types: ["HOLDS_OFFICE"], maxDepth: 1, asOf: $asOf) { length }
			entity(id: "place:mexico") {
				relations(types: ["HOLDS_OFFICE"], direction: IN, asOf: $asOf) { edges { node { from { id } } } }
				neighbors(types: ["HOLDS_OFFICE"], asOf: $asOf) { id } } }`,
			map[string]any{"asOf": tt.asOf, "amlo": amlo}, &data)
		var fromRelations, fromNeighborhood, fromEntityRelations, entityNeighbors []string
		for _, e := range data.Entity.Relations.Edges {
			fromEntityRelations = append(fromEntityRelations, e.Node.From.ID)
		}
		for _, n := range data.Entity.Neighbors {
			entityNeighbors = append(entityNeighbors, n.ID)
		}
		if !sameSet(fromEntityRelations, tt.officials) || !sameSet(entityNeighbors, tt.officials) {
			t.Errorf("asOf %v: Entity.relations from %v, Entity.neighbors %v; want %v", tt.asOf, fromEntityRelations, entityNeighbors, tt.officials)
		}
		for _, e := range data.Relations.Edges {
			fromRelations = append(fromRelations, e.Node.From.ID)
		}
		for _, n := range data.Neighborhood.Nodes {
			if n.ID != mexico {
				fromNeighborhood = append(fromNeighborhood, n.ID)
			}
		}
		if !sameSet(fromRelations, tt.officials) || !sameSet(fromNeighborhood, tt.officials) {
			t.Errorf("asOf %v: relations from %v, neighbourhood %v; want %v", tt.asOf, fromRelations, fromNeighborhood, tt.officials)
		}
		amloHeld := sameSet(tt.officials, []string{amlo}) || len(tt.officials) == 2
		if got := data.ShortestPath != nil; got != amloHeld {
			t.Errorf("asOf %v: shortestPath found = %v, want %v", tt.asOf, got, amloHeld)
		}
		if got := len(data.Paths) == 1; got != amloHeld {
			t.Errorf("asOf %v: paths = %+v, want one: %v", tt.asOf, data.Paths, amloHeld)
		}
	}
}

// sameSet reports whether a and b hold the same strings, ignoring order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
