package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph"
)

// codeComplexityLimit is the code gqlgen's complexity extension sets; the
// API reports it as LIMIT_EXCEEDED like every other limit.
const codeComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED"

// internalMessage is all clients learn about an internal error.
const internalMessage = "internal error"

// errorPresenter maps errors to GraphQL errors with an extensions.code:
// domain errors keep their code and client-facing message, deadlines are
// LIMIT_EXCEEDED, and anything unexpected is logged and shown as a generic
// INTERNAL_SERVER_ERROR. Errors gqlgen raised itself (parse, validation,
// complexity) keep their message.
func errorPresenter(logger *slog.Logger, timeout time.Duration) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var domainErr *newsgraph.Error
		switch {
		case errors.As(err, &domainErr) && domainErr.Code != newsgraph.Internal:
			gqlErr.Message = newsgraph.ErrorMessage(err)
			setCode(gqlErr, string(domainErr.Code))
		case errors.Is(err, context.DeadlineExceeded):
			gqlErr.Message = fmt.Sprintf("the request took longer than the time limit of %s: narrow the query (smaller first, depth or limit)", timeout)
			setCode(gqlErr, string(newsgraph.LimitExceeded))
		case errors.Is(err, context.Canceled):
			gqlErr.Message = "the request was canceled"
			setCode(gqlErr, string(newsgraph.Unavailable))
		case domainErr != nil || gqlErr.Err != nil:
			// A domain Internal error, or any other Go error: a bug or an
			// unexpected failure whose details stay in the logs.
			logger.ErrorContext(ctx, "graphql internal error", "path", gqlErr.Path.String(), "error", err)
			gqlErr.Message = internalMessage
			setCode(gqlErr, string(newsgraph.Internal))
		default:
			presentGQLError(gqlErr)
		}
		return gqlErr
	}
}

// presentGQLError gives an error gqlgen raised itself an API code: its
// complexity code becomes LIMIT_EXCEEDED; errors without a code are the
// client's (before execution starts) or internal (during execution).
func presentGQLError(gqlErr *gqlerror.Error) {
	// gqlgen's POST transport quotes the whole body after " body:" when it
	// cannot decode it; a client has the body, and a log or proxy need not
	// receive it back (it can be a megabyte).
	if rest, ok := strings.CutPrefix(gqlErr.Message, "json request body could not be decoded: "); ok {
		reason, _, _ := strings.Cut(rest, " body:")
		gqlErr.Message = "the request body is not a JSON GraphQL request: " + reason
	}
	code, _ := gqlErr.Extensions["code"].(string)
	switch {
	case code == codeComplexityLimit:
		setCode(gqlErr, string(newsgraph.LimitExceeded))
	case code != "":
	case len(gqlErr.Path) == 0:
		setCode(gqlErr, string(newsgraph.Invalid))
	default:
		setCode(gqlErr, string(newsgraph.Internal))
	}
}

func setCode(gqlErr *gqlerror.Error, code string) {
	errcode.Set(gqlErr, code)
}

// codedError is a GraphQL error with message and an extensions.code.
func codedError(code newsgraph.Code, message string) *gqlerror.Error {
	err := gqlerror.Errorf("%s", message)
	setCode(err, string(code))
	return err
}

// recoverFunc turns a panic in a resolver into an INTERNAL_SERVER_ERROR
// and logs it with its stack.
func recoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "graphql resolver panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		err := gqlerror.Errorf(internalMessage)
		setCode(err, string(newsgraph.Internal))
		return err
	}
}

// recoverHTTP answers a panic outside the resolvers with a 500 and a
// GraphQL-shaped body instead of dropping the connection.
func recoverHTTP(next http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			switch {
			case p == nil:
				return
			case p == http.ErrAbortHandler:
				panic(p) // net/http's signal to abort the response silently
			}
			logger.ErrorContext(r.Context(), "graphql handler panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			writeError(w, http.StatusInternalServerError, newsgraph.Internal, internalMessage)
		}()
		next.ServeHTTP(w, r)
	})
}

// writeError answers with a GraphQL response holding one error.
func writeError(w http.ResponseWriter, status int, code newsgraph.Code, message string) {
	body, err := json.Marshal(graphql.Response{Errors: gqlerror.List{codedError(code, message)}})
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"errors":[{"message":"internal error"}]}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
