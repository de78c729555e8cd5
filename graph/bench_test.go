package graph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// BenchmarkRelationPage measures a page of 100 relations with their ends and
// evidence documents, end to end over HTTP with the default loader wait.
func BenchmarkRelationPage(b *testing.B) {
	s := openStore(b)
	upsert(b, s, chainBatch(120))
	a := serve(b, s, graph.Config{Logger: discardLogger()})
	const query = `{ relations(first: 100) { edges { node { from { name } to { name } evidence { quote document { title } } } } } }`
	for b.Loop() {
		if resp := a.post(b, query, nil); len(resp.Errors) > 0 {
			b.Fatalf("errors: %+v", resp.Errors)
		}
	}
}

// BenchmarkEntityPageWithNeighbors measures a page of 50 entities with a
// relation count and their neighbours.
func BenchmarkEntityPageWithNeighbors(b *testing.B) {
	s := openStore(b)
	upsert(b, s, chainBatch(120))
	a := serve(b, s, graph.Config{Logger: discardLogger()})
	const query = `{ entities(first: 50) { edges { node { relations(first: 5) { totalCount } neighbors { id name } } } } }`
	for b.Loop() {
		if resp := a.post(b, query, nil); len(resp.Errors) > 0 {
			b.Fatalf("errors: %+v", resp.Errors)
		}
	}
}
