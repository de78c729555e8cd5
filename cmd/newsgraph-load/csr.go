package main

// csr is the baseline: the graph as a minimal in-memory adjacency array
// (compressed sparse rows), undirected, over dense node numbers. It walks
// the graph the way the store's breadth-first searches do, with none of a
// store's bookkeeping, so a store's time divided by the baseline's says how
// close the store is to the limit of the machine.
type csr struct {
	ids     []string         // node number -> entity id
	index   map[string]int32 // entity id -> node number
	offsets []int32          // neighbours of v: adj[offsets[v]:offsets[v+1]]
	adj     []int32

	// scratch of the walks, reused: stamp[v] == epoch marks v as visited.
	stamp    []uint32
	epoch    uint32
	frontier []int32
	next     []int32
}

// newCSR builds the adjacency arrays of ids and the relations between them
// (pairs of node numbers).
func newCSR(ids []string, edges [][2]int32) *csr {
	n := len(ids)
	g := &csr{ids: ids, index: make(map[string]int32, n), offsets: make([]int32, n+1), stamp: make([]uint32, n)}
	for i, id := range ids {
		g.index[id] = int32(i)
	}
	for _, e := range edges {
		g.offsets[e[0]+1]++
		g.offsets[e[1]+1]++
	}
	for v := range n {
		g.offsets[v+1] += g.offsets[v]
	}
	g.adj = make([]int32, g.offsets[n])
	fill := make([]int32, n)
	copy(fill, g.offsets[:n])
	for _, e := range edges {
		g.adj[fill[e[0]]] = e[1]
		fill[e[0]]++
		g.adj[fill[e[1]]] = e[0]
		fill[e[1]]++
	}
	return g
}

func (g *csr) degree(v int32) int { return int(g.offsets[v+1] - g.offsets[v]) }

func (g *csr) newEpoch() {
	g.epoch++
	if g.epoch == 0 { // wrapped: clear the stamps
		clear(g.stamp)
		g.epoch = 1
	}
}

// neighborhood walks depth levels from root in both directions, adding at
// most limit nodes, and returns the number of nodes and of edges it
// collected: the work Traverser.Neighborhoods does, without the ordering.
func (g *csr) neighborhood(root int32, depth, limit int) (nodes, edges int) {
	g.newEpoch()
	g.stamp[root] = g.epoch
	nodes = 1
	g.frontier = append(g.frontier[:0], root)
	for level := 0; level < depth && len(g.frontier) > 0; level++ {
		g.next = g.next[:0]
		for _, v := range g.frontier {
			for _, m := range g.adj[g.offsets[v]:g.offsets[v+1]] {
				switch {
				case g.stamp[m] == g.epoch:
					edges++
				case nodes < limit:
					g.stamp[m] = g.epoch
					nodes++
					edges++
					g.next = append(g.next, m)
				}
			}
		}
		g.frontier, g.next = g.next, g.frontier
	}
	return nodes, edges
}

// shortestPath returns the length of a shortest path between a and b of at
// most maxDepth relations in either direction, or -1: a plain breadth-first
// search from a.
func (g *csr) shortestPath(a, b int32, maxDepth int) int {
	if a == b {
		return 0
	}
	g.newEpoch()
	g.stamp[a] = g.epoch
	g.frontier = append(g.frontier[:0], a)
	for level := 1; level <= maxDepth && len(g.frontier) > 0; level++ {
		g.next = g.next[:0]
		for _, v := range g.frontier {
			for _, m := range g.adj[g.offsets[v]:g.offsets[v+1]] {
				if m == b {
					return level
				}
				if g.stamp[m] != g.epoch {
					g.stamp[m] = g.epoch
					g.next = append(g.next, m)
				}
			}
		}
		g.frontier, g.next = g.next, g.frontier
	}
	return -1
}
