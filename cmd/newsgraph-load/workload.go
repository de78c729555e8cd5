package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/subgraph"
)

// queryKind is one kind of request a visualisation frontend sends, with
// prepared inputs: the requests, the equivalent direct store calls and, for
// traversals, the equivalent baseline walks, input i of each being the same
// question.
type queryKind struct {
	name   string
	weight int // share of the mixed workload
	// traversal marks kinds compared with the adjacency-array baseline.
	traversal bool
	requests  []request
	direct    []func(context.Context) error
	baseline  []func()
}

// request is one HTTP request of a kind: a GraphQL document POSTed to
// /graphql, or, with a path, a GET of the visualisation contract
// (/v1/subgraph).
type request struct {
	body []byte
	path string
}

// The GraphQL documents the frontend sends: a search box, an entity panel,
// a path finder and a filtered relation list. A path draws its edges
// between nodes it already holds, so it asks for the ends' ids (fromId,
// toId), not for the ends as entities. Expanding a node uses the
// visualisation contract, GET /v1/subgraph (package subgraph), which
// answers the same walk as the GraphQL neighborhood field.
const (
	searchQuery = `query Search($q: String!) { search(query: $q, first: 10) { score entity { id name kind } } }`
	entityQuery = `query Entity($id: ID!) { entity(id: $id) { id name kind aliases description ... on Person { roles } } }`
	pathQuery   = `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id name kind } edges { id type fromId toId } } }`
	pageQuery   = `query Relations($from: ID!, $types: [String!]) { relations(filter: {from: $from, types: $types}, first: 50) { totalCount edges { node { id type confidence from { id name } to { id name } evidence { quote document { id title publishedAt } } } } } }`
)

// Parameters of the prepared questions.
const (
	neighborhoodLimit = 200
	pathDepth         = newsgraph.DefaultPathDepth
	pageSize          = 50
	searchLimit       = 10
	hubCount          = 10
)

// workload prepares inputs of every query kind over the graph.
type workload struct {
	info  *graphInfo
	store newsgraph.Store
	rng   *rand.Rand
	hubs  []int32
}

func newWorkload(info *graphInfo, store newsgraph.Store, seed uint64) *workload {
	w := &workload{info: info, store: store, rng: rand.New(rand.NewPCG(seed, 0x6e657773))}
	w.hubs = topDegree(info.g, hubCount)
	return w
}

// topDegree returns the n nodes of highest degree, highest first.
func topDegree(g *csr, n int) []int32 {
	nodes := make([]int32, len(g.ids))
	for i := range nodes {
		nodes[i] = int32(i)
	}
	slices.SortFunc(nodes, func(a, b int32) int {
		return cmp.Or(cmp.Compare(g.degree(b), g.degree(a)), cmp.Compare(a, b))
	})
	return nodes[:min(n, len(nodes))]
}

// connected returns a random node with at least one relation.
func (w *workload) connected() int32 {
	for {
		v := int32(w.rng.IntN(len(w.info.names)))
		if w.info.g.degree(v) > 0 {
			return v
		}
	}
}

func body(query string, vars map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err) // maps of strings and ints always marshal
	}
	return b
}

