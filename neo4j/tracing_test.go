package neo4j_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest"
)

// TestEveryStatementHasASpanName checks that each statement under
// queries/ names its spans by its file, and anything else by the system.
func TestEveryStatementHasASpanName(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("queries", "*.cypher"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements found: %v", err)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := neo4j.StatementName(string(text)), strings.TrimSuffix(filepath.Base(f), ".cypher"); got != want {
			t.Errorf("span name of %s = %q, want %q", f, got, want)
		}
	}
	if got := neo4j.StatementName("RETURN 1"); got != "neo4j" {
		t.Errorf("span name of an unknown statement = %q, want neo4j", got)
	}
}

// TestStatementsAreSpansOfTheCall runs a store call on the server within a
// recorded span and checks that each statement became a client span under
// it, with the statement's text and none of its parameter values.
func TestStatementsAreSpansOfTheCall(t *testing.T) {
	cfg := serverConfig(t, "statement spans")
	s := openEmpty(t, cfg)
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Upsert(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	ctx, call := tp.Tracer("test").Start(ctx, "store.EntitiesByID")
	if _, err := s.EntitiesByID(ctx, []string{storetest.PersonSheinbaum}); err != nil {
		t.Fatal(err)
	}
	call.End()

	var statements int
	for _, span := range exporter.GetSpans() {
		if span.Name == "store.EntitiesByID" {
			continue
		}
		statements++
		if span.Parent.SpanID() != call.SpanContext().SpanID() {
			t.Errorf("statement span %q is not a child of the store call", span.Name)
		}
		attrs := map[string]string{}
		for _, kv := range span.Attributes {
			attrs[string(kv.Key)] = kv.Value.String()
			if strings.Contains(kv.Value.String(), storetest.PersonSheinbaum) {
				t.Errorf("span %q records a parameter value in %s", span.Name, kv.Key)
			}
		}
		text, err := os.ReadFile(filepath.Join("queries", span.Name+".cypher"))
		if err != nil {
			t.Errorf("span %q is named after no statement file: %v", span.Name, err)
		} else if attrs["db.query.text"] != string(text) {
			t.Errorf("span %q db.query.text = %q, want the statement", span.Name, attrs["db.query.text"])
		}
		if attrs["db.system.name"] != "neo4j" || attrs["db.query.summary"] != span.Name {
			t.Errorf("span %q attributes %v", span.Name, attrs)
		}
	}
	if statements == 0 {
		t.Error("EntitiesByID ran no traced statement")
	}
}
