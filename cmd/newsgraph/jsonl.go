package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/ingest"
)

// writeJSONL writes the import lines that produce emits, one ingest.Input
// per line, to standard output when path is empty, or else to path
// atomically: the lines go to a temporary file beside it that is renamed
// into place only when complete, so a failed run leaves no partial file.
func writeJSONL(ctx context.Context, path string, produce func(emit func(ingest.Input) error) error) error {
	if path == "" {
		return encodeJSONL(ctx, os.Stdout, produce)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := encodeJSONL(ctx, tmp, produce); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// encodeJSONL writes the lines that produce emits to w, buffered, stopping
// when ctx ends.
func encodeJSONL(ctx context.Context, w io.Writer, produce func(emit func(ingest.Input) error) error) error {
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
