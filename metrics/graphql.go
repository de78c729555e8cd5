package metrics

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeOK is the code label of an operation that answered without errors.
const CodeOK = "ok"

// codeUnknown is the code label of an error without extensions.code (the
// API gives every error one, so it marks a bug).
const codeUnknown = "UNKNOWN"

// graphqlMetrics count the GraphQL operations.
type graphqlMetrics struct {
	operations    *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	errors        *prometheus.CounterVec
	subscriptions prometheus.Gauge
}

func newGraphQLMetrics() graphqlMetrics {
	return graphqlMetrics{
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "graphql_operations_total",
			Help: `GraphQL operations, by operation name (the first 100 names; then "other"; "" when anonymous), type (query, mutation, subscription; "" when the request failed before an operation was chosen) and code ("ok", or the extensions.code of the first error). A subscription counts when it ends.`,
		}, []string{"operation", "type", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "graphql_operation_duration_seconds",
			Help:    "Time from the start of a GraphQL query or mutation to its answer, by operation name and type; subscriptions are left out.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation", "type"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "graphql_errors_total",
			Help: "Errors in GraphQL responses, by extensions.code.",
		}, []string{"code"}),
		subscriptions: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "graphql_subscriptions_active",
			Help: "GraphQL subscriptions running now.",
		}),
	}
}

func (m graphqlMetrics) register(r prometheus.Registerer) {
	r.MustRegister(m.operations, m.duration, m.errors, m.subscriptions)
}

// GraphQL returns the gqlgen extension that counts operations (for
// graph.Config.Extensions). It sees every operation gqlgen answers,
// refused ones included (parse and validation failures, the limits);
// requests refused before gqlgen (401 when reads need a key, 413) show
// only in the HTTP metrics.
func (m *Metrics) GraphQL() graphql.HandlerExtension { return extension{m} }

// extension is the gqlgen extension GraphQL returns. An operation that is
// dispatched is counted by InterceptOperation, around its stream of
// responses; one refused before dispatch (by parsing, validation or an
// operation-context limit) never reaches it, and is counted by
// InterceptResponse around its single error response.
type extension struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = extension{}

// dispatchedKey marks the context of a dispatched operation, whose
// responses InterceptOperation counts.
type dispatchedKey struct{}

// ExtensionName implements graphql.HandlerExtension.
func (extension) ExtensionName() string { return "Metrics" }

// Validate implements graphql.HandlerExtension.
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation implements graphql.OperationInterceptor: it counts a
// query or mutation at its answer and a subscription at its end, and keeps
// the gauge of active subscriptions. A subscription ends when its stream
// does (the handler returns nil) or its context does, whichever is first:
// a transport that stops reading still ends it.
func (e extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := e.m.operationOf(ctx)
	responses := next(context.WithValue(ctx, dispatchedKey{}, true))
	if op.typ != string(ast.Subscription) {
		counted := false
		return func(ctx context.Context) *graphql.Response {
			resp := responses(ctx)
			if resp == nil {
				return nil
			}
			code := e.m.countErrors(resp.Errors)
			if !counted { // later responses (incremental delivery) add errors only
				counted = true
				e.m.operationDone(op, code)
			}
			return resp
		}
	}
	sub := &subscription{m: e.m, op: op, code: CodeOK}
	e.m.graphql.subscriptions.Inc()
	stop := context.AfterFunc(ctx, sub.end)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if resp == nil {
			stop()
			sub.end()
			return nil
		}
		sub.saw(e.m.countErrors(resp.Errors))
		return resp
	}
}

// InterceptResponse implements graphql.ResponseInterceptor: it counts the
// operations refused before dispatch, whose one response is all there is.
func (e extension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || ctx.Value(dispatchedKey{}) != nil {
		return resp
	}
	e.m.operationDone(e.m.operationOf(ctx), e.m.countErrors(resp.Errors))
	return resp
}

// operation is what labels an operation, and when it started.
type operation struct {
	name, typ string
	start     time.Time
}

// operationOf returns the labels of the operation ctx runs: an empty type
// when none was chosen (the request failed to parse or validate).
func (m *Metrics) operationOf(ctx context.Context) operation {
	if !graphql.HasOperationContext(ctx) {
		return operation{}
	}
	oc := graphql.GetOperationContext(ctx)
	op := operation{start: oc.Stats.OperationStart}
	if oc.Operation != nil {
		op.name = m.operation.label(oc.Operation.Name)
		op.typ = string(oc.Operation.Operation)
	}
	return op
}

// operationDone counts op as answered with code, and its latency for a
// query or mutation whose start is known.
func (m *Metrics) operationDone(op operation, code string) {
	m.graphql.operations.WithLabelValues(op.name, op.typ, code).Inc()
	if op.typ != string(ast.Subscription) && !op.start.IsZero() {
		m.graphql.duration.WithLabelValues(op.name, op.typ).Observe(time.Since(op.start).Seconds())
	}
}

// countErrors counts errs by code and returns the outcome code: the first
// error's, or CodeOK.
func (m *Metrics) countErrors(errs gqlerror.List) string {
	outcome := CodeOK
	for i, err := range errs {
		code := errorCode(err)
		m.graphql.errors.WithLabelValues(code).Inc()
		if i == 0 {
			outcome = code
		}
	}
	return outcome
}

// errorCode returns the extensions.code of err.
func errorCode(err *gqlerror.Error) string {
	if code, ok := err.Extensions["code"].(string); ok && code != "" {
		return code
	}
	return codeUnknown
}

// subscription is one running subscription: the outcome its responses
// have shown so far, counted once when it ends.
type subscription struct {
	m    *Metrics
	op   operation
	once sync.Once
	mu   sync.Mutex
	code string
}

// saw records the outcome of one response: the first error's code stays.
func (s *subscription) saw(code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.code == CodeOK {
		s.code = code
	}
}

// end counts the subscription, once.
func (s *subscription) end() {
	s.once.Do(func() {
		s.mu.Lock()
		code := s.code
		s.mu.Unlock()
		s.m.graphql.subscriptions.Dec()
		s.m.operationDone(s.op, code)
	})
}
