package main

import (
	"context"
	"fmt"
	"log/slog"

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
	err := writeJSONL(ctx, c.Out, func(emit func(ingest.Input) error) error {
		return gen.Documents(cfg, emit)
	})
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if c.Out == "" {
		return nil
	}
	logger.Info("graph generated", "file", c.Out, "entities", c.Entities, "relations", c.Relations, "seed", c.Seed)
	return nil
}
