package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

// importHelp is the help of "newsgraph import", exit status included.
const importHelp = `Import documents from JSON Lines: one ingest input (document, entities, relations) per line, as "newsgraph export" writes them. Each line is all or nothing, and once a line is reported committed it is durable; lines are written in groups, one transaction per group of up to --batch-size relations. A bad line (invalid JSON or rejected input) is reported with its line number and skipped; the rest loads. Exit status: 0 when every line was committed or rejected as invalid; 1 when lines were given but none could be committed, on a store failure (the import stops at once), when interrupted, or with --strict when any line was rejected. Relation types are mapped to the relation vocabulary (docs/relation-vocabulary.md); what needs review (a mapped or unknown type, a possible duplicate of an existing entity, a quote matched after folding) is reported as a warning on standard error and counted in the summary. --strict-vocabulary rejects lines with unknown types instead. --dry-run plans every line against the store exactly as an import would, each line after the ones before it, reports per line what each entity resolves to and what each relation would do, and writes nothing. The embedded store is locked by a running server: stop it or import through the server's GraphQL API.`

// maxLineBytes bounds one input line; a longer line is rejected.
const maxLineBytes = 64 << 20

// importGCPercent and importMemoryLimit are the garbage collector's
// settings during an import (see tuneGC).
const (
	importGCPercent   = 300
	importMemoryLimit = 1280 << 20
)

// maxGroupLines bounds the lines committed in one transaction.
const maxGroupLines = 2000

// importCmd imports JSON Lines into the store.
type importCmd struct {
	Store   storeFlags `embed:"" group:"Store"`
	File    string     `arg:"" placeholder:"FILE|-" help:"JSON Lines file to import, or - for standard input."`
	Verbose bool       `short:"v" help:"Print \"committed LINE DOCUMENT-ID\" on standard output as each line is committed."`
	Strict  bool       `help:"Exit with status 1 when any line was rejected."`
	// StrictVocabulary is ingest.StrictVocabulary.
	StrictVocabulary bool `name:"strict-vocabulary" help:"Reject lines with a relation type outside the relation vocabulary, or ends of kinds a type does not allow, instead of warning."`
	// DuplicateWarnings searches for possible duplicates of new entities.
	DuplicateWarnings bool `name:"duplicate-warnings" default:"true" negatable:"" help:"Warn about new entities that may be existing ones (one search per entity created by name; --no-duplicate-warnings skips it)."`
	// DryRun plans without writing (ingest.Rehearsal).
	DryRun   bool   `name:"dry-run" help:"Report what each line would do (entities resolved, relations created or corroborated, warnings) and write nothing."`
	Progress string `default:"auto" enum:"auto,always,never" help:"Progress bar on standard error: ${enum} (auto: only on a terminal; otherwise a log line every 5 seconds)."`
	// BatchSize bounds the relations written per transaction.
	CPUProfile string `name:"cpu-profile" hidden:"" type:"path" help:"Write a CPU profile of the import to this file (for go tool pprof)."`
	BatchSize  int    `default:"20000" help:"Relations per transaction: lines are committed in groups of up to this many relations (and at most 2000 lines); a line is reported committed once its group is durable."`
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
	tuneGC()
	if c.CPUProfile != "" {
		stop, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	var opts []ingest.Option
	if c.StrictVocabulary {
		opts = append(opts, ingest.StrictVocabulary())
	}
	if !c.DuplicateWarnings {
		opts = append(opts, ingest.WithoutDuplicateWarnings())
	}
	imp := &importer{
		svc:      ingest.New(store, opts...),
		out:      os.Stdout,
		errOut:   os.Stderr,
		verbose:  c.Verbose,
		logger:   logger,
		progress: newProgress(c.Progress, size, logger),

		batchSize:     max(c.BatchSize, 1),
		maxGroupLines: maxGroupLines,
	}
	run := imp.run
	if c.DryRun {
		run = imp.rehearse
	}
	sum, err := run(ctx, in)
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

// tuneGC lets the heap grow further between collections than the default
// while an import runs, since a bulk import allocates much and keeps most
// of it, within a soft memory limit; GOGC and GOMEMLIMIT in the
// environment take precedence.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(importGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(importMemoryLimit)
	}
}

