package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
)

// extractCmd drafts an import line from an article's raw text.
type extractCmd struct {
	Store     storeFlags `embed:"" group:"Store"`
	Published string     `required:"" placeholder:"YYYY-MM-DD" help:"Publication date; relative dates (\"on Thursday\", \"in August\") are resolved against it."`
	Title     string     `help:"Headline (default: the text's first line)."`
	URL       string     `name:"url" help:"Where the article was published."`
	Source    string     `help:"The publisher."`
	Format    string     `default:"jsonl" enum:"jsonl,review" help:"Output: ${enum}. jsonl is one line in the format of \"newsgraph import\"; review is the text with its mentions marked and every candidate with its rule and confidence."`
	File      string     `arg:"" placeholder:"FILE|-" help:"The article's text, or - for standard input."`
}

// Run extracts the article and prints the draft.
func (c *extractCmd) Run(ctx context.Context, logger *slog.Logger) error {
	published, err := newsgraph.ParseDate(c.Published)
	if err != nil {
		return fmt.Errorf("--published: %w", err)
	}
	var text []byte
	if c.File == "-" {
		text, err = io.ReadAll(os.Stdin)
	} else {
		text, err = os.ReadFile(c.File)
	}
	if err != nil {
		return err
	}
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	in := extract.Input{Text: string(text), Published: published, Title: c.Title, URL: c.URL, Source: c.Source}
	x, err := extract.NewOffline(extract.NewSource(store)).Extract(ctx, in)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if c.Format == "review" {
		return extract.WriteReview(os.Stdout, x)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(x.Draft())
}
