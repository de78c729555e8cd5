package export

import (
	"context"
	"io"
)

// Format is an export format.
type Format struct {
	// Name is how the command line and the HTTP API name it.
	Name string
	// ContentType is its media type over HTTP.
	ContentType string
	// Ext is the file name extension, with the dot.
	Ext string
	// Write writes a graph in the format.
	Write func(ctx context.Context, w io.Writer, g Graph) error
}

// Formats are the formats of graphs, by name. JSON Lines, the import
// format, is not one: it is the whole store, written by WriteJSONL.
var Formats = map[string]Format{
	"graphml":    {"graphml", "application/graphml+xml", ".graphml", WriteGraphML},
	"gexf":       {"gexf", "application/gexf+xml", ".gexf", WriteGEXF},
	"cytoscape":  {"cytoscape", "application/json", ".cyjs", WriteCytoscape},
	"graphology": {"graphology", "application/json", ".json", WriteGraphology},
	"csv":        {"csv", "application/zip", ".zip", WriteCSVZip},
}

// FormatNames lists every format the command line and HTTP take, JSON
// Lines first.
var FormatNames = []string{"jsonl", "graphml", "gexf", "cytoscape", "graphology", "csv"}
