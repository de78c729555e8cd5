package export

import (
	"context"
	"io"
)

// cytoscapeNode is a Cytoscape.js node element.
type cytoscapeNode struct {
	Data struct {
		ID string `json:"id"`
		nodeJSON
	} `json:"data"`
}

// cytoscapeEdge is a Cytoscape.js edge element.
type cytoscapeEdge struct {
	Data struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Target string `json:"target"`
		edgeJSON
	} `json:"data"`
}

// WriteCytoscape writes g as Cytoscape.js elements JSON,
// {"elements":{"nodes":[{"data":{...}}],"edges":[{"data":{...}}]}}, which
// cytoscape({elements}) and Cytoscape desktop's JSON import take. Every
// attribute is a data field; aliases and evidence are JSON arrays.
func WriteCytoscape(ctx context.Context, w io.Writer, g Graph) error {
	j := newJSONWriter(w)
	j.raw(`{"elements":{"nodes":`)
	err := list(j, func(yield func(*Node) error) error { return g.Nodes(ctx, yield) }, func(n *Node) any {
		var el cytoscapeNode
		el.Data.ID, el.Data.nodeJSON = n.ID, nodeAttributes(n)
		return el
	})
	if err != nil {
		return err
	}
	j.raw(`,"edges":`)
	err = list(j, func(yield func(*Edge) error) error { return g.Edges(ctx, yield) }, func(e *Edge) any {
		var el cytoscapeEdge
		el.Data.ID, el.Data.Source, el.Data.Target, el.Data.edgeJSON = e.ID, e.From, e.To, edgeAttributes(e)
		return el
	})
	if err != nil {
		return err
	}
	j.raw("}}\n")
	return j.flush()
}
