package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// readLines reads r line by line, decodes and validates each non-blank
// line, and sends it on lines until r ends or ctx is cancelled. A JSON
// object pretty-printed over several lines is one rejected line, reported
// at its first line, rather than an error for each of its lines.
func readLines(ctx context.Context, r io.Reader, lines chan<- parsedLine) error {
	src := &lineSource{br: bufio.NewReaderSize(r, 1<<20)}
	for {
		raw, n, err := src.next()
		if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 {
			line := parsedLine{number: n, bytes: len(raw)}
			if len(raw) > maxLineBytes {
				line.err = newsgraph.Errorf(newsgraph.LimitExceeded, "line is longer than %d bytes", maxLineBytes)
			} else if in, derr := ingest.DecodeInput(trimmed); derr != nil {
				line.err = derr
				if last, size := src.spreadObject(trimmed); last > n {
					line.bytes += size
					line.err = newsgraph.Errorf(newsgraph.Invalid, "lines %d-%d hold one JSON object pretty-printed over %d lines: the import format is one JSON object per line (compact it first, for example with jq -c .)", n, last, last-n+1)
				}
			} else {
				line.input, line.err = ingest.Check(in)
				line.relations = len(in.Relations)
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

// lineSource numbers the lines of a reader and lets spreadObject read
// ahead and give back what it read.
type lineSource struct {
	br *bufio.Reader
	n  int
	// raw is the buffer next reuses for lines read from br: decoding
	// copies what it keeps.
	raw []byte
	// queue holds lines read ahead and given back, in order.
	queue []queuedLine
}

// queuedLine is a line read ahead, with its number and the read's error.
type queuedLine struct {
	raw    []byte
	number int
	err    error
}

// next returns the next line with its newline, its number and the read's
// error (io.EOF with the last line).
func (s *lineSource) next() ([]byte, int, error) {
	if len(s.queue) > 0 {
		q := s.queue[0]
		s.queue = s.queue[1:]
		return q.raw, q.number, q.err
	}
	s.n++
	var err error
	s.raw, err = readLine(s.br, s.raw[:0])
	return s.raw, s.n, err
}

// spreadObject reports whether first, a line that is not a JSON value,
// opens an object that the lines after it close into valid JSON, as a
// pretty-printer writes it: then it consumes those lines and returns the
// number of the last one and their size in bytes. Otherwise it gives back
// every line it read and returns 0. It reads at most maxLineBytes ahead.
func (s *lineSource) spreadObject(first []byte) (last, size int) {
	if first[0] != '{' {
		return 0, 0
	}
	var sc depthScanner
	if sc.scan(first); sc.depth <= 0 || sc.broken {
		return 0, 0
	}
	object := bytes.Clone(first)
	var ahead []queuedLine
	for len(object) <= maxLineBytes {
		raw, n, err := s.next()
		ahead = append(ahead, queuedLine{raw: bytes.Clone(raw), number: n, err: err})
		object = append(object, raw...)
		size += len(raw)
		sc.scan(raw)
		if sc.broken {
			break
		}
		if sc.depth == 0 {
			if !json.Valid(object) {
				break
			}
			if err != nil {
				// The caller still needs to see the end, or the failure.
				s.queue = append(s.queue, queuedLine{number: n, err: err})
			}
			return n, size
		}
		if err != nil {
			break
		}
	}
	s.queue = append(ahead, s.queue...)
	return 0, 0
}

// depthScanner follows the nesting of JSON text fed to it piece by piece.
type depthScanner struct {
	depth            int
	inString, escape bool
	// broken reports that the text closed more than it opened.
	broken bool
}

// scan feeds b to the scanner.
func (sc *depthScanner) scan(b []byte) {
	for _, c := range b {
		switch {
		case sc.escape:
			sc.escape = false
		case sc.inString && c == '\\':
			sc.escape = true
		case c == '"':
			sc.inString = !sc.inString
		case sc.inString:
		case c == '{' || c == '[':
			sc.depth++
		case c == '}' || c == ']':
			sc.depth--
			sc.broken = sc.broken || sc.depth < 0
		}
	}
}

// readLine appends the next line with its newline to line and returns it,
// reading at most maxLineBytes+1 bytes of it into memory and discarding the
// rest of a longer line.
func readLine(br *bufio.Reader, line []byte) ([]byte, error) {
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