// startCPUProfile writes a CPU profile to path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}, nil
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
	// batchSize bounds the relations of one group of lines written in one
	// transaction; maxGroupLines bounds its lines.
	batchSize     int
	maxGroupLines int
}

// parsedLine is one input line, decoded and validated ahead of writing.
type parsedLine struct {
	number int
	bytes  int
	input  ingest.Checked
	// relations is the number of relations of the line.
	relations int
	err       error
}

// run reads, validates and ingests every line. Parsing and validation run
// in a goroutine ahead of the writes. Lines are written in groups, one
// transaction per group, and each group is planned while the one before it
// is written (see ingest.Service.IngestStream): a group takes the lines
// parsed so far, up to batchSize relations; the first group is one line
// and each next one may be twice as long, so the first lines are
// acknowledged at once and later groups make the most of each commit. A
// line is reported committed only after its group's commit. A store failure
// or a cancelled context stops the import and is returned; rejected lines
// are recorded in the summary.
func (imp *importer) run(ctx context.Context, r io.Reader) (summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines := make(chan parsedLine, 2*imp.maxGroupLines)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		readErr <- readLines(ctx, r, lines)
	}()
	sum := summary{start: time.Now()}
	defer imp.progress.finish()
	limit := 1
	// submitted holds the groups handed to the stream and not yet
	// committed, oldest first.
	var submitted [][]parsedLine
	next := func() []ingest.Checked {
		group := nextGroup(lines, limit, imp.batchSize)
		if len(group) == 0 {
			return nil
		}
		limit = min(2*limit, imp.maxGroupLines)
		submitted = append(submitted, group)
		inputs := make([]ingest.Checked, 0, len(group))
		for _, line := range group {
			if line.err == nil {
				inputs = append(inputs, line.input)
			}
		}
		return inputs
	}
	committed := func(outcomes []ingest.Outcome) error {
		group := submitted[0]
		submitted = submitted[1:]
		return imp.report(group, outcomes, &sum)
	}
	if err := imp.svc.IngestStream(ctx, next, committed); err != nil {
		return sum, err
	}
	if err := <-readErr; err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

// nextGroup waits for the next line, then adds the lines already parsed,
// up to maxLines lines and maxRelations relations (at least one line). It
// returns no lines when lines is closed and drained.
func nextGroup(lines <-chan parsedLine, maxLines, maxRelations int) []parsedLine {
	first, ok := <-lines
	if !ok {
		return nil
	}
	group := []parsedLine{first}
	relations := first.relations
	for len(group) < maxLines && relations < maxRelations {
		select {
		case line, ok := <-lines:
			if !ok {
				return group
			}
			group = append(group, line)
			relations += line.relations
		default:
			return group
		}
	}
	return group
}

// report reports each line of a group, in order, once the group is
// durable, from the outcomes of its valid lines. A line the store failed
// to write is returned as an error.
func (imp *importer) report(group []parsedLine, outcomes []ingest.Outcome, sum *summary) error {
	next := 0
	for _, line := range group {
		sum.lines++
		o := ingest.Outcome{Err: line.err}
		if line.err == nil {
			o = outcomes[next]
			next++
		}
		switch {
		case o.Committed():
			sum.add(o.Result)
			imp.warn(line.number, o.Result.Warnings, sum)
			if imp.verbose && o.Result.Document != nil {
				fmt.Fprintf(imp.out, "committed %d %s\n", line.number, o.Result.Document.ID)
			} else if imp.verbose {
				fmt.Fprintf(imp.out, "committed %d entities\n", line.number)
			}
		case o.Rejected():
			sum.reject(line.number, o.Err)
			imp.progress.clear()
			fmt.Fprintf(imp.errOut, "line %d rejected: %v\n", line.number, o.Err)
		default:
			return fmt.Errorf("line %d: %w", line.number, o.Err)
		}
		imp.progress.advance(line.bytes, sum)
	}
	return nil
}
