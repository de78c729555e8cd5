package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// importHelp is the help of "newsgraph import", exit status included.
const importHelp = `Import documents from JSON Lines: one ingest input (document, entities, relations) per line, as "newsgraph export" writes them. Each line is one transaction: once a line is reported committed it is durable. A bad line (invalid JSON or rejected input) is reported with its line number and skipped; the rest loads. Exit status: 0 when every line was committed or rejected as invalid; 1 when lines were given but none could be committed, on a store failure (the import stops at once), when interrupted, or with --strict when any line was rejected. The embedded store is locked by a running server: stop it or import through the server's GraphQL API.`

// maxLineBytes bounds one input line; a longer line is rejected.
const maxLineBytes = 64 << 20

// importCmd imports JSON Lines into the store.
type importCmd struct {
	Store    storeFlags `embed:"" group:"Store"`
	File     string     `arg:"" placeholder:"FILE|-" help:"JSON Lines file to import, or - for standard input."`
	Verbose  bool       `short:"v" help:"Print \"committed LINE DOCUMENT-ID\" on standard output as each line is committed."`
	Strict   bool       `help:"Exit with status 1 when any line was rejected."`
	Progress string     `default:"auto" enum:"auto,always,never" help:"Progress bar on standard error: ${enum} (auto: only on a terminal; otherwise a log line every 5 seconds)."`
}

// Help is the detailed help of the command.
func (c *importCmd) Help() string { return importHelp }

// Run imports the file and prints a summary on standard output.
func (c *importCmd) Run(ctx context.Context, logger *slog.Logger) error {
	in, size, err := openInput(c.File)
	if err != nil {
		return err
	}
	defer in.Close()
	store, err := c.Store.open(ctx, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	imp := &importer{
		svc:      ingest.New(store),
		out:      os.Stdout,
		errOut:   os.Stderr,
		verbose:  c.Verbose,
		logger:   logger,
		progress: newProgress(c.Progress, size, logger),
	}
	sum, err := imp.run(ctx, in)
	sum.print(imp.out)
	switch {
	case err != nil:
		return err
	case sum.lines > 0 && sum.committed == 0:
		return fmt.Errorf("no line of %s could be imported", c.File)
	case c.Strict && len(sum.rejected) > 0:
		return fmt.Errorf("%d lines rejected (--strict)", len(sum.rejected))
	}
	return nil
}

// openInput opens the named file, or standard input for "-", and returns
// its size when known (-1 otherwise).
func openInput(name string) (io.ReadCloser, int64, error) {
	if name == "-" {
		return io.NopCloser(os.Stdin), -1, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, fmt.Errorf("import: %w", err)
	}
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return f, size, nil
}

// importer runs one import.
type importer struct {
	svc      *ingest.Service
	out      io.Writer
	errOut   io.Writer
	verbose  bool
	logger   *slog.Logger
	progress progress
}

// parsedLine is one input line, decoded and validated ahead of writing.
type parsedLine struct {
	number int
	bytes  int
	input  ingest.Input
	err    error
}

// run reads, validates and ingests every line. Parsing and validation run
// in a goroutine ahead of the writes, which happen one line (one
// transaction) at a time. A store failure or a cancelled context stops the
// import and is returned; rejected lines are recorded in the summary.
func (imp *importer) run(ctx context.Context, r io.Reader) (summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines := make(chan parsedLine, 256)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		readErr <- readLines(ctx, r, lines)
	}()
	sum := summary{start: time.Now()}
	defer imp.progress.finish()
	for line := range lines {
		sum.lines++
		err := line.err
		var res ingest.Result
		if err == nil {
			res, err = imp.svc.Ingest(ctx, line.input)
		}
		switch code := newsgraph.ErrorCode(err); {
		case err == nil:
			sum.add(res)
			if imp.verbose && res.Document != nil {
				fmt.Fprintf(imp.out, "committed %d %s\n", line.number, res.Document.ID)
			} else if imp.verbose {
				fmt.Fprintf(imp.out, "committed %d entities\n", line.number)
			}
		case code == newsgraph.Invalid || code == newsgraph.LimitExceeded:
			sum.reject(line.number, err)
			imp.progress.clear()
			fmt.Fprintf(imp.errOut, "line %d rejected: %v\n", line.number, err)
		default:
			return sum, fmt.Errorf("line %d: %w", line.number, err)
		}
		imp.progress.advance(line.bytes, &sum)
	}
	if err := <-readErr; err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

// readLines reads r line by line, decodes and validates each non-blank
// line, and sends it on lines until r ends or ctx is cancelled.
func readLines(ctx context.Context, r io.Reader, lines chan<- parsedLine) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		raw, err := readLine(br)
		if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 {
			line := parsedLine{number: n, bytes: len(raw)}
			if len(raw) > maxLineBytes {
				line.err = newsgraph.Errorf(newsgraph.LimitExceeded, "line is longer than %d bytes", maxLineBytes)
			} else if line.input, line.err = ingest.DecodeInput(trimmed); line.err == nil {
				line.err = line.input.Validate()
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("import: read line %d: %w", n, err)
		}
	}
}

// readLine returns the next line with its newline, reading at most
// maxLineBytes+1 bytes of it into memory and discarding the rest of a longer
// line.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line) <= maxLineBytes {
			line = append(line, chunk...)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}
