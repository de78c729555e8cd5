package export

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
)

// GEXF 1.3 namespace, and the type names GEXF declares attributes with.
const gexfNS = "http://gexf.net/1.3"

var gexfTypes = map[attrType]string{stringAttr: "string", intAttr: "integer", floatAttr: "double"}

type gexfAttribute struct {
	XMLName xml.Name `xml:"attribute"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title,attr"`
	Type    string   `xml:"type,attr"`
}

type gexfValue struct {
	XMLName xml.Name `xml:"attvalue"`
	For     string   `xml:"for,attr"`
	Value   string   `xml:"value,attr"`
}

type gexfSpell struct {
	XMLName xml.Name `xml:"spell"`
	Start   string   `xml:"start,attr,omitempty"`
	End     string   `xml:"end,attr,omitempty"`
}

type gexfNode struct {
	XMLName xml.Name    `xml:"node"`
	ID      string      `xml:"id,attr"`
	Label   string      `xml:"label,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	XMLName xml.Name    `xml:"edge"`
	ID      string      `xml:"id,attr"`
	Source  string      `xml:"source,attr"`
	Target  string      `xml:"target,attr"`
	Label   string      `xml:"label,attr"`
	Weight  string      `xml:"weight,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
	Spells  []gexfSpell `xml:"spells>spell"`
}

// WriteGEXF writes g as a directed, dynamic GEXF 1.3 document with dates as
// time (timeformat "date"): nodes labelled with their names, edges with
// their types and weighted by their confidence, every attribute declared
// (ids "n0".. and "e0".., titled with the attribute's name).
//
// Time: an edge's spell is its validity when the relation has one
// (validFrom, validTo, either end open), and else its reporting, from
// firstReported on; an edge with neither has no spell and is always
// shown. Nodes have no spell: Gephi's timeline shows the edges of the
// window, and a node stays however its edges come and go (filter by degree
// to hide the ones left alone).
func WriteGEXF(ctx context.Context, w io.Writer, g Graph) error {
	x := newXMLWriter(w)
	x.start("gexf", "xmlns", gexfNS, "version", "1.3")
	x.start("meta")
	x.encode(struct {
		XMLName xml.Name `xml:"creator"`
		Name    string   `xml:",chardata"`
	}{Name: "newsgraph"})
	x.end()
	x.start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date")
	x.start("attributes", "class", "node")
	for i, a := range nodeAttrs {
		x.encode(gexfAttribute{ID: "n" + strconv.Itoa(i), Title: a.name, Type: gexfTypes[a.typ]})
	}
	x.end()
	x.start("attributes", "class", "edge")
	for i, a := range edgeAttrs {
		x.encode(gexfAttribute{ID: "e" + strconv.Itoa(i), Title: a.name, Type: gexfTypes[a.typ]})
	}
	x.end()
	x.start("nodes")
	err := g.Nodes(ctx, func(n *Node) error {
		el := gexfNode{ID: n.ID, Label: n.Name}
		for i, a := range nodeAttrs {
			if v := a.value(n); v != "" {
				el.Values = append(el.Values, gexfValue{For: "n" + strconv.Itoa(i), Value: v})
			}
		}
		return x.encode(el)
	})
	if err != nil {
		return err
	}
	x.end()
	x.start("edges")
	err = g.Edges(ctx, func(e *Edge) error {
		el := gexfEdge{ID: e.ID, Source: e.From, Target: e.To, Label: e.Type, Weight: strconv.FormatFloat(e.Confidence, 'g', -1, 64)}
		for i, a := range edgeAttrs {
			if v := a.value(e); v != "" {
				el.Values = append(el.Values, gexfValue{For: "e" + strconv.Itoa(i), Value: v})
			}
		}
		if s := edgeSpell(e); s != (gexfSpell{}) {
			el.Spells = []gexfSpell{s}
		}
		return x.encode(el)
	})
	if err != nil {
		return err
	}
	return x.close()
}

// edgeSpell is the time an edge is shown: its validity, or else its
// reporting from the first report on.
func edgeSpell(e *Edge) gexfSpell {
	if !e.ValidFrom.IsZero() || !e.ValidTo.IsZero() {
		return gexfSpell{Start: day(e.ValidFrom), End: day(e.ValidTo)}
	}
	return gexfSpell{Start: day(e.FirstReported)}
}
