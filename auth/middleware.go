package auth

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Middleware authenticates requests to next by their
// "Authorization: Bearer <key>" header.
//
//   - A valid key: next runs with the key's Principal in the request
//     context (see FromContext and Require).
//   - A header that is malformed, not Bearer, repeated, or carries an
//     unknown, revoked or wrong key: 401 with a GraphQL-shaped JSON error
//     whose extensions.code is UNAUTHENTICATED. A bad key is never ignored,
//     so a client learns at once that its key does not work.
//   - No header: next runs without a Principal (anonymous reads; resolvers
//     that write call Require), unless requireForReads is set, in which
//     case the request gets the same 401. CORS preflight (OPTIONS) requests
//     carry no credentials and always pass.
//
// keys may be nil, which accepts no key. A refused key is logged to logger
// (nil logs nothing) with the id it claimed and the remote address; the key
// itself is never logged or echoed.
func Middleware(keys *KeySet, requireForReads bool, logger *slog.Logger, next http.Handler) http.Handler {
	refused := func(r *http.Request, key, reason string) {
		if logger == nil {
			return
		}
		id, _, _ := ParseKey(key) // "" for a malformed key
		logger.WarnContext(r.Context(), "authentication failed", "keyId", id, "remote", r.RemoteAddr, "reason", reason)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		values := r.Header.Values("Authorization")
		switch {
		case len(values) == 0 && (!requireForReads || r.Method == http.MethodOptions):
			next.ServeHTTP(w, r)
			return
		case len(values) == 0:
			writeUnauthorized(w, false, "this server requires an API key: send the header Authorization: Bearer <key>")
			return
		case len(values) > 1:
			writeUnauthorized(w, true, "send one Authorization header, not several")
			return
		}
		key, err := ParseAuthorization(values[0])
		if err != nil {
			refused(r, "", newsgraph.ErrorMessage(err))
			writeUnauthorized(w, true, newsgraph.ErrorMessage(err))
			return
		}
		p, err := keys.Authenticate(key)
		if err != nil {
			refused(r, key, newsgraph.ErrorMessage(err))
			writeUnauthorized(w, true, newsgraph.ErrorMessage(err))
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
}

// ParseAuthorization returns the key of an Authorization header value of
// the form "Bearer <key>" (the scheme is case-insensitive, RFC 7235). The
// error is UNAUTHENTICATED and never contains the header.
func ParseAuthorization(header string) (string, error) {
	scheme, key, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", newsgraph.Errorf(newsgraph.Unauthenticated, "the Authorization header must be Bearer <key>")
	}
	key = strings.TrimLeft(key, " ")
	if key == "" || strings.ContainsFunc(key, isSpaceOrControl) {
		return "", newsgraph.Errorf(newsgraph.Unauthenticated, "the Authorization header must be Bearer <key>, with one key and nothing after it")
	}
	return key, nil
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }

// graphQLError is a GraphQL response error with an extensions.code.
type graphQLError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code newsgraph.Code `json:"code"`
	} `json:"extensions"`
}

// writeUnauthorized answers 401 with a GraphQL-shaped error body, so
// GraphQL clients handle it like any other error. invalidToken adds the
// RFC 6750 error="invalid_token" to the challenge.
func writeUnauthorized(w http.ResponseWriter, invalidToken bool, message string) {
	challenge := `Bearer realm="newsgraph"`
	if invalidToken {
		challenge += `, error="invalid_token"`
	}
	e := graphQLError{Message: message}
	e.Extensions.Code = newsgraph.Unauthenticated
	body, _ := json.Marshal(struct {
		Errors []graphQLError `json:"errors"`
	}{[]graphQLError{e}})
	h := w.Header()
	h.Set("WWW-Authenticate", challenge)
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = w.Write(append(body, '\n'))
}
