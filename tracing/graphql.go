package tracing

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/newsgraph/newsgraph"
)

// GraphQL returns the gqlgen handler extension that traces operations and
// resolvers:
//
//   - a span per operation response (each event, for a subscription),
//     named "query Name" ("query" when anonymous, "GraphQL Operation"
//     for a request that did not parse), with graphql.operation.name and
//     graphql.operation.type; when the response has errors its status is
//     an error and error.type is the first error's extensions.code
//     (GRAPHQL_PARSE_FAILED, LIMIT_EXCEEDED, NOT_FOUND, ...);
//   - a span per field that has a resolver ("Query.search",
//     "Entity.relations"), with the field's path, failed with the code of
//     the error it returns. Fields read from a struct or a method of the
//     model get none: they do no I/O and a response has thousands.
//
// Fields start no span, and cost one check, unless the operation's trace
// is recorded (sampled). The query text and variables are never recorded.
func GraphQL(opts ...Option) graphql.HandlerExtension {
	return graphQL{tracer: newConfig(opts).tracer()}
}

// graphQL is the extension GraphQL returns.
type graphQL struct {
	tracer trace.Tracer
}

var (
	_ graphql.HandlerExtension    = graphQL{}
	_ graphql.ResponseInterceptor = graphQL{}
	_ graphql.FieldInterceptor    = graphQL{}
)

// ExtensionName implements graphql.HandlerExtension.
func (graphQL) ExtensionName() string { return "OpenTelemetryTracing" }

// Validate implements graphql.HandlerExtension.
func (graphQL) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse traces one response of an operation. The response
// interceptor, not the operation one, holds the span because resolvers run
// with the response's context: only there is the span their parent.
func (g graphQL) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	name, attrs := operation(ctx)
	ctx, span := g.tracer.Start(ctx, name, trace.WithAttributes(attrs...))
	defer span.End()
	resp := next(ctx)
	if resp != nil && len(resp.Errors) > 0 && span.IsRecording() {
		first := resp.Errors[0]
		code, _ := first.Extensions["code"].(string)
		if code == "" {
			code = string(newsgraph.Internal)
		}
		span.SetAttributes(semconv.ErrorTypeKey.String(code), attribute.Int("graphql.errors", len(resp.Errors)))
		span.SetStatus(codes.Error, first.Message)
	}
	return resp
}

// operation returns the span name and attributes of the operation ctx runs.
func operation(ctx context.Context) (string, []attribute.KeyValue) {
	if !graphql.HasOperationContext(ctx) {
		return "GraphQL Operation", nil
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil {
		// The request failed before its operation was known (it did not
		// parse, or named an operation the document lacks).
		if oc.OperationName != "" {
			return "GraphQL Operation", []attribute.KeyValue{semconv.GraphQLOperationName(oc.OperationName)}
		}
		return "GraphQL Operation", nil
	}
	typ := string(oc.Operation.Operation)
	attrs := []attribute.KeyValue{semconv.GraphQLOperationTypeKey.String(typ)}
	name := typ
	if n := oc.Operation.Name; n != "" {
		name += " " + n
		attrs = append(attrs, semconv.GraphQLOperationName(n))
	}
	return name, attrs
}

// InterceptField traces a field that has a resolver.
func (g graphQL) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !fc.IsResolver || !inTrace(ctx) {
		return next(ctx)
	}
	ctx, span := g.tracer.Start(ctx, fc.Object+"."+fc.Field.Name, trace.WithAttributes(
		attribute.String("graphql.field.name", fc.Field.Name),
		attribute.String("graphql.field.type", fc.Object),
		attribute.String("graphql.field.path", fc.Path().String()),
	))
	defer span.End()
	res, err := next(ctx)
	if err != nil {
		failed(span, err)
	}
	return res, err
}

// failed marks span failed with err, its error.type the error's code.
func failed(span trace.Span, err error) {
	span.SetAttributes(semconv.ErrorTypeKey.String(string(newsgraph.ErrorCode(err))))
	span.SetStatus(codes.Error, err.Error())
}
