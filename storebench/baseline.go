package storebench

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Baseline is the limit a store's traversals are measured against: the
// graph as compressed adjacency arrays over integer node and relation
// indexes, walked by the simplest breadth-first searches, with nothing to
// look up by string, nothing to lock and nothing to copy. It walks relations
// in both directions, with no filters, the way the benchmarks query stores.
// A Baseline reuses its scratch space from walk to walk, so it is not safe
// for concurrent use.
type Baseline struct {
	ids      []string            // node index -> entity id
	entities []*newsgraph.Entity // node index -> entity
	rels     []*newsgraph.Relation
	index    map[string]int32 // entity id -> node index
	// The neighbours of node n are other[offsets[n]:offsets[n+1]], reached
	// through relations rel[...]; each node's list is in ascending relation
	// id order, a self-loop listed once.
	offsets []int32
	other   []int32
	rel     []int32

	// Scratch space of one walk: a node or relation is marked when its
	// stamp equals the walk's epoch, so a walk starts without clearing.
	epoch     uint32
	nodeStamp []uint32
	relStamp  []uint32
	parent    []int32 // relation position that reached a node
}

// NewBaseline builds the adjacency arrays of g.
func NewBaseline(g *newsgraph.Batch) *Baseline {
	b := &Baseline{index: make(map[string]int32, len(g.Entities))}
	for _, e := range g.Entities {
		b.index[e.ID] = int32(len(b.ids))
		b.ids = append(b.ids, e.ID)
		b.entities = append(b.entities, e)
	}
	rels := slices.Clone(g.Relations)
	slices.SortFunc(rels, func(a, b *newsgraph.Relation) int { return strings.Compare(a.ID, b.ID) })
	b.rels = rels
	degree := make([]int32, len(b.ids)+1)
	for _, r := range rels {
		degree[b.index[r.From]]++
		if r.From != r.To {
			degree[b.index[r.To]]++
		}
	}
	b.offsets = make([]int32, len(b.ids)+1)
	for n := range b.ids {
		b.offsets[n+1] = b.offsets[n] + degree[n]
	}
	b.other = make([]int32, b.offsets[len(b.ids)])
	b.rel = make([]int32, len(b.other))
	fill := slices.Clone(b.offsets[:len(b.ids)])
	for i, r := range rels {
		from, to := b.index[r.From], b.index[r.To]
		b.other[fill[from]], b.rel[fill[from]] = to, int32(i)
		fill[from]++
		if from != to {
			b.other[fill[to]], b.rel[fill[to]] = from, int32(i)
			fill[to]++
		}
	}
	b.nodeStamp = make([]uint32, len(b.ids))
	b.relStamp = make([]uint32, len(rels))
	b.parent = make([]int32, len(b.ids))
	return b
}

// Node returns the index of the entity id, or -1.
func (b *Baseline) Node(id string) int32 {
	if n, ok := b.index[id]; ok {
		return n
	}
	return -1
}

// ID returns the entity id of node n.
func (b *Baseline) ID(n int32) string { return b.ids[n] }

// Degree returns the number of relations at node n, a self-loop once.
func (b *Baseline) Degree(n int32) int { return int(b.offsets[n+1] - b.offsets[n]) }

func (b *Baseline) nextEpoch() uint32 {
	b.epoch++
	if b.epoch == 0 { // wrapped: forget every old mark
		clear(b.nodeStamp)
		clear(b.relStamp)
		b.epoch = 1
	}
	return b.epoch
}

// Neighborhood walks from root as newsgraph.Traverser.Neighborhoods
// specifies for direction BOTH without filters, and returns the nodes and
// the relation indexes of the subgraph.
func (b *Baseline) Neighborhood(root int32, depth, limit int) (nodes, edges []int32, truncated bool) {
	epoch := b.nextEpoch()
	nodes = []int32{root}
	b.nodeStamp[root] = epoch
	start := 0
	for level := 1; level <= depth && start < len(nodes); level++ {
		end := len(nodes)
		for _, n := range nodes[start:end] {
			for i := b.offsets[n]; i < b.offsets[n+1]; i++ {
				m, r := b.other[i], b.rel[i]
				switch {
				case b.nodeStamp[m] == epoch:
					if b.relStamp[r] != epoch {
						b.relStamp[r] = epoch
						edges = append(edges, r)
					}
				case len(nodes) < limit:
					b.nodeStamp[m] = epoch
					nodes = append(nodes, m)
					b.relStamp[r] = epoch
					edges = append(edges, r)
				default:
					truncated = true
				}
			}
		}
		start = end
	}
	return nodes, edges, truncated
}

// ShortestPath returns the nodes of a shortest path from `from` to `to` of
// at most maxDepth relations in either direction, or nil when there is
// none, by breadth-first search from `from`.
func (b *Baseline) ShortestPath(from, to int32, maxDepth int) []int32 {
	if from == to {
		return []int32{from}
	}
	epoch := b.nextEpoch()
	b.nodeStamp[from] = epoch
	frontier, next := []int32{from}, []int32(nil)
	for depth := 1; depth <= maxDepth && len(frontier) > 0; depth++ {
		next = next[:0]
		for _, n := range frontier {
			for i := b.offsets[n]; i < b.offsets[n+1]; i++ {
				m := b.other[i]
				if b.nodeStamp[m] == epoch {
					continue
				}
				b.nodeStamp[m] = epoch
				b.parent[m] = n
				if m == to {
					path := []int32{to}
					for at := to; at != from; {
						at = b.parent[at]
						path = append(path, at)
					}
					slices.Reverse(path)
					return path
				}
				next = append(next, m)
			}
		}
		frontier, next = next, frontier
	}
	return nil
}

// Copies returns fresh copies of the entities and relations a walk
// returned as numbers, one by one, the way a store must return its results
// as copies the caller may keep and modify.
func (b *Baseline) Copies(nodes, rels []int32) ([]*newsgraph.Entity, []*newsgraph.Relation) {
	es := make([]*newsgraph.Entity, len(nodes))
	for i, n := range nodes {
		e := *b.entities[n]
		e.Aliases = slices.Clone(e.Aliases)
		e.Roles = slices.Clone(e.Roles)
		es[i] = &e
	}
	rs := make([]*newsgraph.Relation, len(rels))
	for i, n := range rels {
		r := *b.rels[n]
		r.Evidence = slices.Clone(r.Evidence)
		rs[i] = &r
	}
	return es, rs
}

// PathRelations returns the relation numbers of a path of nodes, one
// relation between each pair of consecutive nodes (the first in id order).
func (b *Baseline) PathRelations(path []int32) []int32 {
	var rels []int32
	for i := 1; i < len(path); i++ {
		from, to := path[i-1], path[i]
		for j := b.offsets[from]; j < b.offsets[from+1]; j++ {
			if b.other[j] == to {
				rels = append(rels, b.rel[j])
				break
			}
		}
	}
	return rels
}
