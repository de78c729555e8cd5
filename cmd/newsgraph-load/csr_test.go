package main

import "testing"

// chain is the graph 0-1-2-3-4 plus the edge 1-3 and the lone node 5.
func chain() *csr {
	return newCSR([]string{"a", "b", "c", "d", "e", "f"}, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 3}})
}

func TestCSRShortestPath(t *testing.T) {
	g := chain()
	tests := []struct {
		a, b     int32
		maxDepth int
		want     int
	}{
		{0, 0, 6, 0},
		{0, 1, 6, 1},
		{0, 4, 6, 3}, // 0-1-3-4, not 0-1-2-3-4
		{4, 0, 6, 3}, // either direction
		{0, 4, 2, -1},
		{0, 5, 6, -1},
	}
	for _, tt := range tests {
		if got := g.shortestPath(tt.a, tt.b, tt.maxDepth); got != tt.want {
			t.Errorf("shortestPath(%d, %d, %d) = %d, want %d", tt.a, tt.b, tt.maxDepth, got, tt.want)
		}
	}
}

func TestCSRNeighborhood(t *testing.T) {
	g := chain()
	tests := []struct {
		root            int32
		depth, limit    int
		nodes, minEdges int
	}{
		{1, 1, 200, 4, 3}, // b and a, c, d
		{0, 2, 200, 4, 3}, // a, b, then c and d
		{0, 2, 3, 3, 2},   // the limit stops at 3 nodes
		{5, 2, 200, 1, 0},
	}
	for _, tt := range tests {
		nodes, edges := g.neighborhood(tt.root, tt.depth, tt.limit)
		if nodes != tt.nodes || edges < tt.minEdges {
			t.Errorf("neighborhood(%d, %d, %d) = %d nodes, %d edges; want %d nodes, at least %d edges",
				tt.root, tt.depth, tt.limit, nodes, edges, tt.nodes, tt.minEdges)
		}
	}
	if got, want := g.degree(1), 3; got != want {
		t.Errorf("degree(b) = %d, want %d", got, want)
	}
}

func TestPrefix(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Sheinbaum", 4, "Shei"},
		{"Ñandú", 2, "Ña"},
		{"Al", 5, "Al"},
	}
	for _, tt := range tests {
		if got := prefix(tt.s, tt.n); got != tt.want {
			t.Errorf("prefix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
