package storebench

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// ImportBatchSize is the number of entities, or of relations with the
// documents they quote, in each Upsert of Import.
const ImportBatchSize = 10_000

// Import writes g into s in batches of ImportBatchSize, the way a bulk load
// does: entities first, places before the events that name them and claims
// last, after every possible claimant; then relations in order, each batch
// with the documents its evidence quotes that earlier batches did not
// carry.
func Import(ctx context.Context, s newsgraph.Writer, g *newsgraph.Batch) error {
	entities := slices.Clone(g.Entities)
	rank := func(e *newsgraph.Entity) int {
		switch e.Kind {
		case newsgraph.KindPlace:
			return 0
		case newsgraph.KindClaim:
			return 2
		}
		return 1
	}
	slices.SortStableFunc(entities, func(a, b *newsgraph.Entity) int { return rank(a) - rank(b) })
	claims := slices.IndexFunc(entities, func(e *newsgraph.Entity) bool { return e.Kind == newsgraph.KindClaim })
	if claims < 0 {
		claims = len(entities)
	}
	for start := 0; start < claims; start += ImportBatchSize {
		chunk := entities[start:min(claims, start+ImportBatchSize)]
		if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: chunk}); err != nil {
			return fmt.Errorf("entities %d..%d: %w", start, start+len(chunk), err)
		}
	}
	if claims < len(entities) {
		// Claims may name claims as claimants: they go in one batch.
		if _, err := s.Upsert(ctx, newsgraph.Batch{Entities: entities[claims:]}); err != nil {
			return fmt.Errorf("claims: %w", err)
		}
	}
	docs := make(map[string]*newsgraph.Document, len(g.Documents))
	for _, d := range g.Documents {
		docs[d.ID] = d
	}
	sent := make(map[string]bool, len(g.Documents))
	for start := 0; start < len(g.Relations); start += ImportBatchSize {
		var batch newsgraph.Batch
		batch.Relations = g.Relations[start:min(len(g.Relations), start+ImportBatchSize)]
		for _, r := range batch.Relations {
			for _, ev := range r.Evidence {
				if d := docs[ev.DocumentID]; d != nil && !sent[d.ID] {
					sent[d.ID] = true
					batch.Documents = append(batch.Documents, d)
				}
			}
		}
		if _, err := s.Upsert(ctx, batch); err != nil {
			return fmt.Errorf("relations %d..%d: %w", start, start+len(batch.Relations), err)
		}
	}
	var rest []*newsgraph.Document
	for _, d := range g.Documents {
		if !sent[d.ID] {
			rest = append(rest, d)
		}
	}
	if len(rest) > 0 {
		if _, err := s.Upsert(ctx, newsgraph.Batch{Documents: rest}); err != nil {
			return fmt.Errorf("documents without evidence: %w", err)
		}
	}
	return nil
}
