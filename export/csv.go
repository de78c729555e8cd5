package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"io"
	"strings"
)

// The file names of the CSV tables, in the zip WriteCSVZip writes and in
// the directory the command line's --out-dir names.
const (
	NodesCSV = "nodes.csv"
	EdgesCSV = "edges.csv"
)

// WriteNodesCSV writes g's nodes as a CSV table with a header, in the shape
// Gephi's spreadsheet importer takes: Id, Label (the name), then the other
// node attributes with capitalised names (Kind, Aliases, ...). Neo4j's LOAD
// CSV WITH HEADERS reads it as it is.
func WriteNodesCSV(ctx context.Context, w io.Writer, g Graph) error {
	cw := csv.NewWriter(w)
	header := []string{"Id", "Label"}
	for _, a := range nodeAttrs[1:] { // the name is the Label
		header = append(header, title(a.name))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	err := g.Nodes(ctx, func(n *Node) error {
		row := []string{n.ID, n.Name}
		for _, a := range nodeAttrs[1:] {
			row = append(row, a.value(n))
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteEdgesCSV writes g's edges as a CSV table with a header, in the shape
// Gephi's spreadsheet importer takes: Id, Source, Target, Type (always
// "Directed", as Gephi means it), Label (the relation type), then the other
// edge attributes with capitalised names (RelationType, Confidence, ...).
func WriteEdgesCSV(ctx context.Context, w io.Writer, g Graph) error {
	cw := csv.NewWriter(w)
	header := []string{"Id", "Source", "Target", "Type", "Label", "RelationType"}
	for _, a := range edgeAttrs[1:] { // the relation type is RelationType
		header = append(header, title(a.name))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	err := g.Edges(ctx, func(e *Edge) error {
		row := []string{e.ID, e.From, e.To, "Directed", e.Type, e.Type}
		for _, a := range edgeAttrs[1:] {
			row = append(row, a.value(e))
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVZip writes a zip archive holding NodesCSV and EdgesCSV.
func WriteCSVZip(ctx context.Context, w io.Writer, g Graph) error {
	zw := zip.NewWriter(w)
	for _, t := range []struct {
		name  string
		write func(context.Context, io.Writer, Graph) error
	}{{NodesCSV, WriteNodesCSV}, {EdgesCSV, WriteEdgesCSV}} {
		f, err := zw.Create(t.name)
		if err != nil {
			return err
		}
		if err := t.write(ctx, f, g); err != nil {
			return err
		}
	}
	return zw.Close()
}

// title capitalises an attribute name: firstSeen is FirstSeen.
func title(name string) string {
	return strings.ToUpper(name[:1]) + name[1:]
}
