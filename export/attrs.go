package export

import (
	"encoding/json"
	"strconv"

	"github.com/newsgraph/newsgraph"
)

// attrType is the type of an attribute in formats that declare types.
type attrType int

const (
	stringAttr attrType = iota
	intAttr
	floatAttr
)

// attr is one attribute of the flat formats (GraphML, GEXF, CSV): its name
// and type, and how to write a node's or an edge's value, "" for absent.
type attr[T any] struct {
	name  string
	typ   attrType
	value func(T) string
}

// nodeAttrs are the node attributes of the flat formats, in order.
var nodeAttrs = []attr[*Node]{
	{"name", stringAttr, func(n *Node) string { return n.Name }},
	{"kind", stringAttr, func(n *Node) string { return string(n.Kind) }},
	{"aliases", stringAttr, func(n *Node) string { return jsonString(n.Aliases) }},
	{"description", stringAttr, func(n *Node) string { return n.Description }},
	{"degree", intAttr, func(n *Node) string { return strconv.Itoa(n.Degree) }},
	{"firstSeen", stringAttr, func(n *Node) string { return day(n.FirstSeen) }},
}

// edgeAttrs are the edge attributes of the flat formats, in order.
var edgeAttrs = []attr[*Edge]{
	{"type", stringAttr, func(e *Edge) string { return e.Type }},
	{"confidence", floatAttr, func(e *Edge) string { return strconv.FormatFloat(e.Confidence, 'g', -1, 64) }},
	{"status", stringAttr, func(e *Edge) string { return e.Status() }},
	{"corroboration", intAttr, func(e *Edge) string { return strconv.Itoa(e.Corroboration()) }},
	{"firstReported", stringAttr, func(e *Edge) string { return day(e.FirstReported) }},
	{"lastReported", stringAttr, func(e *Edge) string { return day(e.LastReported) }},
	{"validFrom", stringAttr, func(e *Edge) string { return day(e.ValidFrom) }},
	{"validTo", stringAttr, func(e *Edge) string { return day(e.ValidTo) }},
	{"evidence", stringAttr, func(e *Edge) string { return jsonString(e.Evidence) }},
}

// day writes a day as YYYY-MM-DD, and a zero day as absent.
func day(d newsgraph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// jsonString encodes a list as a JSON string, and an empty list as absent.
func jsonString[T any](list []T) string {
	if len(list) == 0 {
		return ""
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic(err) // strings and Evidence always encode
	}
	return string(b)
}