// kinds prepares n inputs of each query kind.
func (w *workload) kinds(n int) []*queryKind {
	g := w.info.g
	// The weights follow a frontend's traffic: typing in the search box
	// sends a request per keystroke or two, a click opens an entity and
	// expands it one level, a relation list opens next to the graph, and
	// deeper expansions and path searches are rarer. Hubs are the entities
	// users reach most often, hence their share of the deep expansions.
	search := &queryKind{name: "search", weight: 30}
	entity := &queryKind{name: "entity by id", weight: 20}
	depth1 := &queryKind{name: "neighbourhood d1", weight: 20, traversal: true}
	depth2 := &queryKind{name: "neighbourhood d2", weight: 6, traversal: true}
	hub2 := &queryKind{name: "neighbourhood d2 hub", weight: 4, traversal: true}
	path := &queryKind{name: "shortest path", weight: 5, traversal: true}
	page := &queryKind{name: "relation page", weight: 15}
	for i := range n {
		// search: a prefix of a real name, 3 to 6 characters, as typed.
		name := w.info.names[w.connected()]
		text := prefix(name, 3+w.rng.IntN(4))
		search.add(body(searchQuery, map[string]any{"q": text}), func(ctx context.Context) error {
			_, err := w.store.Search(ctx, newsgraph.SearchQuery{Text: text, Limit: searchLimit})
			return err
		}, nil)

		id := g.ids[w.connected()]
		entity.add(body(entityQuery, map[string]any{"id": id}), func(ctx context.Context) error {
			_, err := w.store.EntitiesByID(ctx, []string{id})
			return err
		}, nil)

		w.addNeighborhood(depth1, w.connected(), 1)
		w.addNeighborhood(depth2, w.connected(), 2)
		w.addNeighborhood(hub2, w.hubs[i%len(w.hubs)], 2)

		a, b := w.connected(), w.connected()
		from, to := g.ids[a], g.ids[b]
		path.add(body(pathQuery, map[string]any{"from": from, "to": to}), func(ctx context.Context) error {
			_, err := w.store.ShortestPath(ctx, newsgraph.PathQuery{From: from, To: to, MaxDepth: pathDepth, Direction: newsgraph.Both})
			return err
		}, func() { g.shortestPath(a, b, pathDepth) })

		// relation page: the relations of one type from an entity, as a
		// filtered list next to the graph.
		r := w.rng.IntN(len(w.info.relFrom))
		start, typ := g.ids[w.info.relFrom[r]], w.info.types[w.info.relType[r]]
		page.add(body(pageQuery, map[string]any{"from": start, "types": []string{typ}}), func(ctx context.Context) error {
			_, err := w.store.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{From: start, Types: []string{typ}}, First: pageSize}})
			return err
		}, nil)
	}
	return []*queryKind{search, entity, depth1, depth2, hub2, path, page}
}

func (w *workload) addNeighborhood(k *queryKind, v int32, depth int) {
	g := w.info.g
	id := g.ids[v]
	path := fmt.Sprintf("%s?root=%s&depth=%d&limit=%d", subgraph.Path, url.QueryEscape(id), depth, neighborhoodLimit)
	k.addRequest(request{path: path}, func(ctx context.Context) error {
		_, err := w.store.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: id, Depth: depth, Direction: newsgraph.Both, Limit: neighborhoodLimit}})
		return err
	}, func() { g.neighborhood(v, depth, neighborhoodLimit) })
}

// add adds a GraphQL request with its direct call and baseline walk.
func (k *queryKind) add(body []byte, direct func(context.Context) error, baseline func()) {
	k.addRequest(request{body: body}, direct, baseline)
}

func (k *queryKind) addRequest(r request, direct func(context.Context) error, baseline func()) {
	k.requests = append(k.requests, r)
	k.direct = append(k.direct, direct)
	if baseline != nil {
		k.baseline = append(k.baseline, baseline)
	}
}

// prefix returns the first n characters of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// mix picks query kinds by weight.
type mix struct {
	kinds []*queryKind
	total int
}

func newMix(kinds []*queryKind) mix {
	m := mix{kinds: kinds}
	for _, k := range kinds {
		m.total += k.weight
	}
	return m
}

// pick returns the index of a kind chosen by weight.
func (m mix) pick(rng *rand.Rand) int {
	n := rng.IntN(m.total)
	for i, k := range m.kinds {
		if n < k.weight {
			return i
		}
		n -= k.weight
	}
	return len(m.kinds) - 1
}

func (m mix) String() string {
	s := ""
	for i, k := range m.kinds {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s %d%%", k.name, k.weight*100/m.total)
	}
	return s
}
