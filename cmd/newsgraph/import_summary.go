package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/schollz/progressbar/v3"
)

// maxListedRejections bounds the rejected lines the summary details.
const maxListedRejections = 20

// summary counts what an import did.
type summary struct {
	start                 time.Time
	lines, committed      int
	documents             int
	entitiesCreated       int
	entitiesMatched       int
	relationsCreated      int
	relationsCorroborated int
	merges                int
	rejected              []rejection
	// warnings counts the warnings by code, in the order codes first came.
	warnings     map[ingest.WarningCode]int
	warningCodes []ingest.WarningCode
	// dryRun reports that nothing was written (--dry-run).
	dryRun bool
}

// addWarning counts w.
func (s *summary) addWarning(w ingest.Warning) {
	if s.warnings == nil {
		s.warnings = map[ingest.WarningCode]int{}
	}
	if s.warnings[w.Code] == 0 {
		s.warningCodes = append(s.warningCodes, w.Code)
	}
	s.warnings[w.Code]++
}

// warningCount is the number of warnings so far.
func (s *summary) warningCount() int {
	n := 0
	for _, c := range s.warnings {
		n += c
	}
	return n
}

// rejection is a line that was skipped and why.
type rejection struct {
	line int
	err  error
}

func (s *summary) add(r ingest.Result) {
	s.committed++
	if r.Document != nil {
		s.documents++
	}
	s.entitiesCreated += len(r.Created)
	s.entitiesMatched += len(r.Matched)
	s.relationsCreated += r.RelationsCreated
	s.relationsCorroborated += r.RelationsCorroborated
	s.merges += len(r.Merges)
}

func (s *summary) reject(line int, err error) {
	s.rejected = append(s.rejected, rejection{line: line, err: err})
}

// print writes the summary: counts, rates and the rejected lines.
func (s *summary) print(w io.Writer) {
	elapsed := time.Since(s.start)
	secs := max(elapsed.Seconds(), 1e-9)
	verb := "imported"
	if s.dryRun {
		fmt.Fprintln(w, "dry run: nothing was written")
		verb = "would import"
	}
	fmt.Fprintf(w, "%s %d of %d lines in %s (%.0f documents/s, %.0f relations/s)\n",
		verb, s.committed, s.lines, elapsed.Round(time.Millisecond), float64(s.documents)/secs, float64(s.relationsCreated+s.relationsCorroborated)/secs)
	fmt.Fprintf(w, "documents: %d\n", s.documents)
	fmt.Fprintf(w, "entities: %d created, %d matched\n", s.entitiesCreated, s.entitiesMatched)
	fmt.Fprintf(w, "relations: %d created, %d corroborated\n", s.relationsCreated, s.relationsCorroborated)
	if s.merges > 0 { // only exports with a merge history have them
		fmt.Fprintf(w, "merges: %d replayed\n", s.merges)
	}
	if peak, ok := peakResident(); ok {
		fmt.Fprintf(w, "peak memory: %.2f GB resident\n", float64(peak)/1e9)
	}
	if n := s.warningCount(); n > 0 {
		fmt.Fprintf(w, "warnings: %d (on standard error, the first %d unless --verbose;", n, maxListedWarnings)
		for _, c := range s.warningCodes {
			fmt.Fprintf(w, " %s %d", c, s.warnings[c])
		}
		fmt.Fprintln(w, ")")
	}
	fmt.Fprintf(w, "rejected: %d lines\n", len(s.rejected))
	for i, r := range s.rejected {
		if i == maxListedRejections {
			fmt.Fprintf(w, "  ... and %d more (listed on standard error)\n", len(s.rejected)-i)
			break
		}
		fmt.Fprintf(w, "  line %d: %v\n", r.line, r.err)
	}
}

// progress shows how far an import is.
type progress interface {
	// advance records that n more bytes of input were processed.
	advance(n int, s *summary)
	// clear removes the bar before other output on the same terminal.
	clear()
	finish()
}

// newProgress returns a progress bar on standard error when mode is
// "always", or "auto" and standard error is a terminal; periodic log lines
// otherwise, or nothing for "never". size is the input's size, -1 when
// unknown (the bar is then a spinner).
func newProgress(mode string, size int64, logger *slog.Logger) progress {
	switch {
	case mode == "never":
		return noProgress{}
	case mode == "always" || mode == "auto" && isTerminal(os.Stderr):
		return &barProgress{bar: progressbar.NewOptions64(size,
			progressbar.OptionSetDescription("importing"),
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowTotalBytes(true),
			progressbar.OptionSetWidth(20),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionFullWidth(),
			progressbar.OptionSetRenderBlankState(true),
		)}
	}
	return &logProgress{logger: logger, every: 5 * time.Second, last: time.Now()}
}

// isTerminal reports whether f is a character device, such as a terminal.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// barProgress is a progress bar over the input's bytes.
type barProgress struct{ bar *progressbar.ProgressBar }

func (p *barProgress) advance(n int, _ *summary) { _ = p.bar.Add64(int64(n)) }
func (p *barProgress) clear()                    { _ = p.bar.Clear() }
func (p *barProgress) finish() {
	_ = p.bar.Finish()
	fmt.Fprintln(os.Stderr)
}

// logProgress logs a line every so often, for logs that are not a terminal.
type logProgress struct {
	logger *slog.Logger
	every  time.Duration
	last   time.Time
	bytes  int64
}

func (p *logProgress) advance(n int, s *summary) {
	p.bytes += int64(n)
	if time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	p.logger.Info("import progress", "lines", s.lines, "committed", s.committed, "rejected", len(s.rejected),
		"bytes", p.bytes, "relations", s.relationsCreated+s.relationsCorroborated)
}
func (p *logProgress) clear()  {}
func (p *logProgress) finish() {}

// noProgress shows nothing.
type noProgress struct{}

func (noProgress) advance(int, *summary) {}
func (noProgress) clear()                {}
func (noProgress) finish()               {}
