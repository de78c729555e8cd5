package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/export"
)

// exportCmd writes the graph, or a neighbourhood of it, in one of the
// export formats.
type exportCmd struct {
	Store   storeFlags `embed:"" group:"Store"`
	Format  string     `default:"jsonl" enum:"jsonl,graphml,gexf,cytoscape,graphology,csv" help:"Output format: ${enum}. jsonl is the whole store in the input format of \"newsgraph import\" (a backup); the others are graphs for Gephi, Cytoscape, networkx, graphology (csv: a zip of nodes.csv and edges.csv, or the two files with --out-dir)."`
	Around  string     `placeholder:"ID" help:"Export the neighbourhood of this entity instead of the whole graph."`
	Depth   int        `help:"Hops from --around, 1..4 (default 1)."`
	Limit   int        `help:"The most nodes of the neighbourhood, --around included, 1..500 (default 500)."`
	Types   []string   `placeholder:"TYPE,..." help:"Keep only relations of these types."`
	Kinds   []string   `placeholder:"KIND,..." help:"Keep only entities of these kinds, and the relations between them."`
	AsOf    string     `name:"as-of" placeholder:"YYYY-MM-DD" help:"Keep only relations valid on that day."`
	Induced bool       `help:"With --around: also every other relation among the neighbourhood's entities (that --types and --as-of keep), not only those the walk followed."`
	Out     string     `short:"o" placeholder:"FILE" help:"Write to FILE (complete or not at all: written aside and renamed) instead of standard output."`
	OutDir  string     `name:"out-dir" placeholder:"DIR" help:"With --format csv: write nodes.csv and edges.csv into DIR instead of a zip."`
}

// Run exports the graph.
func (c *exportCmd) Run(ctx context.Context, logger *slog.Logger) error {
	q, err := c.query()
	if err != nil {
		return err
	}
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := c.write(ctx, store, q); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if c.Out != "" || c.OutDir != "" {
		logger.Info("graph exported", "format", c.Format, "file", c.Out+c.OutDir)
	}
	return nil
}

// query checks the flags, before the store is opened.
func (c *exportCmd) query() (export.Query, error) {
	q := export.Query{Around: c.Around, Depth: c.Depth, Limit: c.Limit, Types: c.Types, Induced: c.Induced}
	for _, k := range c.Kinds {
		q.Kinds = append(q.Kinds, newsgraph.Kind(strings.ToUpper(k)))
	}
	if c.AsOf != "" {
		d, err := newsgraph.ParseDate(c.AsOf)
		if err != nil {
			return q, fmt.Errorf("--as-of: %w", err)
		}
		q.AsOf = d
	}
	switch {
	case c.Out != "" && c.OutDir != "":
		return q, errors.New("--out and --out-dir: give one")
	case c.OutDir != "" && c.Format != "csv":
		return q, errors.New("--out-dir is for --format csv")
	case c.Format == "jsonl" && (q.Around != "" || q.Depth != 0 || q.Limit != 0 || len(q.Types) > 0 || len(q.Kinds) > 0 || !q.AsOf.IsZero() || q.Induced):
		return q, errors.New("--format jsonl exports the whole store: it takes no --around, --depth, --limit, --types, --kinds, --as-of or --induced")
	}
	return q, q.Validate()
}

// write writes the export where the flags say.
func (c *exportCmd) write(ctx context.Context, store newsgraph.Store, q export.Query) error {
	if c.Format == "jsonl" {
		return writeFile(c.Out, func(w io.Writer) error { return export.WriteJSONL(ctx, w, store) })
	}
	g, err := export.Open(ctx, store, q)
	if err != nil {
		return err
	}
	if c.OutDir != "" {
		if err := os.MkdirAll(c.OutDir, 0o755); err != nil {
			return err
		}
		err := writeFile(filepath.Join(c.OutDir, export.NodesCSV), func(w io.Writer) error { return export.WriteNodesCSV(ctx, w, g) })
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(c.OutDir, export.EdgesCSV), func(w io.Writer) error { return export.WriteEdgesCSV(ctx, w, g) })
	}
	f := export.Formats[c.Format]
	return writeFile(c.Out, func(w io.Writer) error { return f.Write(ctx, w, g) })
}
