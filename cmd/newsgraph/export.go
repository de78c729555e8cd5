package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/newsgraph/newsgraph/ingest"
)

// exportCmd writes the whole graph as JSON Lines.
type exportCmd struct {
	Store  storeFlags `embed:"" group:"Store"`
	Format string     `default:"jsonl" enum:"jsonl" help:"Output format: ${enum} (the input format of \"newsgraph import\")."`
	Out    string     `short:"o" placeholder:"FILE" help:"Write to FILE (complete or not at all: written aside and renamed) instead of standard output."`
}

// Run exports the graph.
func (c *exportCmd) Run(ctx context.Context, logger *slog.Logger) error {
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	err = writeJSONL(ctx, c.Out, func(emit func(ingest.Input) error) error {
		return ingest.Export(ctx, store, emit)
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if c.Out == "" {
		return nil
	}
	logger.Info("graph exported", "file", c.Out)
	return nil
}
