package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/rs/cors"
)

// corsPaths are the routes a page on another origin may call: the API's
// data routes. GraphiQL, the probes and /metrics stay same-origin.
var corsPaths = []string{"/graphql", "/v1/subgraph", "/export"}

// corsHeaders are the request headers a cross-origin caller may send: ours,
// and those Apollo Client and urql add.
var corsHeaders = []string{
	"Accept", "Content-Type", "Authorization", "X-Request-ID",
	"Apollographql-Client-Name", "Apollographql-Client-Version",
	"Apollo-Require-Preflight", "X-Apollo-Operation-Name", "X-Apollo-Operation-Id",
}

// corsMaxAge is how long, in seconds, a browser may cache a preflight's
// answer: ten minutes, Chromium's own cap is two hours.
const corsMaxAge = 600

// CheckCORSOrigins checks the origins Config.CORSOrigins may hold: "*", or
// an exact origin: scheme http or https, a host, an optional port, nothing
// else (no path, query, user or trailing slash). Browsers send the Origin
// header in exactly that form, so anything else would never match.
func CheckCORSOrigins(origins []string) error {
	for _, o := range origins {
		if o == "*" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			strings.Contains(u.Host, "*") || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || o != u.Scheme+"://"+u.Host {
			return fmt.Errorf("CORS origin %q: want * or scheme://host[:port], such as https://app.example.com", o)
		}
	}
	return nil
}

// withCORS answers cross-origin requests to corsPaths from the allowed
// origins (exact matches; "*" allows any), with github.com/rs/cors: the
// actual request gets Access-Control-Allow-Origin echoing its origin and
// Vary: Origin; a preflight (OPTIONS with Access-Control-Request-Method) is
// answered 204 here, never reaching the routes. Other paths, and every path
// when origins is empty, pass through untouched.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowAll := slices.Contains(origins, "*")
	c := cors.New(cors.Options{
		// A function rather than AllowedOrigins: the latter reads "*" inside an
		// origin as a wildcard, and answers "*" instead of the origin.
		AllowOriginFunc: func(origin string) bool { return allowAll || slices.Contains(origins, origin) },
		AllowedMethods:  []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:  corsHeaders,
		ExposedHeaders:  []string{"Retry-After", "X-Request-ID"},
		MaxAge:          corsMaxAge,
	})
	withHeaders := c.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slices.Contains(corsPaths, r.URL.Path) {
			withHeaders.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
