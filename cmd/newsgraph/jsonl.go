package main

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/ingest"
)

// writeJSONL writes the import lines that produce emits, one ingest.Input
// per line, as writeFile does.
func writeJSONL(ctx context.Context, path string, produce func(emit func(ingest.Input) error) error) error {
	return writeFile(path, func(w io.Writer) error { return export.EncodeJSONL(ctx, w, produce) })
}

// writeFile calls write with standard output when path is empty, or else
// with a temporary file beside path that is renamed into place only when
// write succeeds, so a failed run leaves no partial file.
func writeFile(path string, write func(w io.Writer) error) error {
	if path == "" {
		return write(os.Stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
