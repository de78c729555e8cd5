package neo4j

import (
	"context"
	"embed"
	"errors"
	"path"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// The driver has no OpenTelemetry support of its own, so the store traces
// its statements: within a recorded trace (package tracing's store call),
// every statement run gets a client span of the same tracer provider,
// named after its file under queries/ ("entities_by_id"), with the
// statement's text and never its parameters' values. Outside one, tracing
// costs one check per statement.

// tracerName is the instrumentation scope of the statement spans.
const tracerName = "github.com/newsgraph/newsgraph/neo4j"

//go:embed queries/*.cypher
var queryFiles embed.FS

// statementNames maps each statement's text to its file's name without
// ".cypher", the low-cardinality summary a span is named by.
var statementNames = func() map[string]string {
	entries, err := queryFiles.ReadDir("queries")
	if err != nil {
		panic(err) // the embedded directory is there by construction
	}
	names := make(map[string]string, len(entries))
	for _, e := range entries {
		text, err := queryFiles.ReadFile(path.Join("queries", e.Name()))
		if err != nil {
			panic(err)
		}
		names[string(text)] = strings.TrimSuffix(e.Name(), ".cypher")
	}
	return names
}()

// statementName is the summary of stmt: its file's name, or "neo4j" for a
// statement of no file.
func statementName(stmt string) string {
	if name, ok := statementNames[stmt]; ok {
		return name
	}
	return "neo4j"
}

// traceStatement starts the span of stmt when ctx's trace is recorded, and
// returns the context to run stmt with and the func that ends the span
// with the statement's error.
func traceStatement(ctx context.Context, stmt string) (context.Context, func(error)) {
	parent := trace.SpanFromContext(ctx)
	if !parent.IsRecording() && !parent.SpanContext().IsSampled() {
		return ctx, func(error) {}
	}
	name := statementName(stmt)
	ctx, span := parent.TracerProvider().Tracer(tracerName).Start(ctx, name,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(semconv.DBSystemNameNeo4j, semconv.DBQuerySummary(name), semconv.DBQueryText(stmt)))
	return ctx, func(err error) {
		if err != nil {
			errType := "_OTHER"
			var neoErr *neo4j.Neo4jError
			if errors.As(err, &neoErr) {
				errType = neoErr.Code
			}
			span.SetAttributes(semconv.ErrorTypeKey.String(errType))
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}
}
