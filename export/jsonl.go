package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// WriteJSONL writes the whole store as JSON Lines, one ingest.Input per
// line, that "newsgraph import" reproduces it from (see ingest.Export),
// stopping when ctx ends.
func WriteJSONL(ctx context.Context, w io.Writer, store newsgraph.Store) error {
	return EncodeJSONL(ctx, w, func(emit func(ingest.Input) error) error {
		return ingest.Export(ctx, store, emit)
	})
}

// EncodeJSONL writes the lines that produce emits to w, buffered, stopping
// when ctx ends.
func EncodeJSONL(ctx context.Context, w io.Writer, produce func(emit func(ingest.Input) error) error) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := produce(func(in ingest.Input) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return enc.Encode(in)
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
