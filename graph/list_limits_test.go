package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// manyQuotes is a relation of ana and acme corroborated by n quotes of one
// document.
func manyQuotes(n int) newsgraph.Batch {
	var text strings.Builder
	var ev []newsgraph.Evidence
	for i := range n {
		q := fmt.Sprintf("Ana met Acme, report %03d.", i)
		text.WriteString(q + " ")
		ev = append(ev, newsgraph.Evidence{Quote: q, DocumentID: "doc:quotes"})
	}
	return newsgraph.Batch{
		Documents: []*newsgraph.Document{{ID: "doc:quotes", Title: "Quotes", Text: text.String()}},
		Entities: []*newsgraph.Entity{
			{ID: ana, Kind: newsgraph.KindPerson, Name: "Ana López"},
			{ID: acme, Kind: newsgraph.KindOrganization, Name: "Acme"},
		},
		Relations: []*newsgraph.Relation{{From: ana, Type: "MET_WITH", To: acme, Evidence: ev}},
	}
}

// TestListFieldsArePagedAndCosted: a relation's evidence and the merge
// history list what first asks (within 1..500), and their cost grows with
// it, so that corroboration cannot make one relation an unbounded answer.
func TestListFieldsArePagedAndCosted(t *testing.T) {
	store := openStore(t)
	upsert(t, store, manyQuotes(30))
	a := serve(t, store, graph.Config{})
	relation := `{ relations(first: 1, filter: {from: "` + ana + `"}) { edges { node { evidenceCount evidence%s { quote } } } } }`
	tests := []struct {
		name      string
		args      string
		wantItems int
	}{
		{"the default", "", newsgraph.DefaultEvidence},
		{"all of them", "(first: 30)", 30},
		{"more than there are", "(first: 500)", 30},
		{"an explicit null is the default", "(first: null)", newsgraph.DefaultEvidence},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page struct {
				Relations struct {
					Edges []struct {
						Node struct {
							EvidenceCount int
							Evidence      []struct{ Quote string }
						}
					}
				}
			}
			a.query(t, fmt.Sprintf(relation, tt.args), nil, &page)
			if len(page.Relations.Edges) != 1 {
				t.Fatalf("%d relations, want 1", len(page.Relations.Edges))
			}
			got := struct {
				Relation struct {
					EvidenceCount int
					Evidence      []struct{ Quote string }
				}
			}{page.Relations.Edges[0].Node}
			if len(got.Relation.Evidence) != tt.wantItems || got.Relation.EvidenceCount != 30 {
				t.Errorf("listed %d of %d quotes, want %d of 30", len(got.Relation.Evidence), got.Relation.EvidenceCount, tt.wantItems)
			}
			if got.Relation.Evidence[0].Quote != "Ana met Acme, report 000." {
				t.Errorf("first quote %q, want the oldest", got.Relation.Evidence[0].Quote)
			}
		})
	}
	refusals := []struct {
		name, query, code, message string
	}{
		{"evidence of none", fmt.Sprintf(relation, "(first: 0)"), "BAD_USER_INPUT", "evidence: first must be at least 1"},
		{"evidence above the page limit", fmt.Sprintf(relation, "(first: 501)"), "LIMIT_EXCEEDED", "evidence: first must be at most 500"},
		{"mergeHistory above the page limit", `{ mergeHistory(id: "person:ana", first: 501) { into } }`, "LIMIT_EXCEEDED", "mergeHistory: first must be at most 500"},
		{"mergeHistory of none", `{ mergeHistory(id: "person:ana", first: 0) { into } }`, "BAD_USER_INPUT", "at least 1"},
		{"evidence with documents' text on a full page of relations", `{ relations(first: 100) { edges { node { evidence(first: 100) { document { text } } } } } }`, "LIMIT_EXCEEDED", "complexity"},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			a.mustFail(t, tt.query, nil, tt.code, tt.message)
		})
	}
}

func TestMergeHistoryListsTheFirstMerges(t *testing.T) {
	store := openStore(t)
	b := newsgraph.Batch{}
	for i := range 4 {
		b.Entities = append(b.Entities, &newsgraph.Entity{ID: fmt.Sprintf("person:p%d", i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("P %d", i)})
	}
	upsert(t, store, b)
	for i := 1; i < 4; i++ {
		if _, err := store.MergeEntities(t.Context(), newsgraph.Merge{Into: "person:p0", From: []string{fmt.Sprintf("person:p%d", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	a := serve(t, store, graph.Config{})
	for _, tt := range []struct {
		args string
		want []string
	}{
		{"", []string{"person:p1", "person:p2", "person:p3"}},
		{", first: 2", []string{"person:p1", "person:p2"}},
	} {
		var got struct{ MergeHistory []struct{ From []string } }
		a.query(t, `{ mergeHistory(id: "person:p0"`+tt.args+`) { from } }`, nil, &got)
		var from []string
		for _, m := range got.MergeHistory {
			from = append(from, m.From...)
		}
		if strings.Join(from, " ") != strings.Join(tt.want, " ") {
			t.Errorf("mergeHistory(%s) merged %v, want %v, oldest first", tt.args, from, tt.want)
		}
	}
}
