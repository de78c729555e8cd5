package export

import (
	"context"
	"encoding/xml"
	"io"
)

// GraphML namespace, and the type names GraphML declares attributes with.
const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

var graphmlTypes = map[attrType]string{stringAttr: "string", intAttr: "int", floatAttr: "double"}

type graphmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlNode struct {
	XMLName xml.Name      `xml:"node"`
	ID      string        `xml:"id,attr"`
	Data    []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	XMLName xml.Name      `xml:"edge"`
	ID      string        `xml:"id,attr"`
	Source  string        `xml:"source,attr"`
	Target  string        `xml:"target,attr"`
	Data    []graphmlData `xml:"data"`
}

// WriteGraphML writes g as a directed GraphML document: one key per
// attribute (ids "n_NAME" and "e_NAME"; a node's label is its name and an
// edge's its type, for Gephi and yEd), then the nodes, then the edges, each
// edge with its relation id. Parallel edges make networkx read it as a
// MultiDiGraph keyed by those ids.
func WriteGraphML(ctx context.Context, w io.Writer, g Graph) error {
	x := newXMLWriter(w)
	x.start("graphml", "xmlns", graphmlNS)
	x.encode(graphmlKey{ID: "n_label", For: "node", Name: "label", Type: "string"})
	for _, a := range nodeAttrs {
		x.encode(graphmlKey{ID: "n_" + a.name, For: "node", Name: a.name, Type: graphmlTypes[a.typ]})
	}
	x.encode(graphmlKey{ID: "e_label", For: "edge", Name: "label", Type: "string"})
	for _, a := range edgeAttrs {
		x.encode(graphmlKey{ID: "e_" + a.name, For: "edge", Name: a.name, Type: graphmlTypes[a.typ]})
	}
	x.start("graph", "id", "newsgraph", "edgedefault", "directed")
	err := g.Nodes(ctx, func(n *Node) error {
		el := graphmlNode{ID: n.ID, Data: []graphmlData{{"n_label", n.Name}}}
		for _, a := range nodeAttrs {
			if v := a.value(n); v != "" {
				el.Data = append(el.Data, graphmlData{"n_" + a.name, v})
			}
		}
		return x.encode(el)
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e *Edge) error {
		el := graphmlEdge{ID: e.ID, Source: e.From, Target: e.To, Data: []graphmlData{{"e_label", e.Type}}}
		for _, a := range edgeAttrs {
			if v := a.value(e); v != "" {
				el.Data = append(el.Data, graphmlData{"e_" + a.name, v})
			}
		}
		return x.encode(el)
	})
	if err != nil {
		return err
	}
	return x.close()
}
