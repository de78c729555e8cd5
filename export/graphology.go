package export

import (
	"context"
	"io"
)

// graphologyNode is a node of graphology's serialized format.
type graphologyNode struct {
	Key        string   `json:"key"`
	Attributes nodeJSON `json:"attributes"`
}

// graphologyEdge is an edge of graphology's serialized format.
type graphologyEdge struct {
	Key        string   `json:"key"`
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Attributes edgeJSON `json:"attributes"`
}

// WriteGraphology writes g in graphology's serialized format, which
// Graph.from (and graph.import) load and sigma.js draws: a directed multi
// graph with self-loops, nodes keyed by entity id, edges by relation id.
func WriteGraphology(ctx context.Context, w io.Writer, g Graph) error {
	j := newJSONWriter(w)
	j.raw(`{"attributes":{"name":"newsgraph"},"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":`)
	err := list(j, func(yield func(*Node) error) error { return g.Nodes(ctx, yield) }, func(n *Node) any {
		return graphologyNode{Key: n.ID, Attributes: nodeAttributes(n)}
	})
	if err != nil {
		return err
	}
	j.raw(`,"edges":`)
	err = list(j, func(yield func(*Edge) error) error { return g.Edges(ctx, yield) }, func(e *Edge) any {
		return graphologyEdge{Key: e.ID, Source: e.From, Target: e.To, Attributes: edgeAttributes(e)}
	})
	if err != nil {
		return err
	}
	j.raw("}\n")
	return j.flush()
}
