package graph

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Authentication happens before GraphQL: auth.Middleware turns the
// Authorization header into an auth.Principal in the request context (or
// refuses the request), and the @requires directive demands a scope of the
// fields that carry it. Over the websocket, the key comes in the
// connection_init payload instead (browsers cannot set headers on a
// websocket), and initWebsocket authenticates it.

// requiresDirective implements @requires(scope:): the field runs only for
// a principal whose scope allows scope; otherwise it fails with
// UNAUTHENTICATED or FORBIDDEN, and the refusal is logged.
func requiresDirective(logger *slog.Logger) func(context.Context, any, graphql.Resolver, model.Scope) (any, error) {
	return func(ctx context.Context, _ any, next graphql.Resolver, scope model.Scope) (any, error) {
		if err := auth.Require(ctx, authScope(scope)); err != nil {
			field := ""
			if fc := graphql.GetFieldContext(ctx); fc != nil {
				field = fc.Field.Name
			}
			logger.WarnContext(ctx, "graph write refused", "field", field, "keyId", actor(ctx),
				"need", string(authScope(scope)), "code", string(newsgraph.ErrorCode(err)))
			return nil, err
		}
		return next(ctx)
	}
}

// authScope converts the GraphQL Scope enum to auth.Scope.
func authScope(s model.Scope) auth.Scope {
	switch s {
	case model.ScopeAdmin:
		return auth.ScopeAdmin
	case model.ScopeWrite:
		return auth.ScopeWrite
	default:
		return auth.ScopeRead
	}
}

// actor returns the key id of the request's principal, "" when anonymous.
func actor(ctx context.Context) string {
	if p, ok := auth.FromContext(ctx); ok {
		return p.KeyID
	}
	return ""
}

// logWrite logs a write: who (the key id and scope, never the key), what
// (the mutation and attrs) and, through the log record's time, when.
func logWrite(ctx context.Context, logger *slog.Logger, mutation string, attrs ...any) {
	p, _ := auth.FromContext(ctx)
	args := append([]any{"mutation", mutation, "keyId", p.KeyID, "scope", string(p.Scope)}, attrs...)
	logger.InfoContext(ctx, "graph write", args...)
}

// authenticate wraps next with auth.Middleware. Websocket upgrades are let
// through without a key even when reads require one (a valid header key is
// still honoured, an invalid one refused): their key is checked in the
// connection_init payload by initWebsocket.
func authenticate(next http.Handler, keys *auth.KeySet, requireKeyForReads bool, logger *slog.Logger) http.Handler {
	strict := auth.Middleware(keys, requireKeyForReads, logger, next)
	lenient := auth.Middleware(keys, false, logger, next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebsocketUpgrade(r) {
			lenient.ServeHTTP(w, r)
			return
		}
		strict.ServeHTTP(w, r)
	})
}

func isWebsocketUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// initWebsocket authenticates a graphql-ws connection from the
// "Authorization" entry of its connection_init payload ("Bearer <key>", as
// the HTTP header). A present but invalid key refuses the connection; no
// key refuses it only when reads require a key and the upgrade request
// carried no valid header either.
func initWebsocket(keys *auth.KeySet, requireKeyForReads bool) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		if header := payload.Authorization(); header != "" {
			key, err := auth.ParseAuthorization(header)
			if err != nil {
				return ctx, nil, err
			}
			p, err := keys.Authenticate(key)
			if err != nil {
				return ctx, nil, err
			}
			return auth.WithPrincipal(ctx, p), nil, nil
		}
		if _, ok := auth.FromContext(ctx); !ok && requireKeyForReads {
			return ctx, nil, newsgraph.Errorf(newsgraph.Unauthenticated,
				`this server requires an API key: send {"Authorization": "Bearer <key>"} in the connection_init payload`)
		}
		return ctx, nil, nil
	}
}
