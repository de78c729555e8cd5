package graph

import (
	"context"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph"
)

// transportWebsocket names the websocket transport in a request's
// transport, beside the HTTP methods.
const transportWebsocket = "websocket"

// transportKey carries the transport a request came by (an HTTP method or
// transportWebsocket) from the handler to transportRule.
type transportKey struct{}

// withTransport returns r with its transport in the context.
func withTransport(r *http.Request, transport string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), transportKey{}, transport))
}

// transportOf returns the transport withTransport recorded, or "".
func transportOf(ctx context.Context) string {
	t, _ := ctx.Value(transportKey{}).(string)
	return t
}

// transportRule refuses, with BAD_USER_INPUT and before anything runs, the
// operations their transport cannot carry: a subscription needs a
// websocket (sent by POST it used to dereference a nil response and hold
// the request until its deadline), and a mutation is not sent by GET
// (gqlgen's own refusal carries no code).
type transportRule struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = transportRule{}

// ExtensionName implements graphql.HandlerExtension.
func (transportRule) ExtensionName() string { return "TransportRule" }

// Validate implements graphql.HandlerExtension.
func (transportRule) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (transportRule) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	transport := transportOf(ctx)
	switch op := opCtx.Operation.Operation; {
	case op == ast.Subscription && transport != transportWebsocket:
		return codedError(newsgraph.Invalid, "subscriptions need a websocket (the graphql-transport-ws protocol at /graphql); POST and GET carry queries and mutations")
	case op == ast.Mutation && transport == http.MethodGet:
		return codedError(newsgraph.Invalid, "mutations must be sent by POST, not GET")
	}
	return nil
}

// badUpgrade returns what is wrong with a websocket upgrade request, or ""
// when it is well formed, so that a malformed one gets a coded error
// instead of the websocket library's plain-text refusal.
func badUpgrade(r *http.Request) string {
	switch {
	case r.Method != http.MethodGet:
		return "a websocket upgrade must be a GET request"
	case !headerHasToken(r.Header, "Connection", "upgrade"):
		return `a websocket upgrade needs the header "Connection: Upgrade"`
	case r.Header.Get("Sec-WebSocket-Version") != "13":
		return `a websocket upgrade needs the header "Sec-WebSocket-Version: 13"`
	case r.Header.Get("Sec-WebSocket-Key") == "":
		return `a websocket upgrade needs a "Sec-WebSocket-Key" header`
	}
	return ""
}

// headerHasToken reports whether the comma-separated header name holds
// token, ignoring case.
func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for t := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}
