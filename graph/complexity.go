package graph

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/model"
)

// complexityRoot makes list fields cost their page size times the cost of
// one item, so that the complexity limit bounds the work an operation asks
// for rather than the length of its text. Fields not listed here cost 1
// plus their children, gqlgen's default.
func complexityRoot() generated.ComplexityRoot {
	var c generated.ComplexityRoot

	c.Query.Entities = func(child int, _ []newsgraph.Kind, first *int, _ *string) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	c.Query.Search = func(child int, _ string, _ []newsgraph.Kind, first *int) int {
		return listCost(child, intOr(first, newsgraph.DefaultSearchLimit))
	}
	c.Query.Relations = func(child int, _ *model.RelationFilter, first *int, _ *string, _ *newsgraph.Date) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	c.Query.Documents = func(child int, first *int, _ *string) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	// A neighbourhood costs its limit times the cost of one node and of
	// the edges that come with a node (see edgesPerNode).
	c.Query.Neighborhood = func(child int, _ string, _ *int, _ *newsgraph.Direction, _ []string, _ []newsgraph.Kind, limit *int, _ *newsgraph.Date, _ *bool) int {
		return listCost(child, intOr(limit, newsgraph.DefaultNeighborhood))
	}
	c.Subgraph.Nodes = func(child int) int { return child }
	c.Subgraph.Edges = func(child int) int { return saturatingMul(child, edgesPerNode) }
	c.Query.ShortestPath = func(child int, _, _ string, maxDepth *int, _ []string, _ *newsgraph.Direction, _ *newsgraph.Date) int {
		return listCost(child, intOr(maxDepth, newsgraph.DefaultPathDepth)+1)
	}
	c.Query.Paths = func(child int, _, _ string, maxDepth, first *int, _ []string, _ *newsgraph.Direction, _ *newsgraph.Date) int {
		depth := intOr(maxDepth, newsgraph.DefaultPathDepth) + 1
		return listCost(child, saturatingMul(depth, intOr(first, newsgraph.DefaultPathCount)))
	}
	c.Document.Relations = func(child int, first *int, _ *string) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	c.Document.Mentions = func(child int, first *int) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	c.Relation.EvidenceItems = func(child int, first *int) int {
		return listCost(child, intOr(first, newsgraph.DefaultEvidence))
	}
	c.Query.MergeHistory = func(child int, _ string, first *int) int {
		return listCost(child, intOr(first, newsgraph.DefaultMergeHistory))
	}
	// A draft costs as much as reading its text and a page of candidates.
	c.Query.Extract = func(child int, _ model.ExtractInput) int {
		return saturatingAdd(extractCost, listCost(child, newsgraph.DefaultPageSize))
	}
	// A document's text can be megabytes: it costs as a hundred fields.
	c.Document.Text = func(int) int { return textCost }

	relations := func(child int, _ []string, _ *newsgraph.Direction, first *int, _ *string, _ *newsgraph.Date) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	neighbors := func(child int, _ *newsgraph.Direction, _ []string, _ []newsgraph.Kind, first *int, _ *newsgraph.Date) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	documents := func(child int, first *int) int {
		return listCost(child, intOr(first, newsgraph.DefaultPageSize))
	}
	c.Person.Relations, c.Person.Neighbors, c.Person.Documents = relations, neighbors, documents
	c.Organization.Relations, c.Organization.Neighbors, c.Organization.Documents = relations, neighbors, documents
	c.Place.Relations, c.Place.Neighbors, c.Place.Documents = relations, neighbors, documents
	c.LegalConcept.Relations, c.LegalConcept.Neighbors, c.LegalConcept.Documents = relations, neighbors, documents
	c.Event.Relations, c.Event.Neighbors, c.Event.Documents = relations, neighbors, documents
	c.Claim.Relations, c.Claim.Neighbors, c.Claim.Documents = relations, neighbors, documents
	return c
}

// textCost is the complexity of a document's text.
const textCost = 100

// extractCost is the complexity of drafting an article: a 1,000-word
// article takes a few milliseconds (BenchmarkExtract), as a page of 500
// relations with a few fields does.
const extractCost = 1000

// edgesPerNode is the number of edges a neighbourhood is charged for each
// node of its limit. Measured (BenchmarkComplexity, a generated graph of
// 10,000 entities and 100,000 relations): the depth-2 neighbourhood of the
// biggest hub with limit 500 holds 500 nodes and 3,799 edges, 7.6 per node,
// with or without induced edges, and costs per value (a node's or an edge's
// field) what a page of 500 relations does: about 8.5 µs and 15 to 22
// allocations each. Charging a neighbourhood as if it held one edge per
// node, as before, undercharged it about sevenfold. A depth-1 walk holds
// fewer (1.7 per node) unless induced; the estimate takes the dense case.
const edgesPerNode = 8

// listCost is the cost of a list field of up to n items whose selection
// costs child per item: 1 for the field plus n times child, saturating.
// Negative and zero sizes count as one item (totalCount and pageInfo are
// still resolved); invalid sizes are rejected later by validation.
func listCost(child, n int) int {
	return saturatingAdd(1, saturatingMul(max(child, 0), max(n, 1)))
}

func saturatingMul(a, b int) int {
	if a > 0 && b > 0 && a > maxInt/b {
		return maxInt
	}
	return a * b
}
