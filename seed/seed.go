package seed

import (
	"context"
	"embed"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// DocumentID is the id of the seed article: Mexican President Claudia
// Sheinbaum's rejection of US military intervention, published on
// 18 November 2025.
const DocumentID = "doc:9e9124713ed057f1"

// dataFile is the path of the curated graph inside data.
const dataFile = "data/seed.json"

// data holds the curated graph and the article texts it quotes.
//
//go:embed data/seed.json data/*.txt
var data embed.FS

// Batch returns the curated seed graph as a fresh batch: documents with
// their full text, entities and relations, and the mentions of every
// entity by the article, with the spans where its name or an alias occurs
// (newsgraph.FindSpans): each entity of the seed is one the article lists.
// The batch is normalised (Batch.Normalize), its evidence gets its offsets
// (Batch.AddEvidenceOffsets), and it is checked: by Batch.Validate, by CheckReferences
// against nothing (the seed is self-contained, so every reference must
// resolve inside it) and against the relation vocabulary (newsgraph.CheckVocabulary).
// A failed check is a newsgraph Invalid error naming the offending item;
// unreadable embedded data is an Internal error. Either means the embedded
// data is broken, which the package tests rule out.
func Batch() (*newsgraph.Batch, error) {
	b, err := decode(data, dataFile)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	for _, d := range b.Documents {
		for _, e := range b.Entities {
			spans := newsgraph.FindSpans(d.Text, append([]string{e.Name}, e.Aliases...))
			b.Mentions = append(b.Mentions, newsgraph.Mention{DocumentID: d.ID, EntityID: e.ID, Spans: spans})
		}
	}
	b.Normalize()
	b.AddEvidenceOffsets()
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	if err := b.CheckReferences(nil, nil); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	if err := newsgraph.CheckVocabulary(b); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	return b, nil
}

// Load writes the seed graph to w in one Upsert, so that it is written all
// or nothing. Loading again changes nothing, because Upsert is idempotent:
// entities and the document are replaced by equal values and relation
// evidence is merged without duplicates.
func Load(ctx context.Context, w newsgraph.Writer) error {
	b, err := Batch()
	if err != nil {
		return err
	}
	if _, err := w.Upsert(ctx, *b); err != nil {
		return fmt.Errorf("seed: load %s: %w", DocumentID, err)
	}
	return nil
}
