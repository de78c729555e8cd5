package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// genCmd writes a synthetic graph as JSON Lines.
type genCmd struct {
	Entities             int    `default:"20000" help:"Number of entities (at least 12)."`
	Relations            int    `default:"100000" help:"Exact number of relations."`
	Seed                 int64  `default:"1" help:"Seed: the same flags always write the same bytes."`
	RelationsPerDocument int    `default:"50" help:"Relations whose evidence one document holds (1 to 500)."`
	Out                  string `short:"o" placeholder:"FILE" help:"Write to FILE (complete or not at all: written aside and renamed) instead of standard output."`
}

// Help is the detailed help of the command.
func (c *genCmd) Help() string {
	return `Write a deterministic synthetic news graph in the JSON Lines format of "newsgraph import": all six entity kinds, a power-law degree distribution with a few hubs, more than thirty relation types, evidence quotes taken from the generated document texts and dates over several years. Import it with "newsgraph import FILE".`
}

// Run generates the graph.
func (c *genCmd) Run(ctx context.Context, logger *slog.Logger) error {
	cfg := gen.Config{Entities: c.Entities, Relations: c.Relations, Seed: c.Seed, RelationsPerDocument: c.RelationsPerDocument}
	if c.Out == "" {
		return writeGraphJSONL(ctx, cfg, os.Stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.Out), filepath.Base(c.Out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := writeGraphJSONL(ctx, cfg, tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.Out); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	logger.Info("graph generated", "file", c.Out, "entities", c.Entities, "relations", c.Relations, "seed", c.Seed)
	return nil
}

// writeGraphJSONL writes the import lines of cfg to w.
func writeGraphJSONL(ctx context.Context, cfg gen.Config, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := gen.Documents(cfg, func(in ingest.Input) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return enc.Encode(in)
	})
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}
