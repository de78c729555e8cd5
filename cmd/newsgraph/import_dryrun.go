package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

// maxListedWarnings bounds the warnings an import prints on standard
// error without --verbose; the summary counts them all.
const maxListedWarnings = 20

// rehearse is run for --dry-run: it plans every line after the ones before
// it (ingest.Rehearsal) and prints what each would do, writing nothing.
func (imp *importer) rehearse(ctx context.Context, r io.Reader) (summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines := make(chan parsedLine, 64)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		readErr <- readLines(ctx, r, lines)
	}()
	sum := summary{start: time.Now(), dryRun: true}
	defer imp.progress.finish()
	reh := imp.svc.Rehearse()
	for line := range lines {
		sum.lines++
		err := line.err
		var res ingest.Result
		if err == nil {
			res, err = reh.Plan(ctx, line.input)
		}
		switch {
		case err == nil:
			sum.add(res)
			imp.progress.clear()
			printPlan(imp.out, line.number, res)
			imp.warn(line.number, res.Warnings, &sum)
		case ingest.Outcome{Err: err}.Rejected():
			sum.reject(line.number, err)
			imp.progress.clear()
			fmt.Fprintf(imp.errOut, "line %d would be rejected: %v\n", line.number, err)
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

// printPlan prints what one line would do.
func printPlan(w io.Writer, number int, res ingest.Result) {
	switch {
	case res.Document != nil:
		fmt.Fprintf(w, "line %d: document %s\n", number, res.Document.ID)
	case len(res.Merges) > 0:
		fmt.Fprintf(w, "line %d: %d merges (not rehearsed)\n", number, len(res.Merges))
	default:
		fmt.Fprintf(w, "line %d: entities only\n", number)
	}
	for _, e := range res.Entities {
		what := "matched"
		if e.Created {
			what = "new"
		}
		fmt.Fprintf(w, "  entity %s -> %s (%s)\n", e.Ref, e.ID, what)
	}
	for _, r := range res.CreatedRelations {
		fmt.Fprintf(w, "  relation %s: created\n", r.ID)
	}
	for _, r := range res.CorroboratedRelations {
		fmt.Fprintf(w, "  relation %s: corroborated (%d documents)\n", r.ID, len(r.DocumentIDs()))
	}
}

// warn prints the warnings of a line on standard error, all of them with
// --verbose and the first maxListedWarnings of the import otherwise, and
// counts them in the summary.
func (imp *importer) warn(number int, ws []ingest.Warning, sum *summary) {
	for _, w := range ws {
		if imp.verbose || sum.warningCount() < maxListedWarnings {
			imp.progress.clear()
			fmt.Fprintf(imp.errOut, "line %d warning %s: %s\n", number, w.Code, w)
		}
		sum.addWarning(w)
	}
}
