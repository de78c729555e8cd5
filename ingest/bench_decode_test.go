package ingest_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// BenchmarkDecodeInput decodes and checks the JSON lines of a generated
// graph of 20k entities and 100k relations (50 relations a line), as
// "newsgraph import" reads them before writing. It reports MB/s of input
// and relations/s.
func BenchmarkDecodeInput(b *testing.B) {
	lines, relations := generatedLines(b, gen.Config{Entities: 20_000, Relations: 100_000, Seed: 1})
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			in, err := ingest.DecodeInput(l)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := ingest.Check(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(relations)*float64(b.N)/b.Elapsed().Seconds(), "relations/s")
}

// generatedLines returns the import lines of the graph cfg describes, as
// "newsgraph gen" writes them (with their newline), and their number of
// relations.
func generatedLines(tb testing.TB, cfg gen.Config) (lines [][]byte, relations int) {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := gen.Documents(cfg, func(in ingest.Input) error {
		buf.Reset()
		err := enc.Encode(in)
		lines = append(lines, bytes.Clone(buf.Bytes()))
		relations += len(in.Relations)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return lines, relations
}
