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

	"github.com/newsgraph/newsgraph"
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
	if c.Out == "" {
		return exportJSONL(ctx, store, os.Stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.Out), filepath.Base(c.Out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := exportJSONL(ctx, store, tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.Out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	logger.Info("graph exported", "file", c.Out)
	return nil
}

// exportJSONL writes one ingest.Input per line to w.
func exportJSONL(ctx context.Context, store newsgraph.Store, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := ingest.Export(ctx, store, func(in ingest.Input) error { return enc.Encode(in) }); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
