package main

import (
	"context"
	"log/slog"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/seed"
)

// seedCmd loads the curated seed graph.
type seedCmd struct {
	Store storeFlags `embed:"" group:"Store"`
}

// Run loads the seed graph into the configured store.
func (c *seedCmd) Run(ctx context.Context, logger *slog.Logger) error {
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	return loadSeed(ctx, store, logger)
}

// loadSeed loads the seed graph and logs the store's size afterwards.
func loadSeed(ctx context.Context, store newsgraph.Store, logger *slog.Logger) error {
	if err := seed.Load(ctx, store); err != nil {
		return err
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	logger.Info("seed graph loaded", "entities", st.Entities, "relations", st.Relations, "documents", st.Documents)
	return nil
}
