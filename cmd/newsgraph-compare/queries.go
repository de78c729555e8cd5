package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// The query kinds, in report order: the ones @neo4j/graphql expresses
// natively, then the ones it needs @cypher fields for.
const (
	kindEntity       = "entity by id with its relations and their other ends"
	kindRelationPage = "a page of the relations of one type from one entity, with both ends"
	kindSearch       = "full-text search"
	kindNeighborhood = "neighbourhood, depth 2 (@cypher on the peer)"
	kindShortestPath = "shortest path (@cypher on the peer)"
)

var kinds = []string{kindEntity, kindRelationPage, kindSearch, kindNeighborhood, kindShortestPath}

// pageType is the relation type of the relation page queries: the commonest
// person-to-person type of the generated graphs.
const pageType = "MET_WITH"

// newsgraphQueries are newsgraph's GraphQL documents for each kind.
var newsgraphQueries = map[string]string{
	kindEntity: `query($id: ID!) { entity(id: $id) { id name kind aliases description relations(first: 500) { edges { node {
		id type confidence from { id name kind } to { id name kind } } } } } }`,
	kindRelationPage: `query($id: ID!) { relations(filter: {from: $id, types: ["` + pageType + `"]}, first: 50) { totalCount edges { node {
		id type confidence evidence { quote document { id } } from { id name } to { id name } } } } }`,
	kindSearch:       `query($q: String!) { search(query: $q, first: 10) { score entity { id name kind } } }`,
	kindNeighborhood: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type fromId toId } } }`,
	kindShortestPath: `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id name kind } edges { id type fromId toId } } }`,
}

// peerQueryFiles are the peer's GraphQL documents for each kind, under
// bench/peer/queries.
var peerQueryFiles = map[string]string{
	kindEntity:       "entity.graphql",
	kindRelationPage: "relation_page_" + pageType + ".graphql",
	kindSearch:       "search.graphql",
	kindNeighborhood: "neighborhood.graphql",
	kindShortestPath: "shortest_path.graphql",
}

// readPeerQueries reads the peer's documents, from dir's queries
// directory or, for the kinds in written, from the file it names.
func readPeerQueries(dir string, written map[string]string) (map[string]string, error) {
	out := map[string]string{}
	for kind, file := range peerQueryFiles {
		path := filepath.Join(dir, "queries", file)
		if w, ok := written[kind]; ok {
			path = w
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("the peer's query for %s: %w", kind, err)
		}
		out[kind] = string(b)
	}
	return out, nil
}

// inputs are the arguments the queries take, the same for every target:
// request i of a kind takes the i-th input (modulo their number).
type inputs struct {
	entities []string    // entities with relations
	speakers []string    // entities a pageType relation starts at
	prefixes []string    // folded four-letter prefixes of names
	pairs    [][2]string // path ends
}

// inputCount is the number of inputs of each kind.
const inputCount = 200

// pickInputs draws the inputs from the generated graph, deterministically.
func pickInputs(cfg gen.Config, g *newsgraph.Batch, seed int64) inputs {
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	var related, speakers []string
	seen, spoke := map[string]bool{}, map[string]bool{}
	for _, rel := range g.Relations {
		for _, id := range []string{rel.From, rel.To} {
			if !seen[id] {
				seen[id] = true
				related = append(related, id)
			}
		}
		if rel.Type == pageType && !spoke[rel.From] {
			spoke[rel.From] = true
			speakers = append(speakers, rel.From)
		}
	}
	var in inputs
	for range inputCount {
		in.entities = append(in.entities, related[r.IntN(len(related))])
		in.speakers = append(in.speakers, speakers[r.IntN(len(speakers))])
		name := strings.Fields(newsgraph.Fold(g.Entities[r.IntN(len(g.Entities))].Name))[0]
		in.prefixes = append(in.prefixes, name[:min(4, len(name))])
	}
	in.pairs = gen.RandomPairs(cfg, inputCount, seed)
	slices.Sort(in.prefixes) // the same multiset in a stable order
	return in
}

// newsgraphVars are the variables of newsgraph's documents.
func newsgraphVars(in inputs) func(kind string, i int) map[string]any {
	return func(kind string, i int) map[string]any {
		i %= inputCount
		switch kind {
		case kindEntity:
			return map[string]any{"id": in.entities[i]}
		case kindRelationPage:
			return map[string]any{"id": in.speakers[i]}
		case kindSearch:
			return map[string]any{"q": in.prefixes[i]}
		case kindNeighborhood:
			return map[string]any{"id": in.entities[i]}
		default:
			return map[string]any{"from": in.pairs[i][0], "to": in.pairs[i][1]}
		}
	}
}

// peerVars are the variables of the peer's documents. Its full-text search
// takes a Lucene query: the prefix as newsgraph's store sends it.
func peerVars(in inputs) func(kind string, i int) map[string]any {
	ours := newsgraphVars(in)
	return func(kind string, i int) map[string]any {
		switch kind {
		case kindSearch:
			return map[string]any{"phrase": in.prefixes[i%inputCount] + "*"}
		case kindNeighborhood:
			return map[string]any{"id": in.entities[i%inputCount], "limit": 200}
		}
		return ours(kind, i)
	}
}
