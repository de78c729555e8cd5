package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/reqlog"
)

// recordOperation tells the request's log record (package reqlog) which
// operation it runs, so that the HTTP layer's request line names it.
func recordOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil {
		reqlog.From(ctx).SetOperation(oc.Operation.Name, string(oc.Operation.Operation))
	}
	return next(ctx)
}
