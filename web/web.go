// Package web serves the browser UI that is built from web/src with npm and
// esbuild and committed under dist/: GraphiQL and the graph explorer, both
// clients of the public GraphQL API. The bundle is embedded in the binary,
// so a server on a machine without internet serves a working UI; no page
// loads anything from another origin, and the Content-Security-Policy
// forbids it.
//
// Rebuild the bundle after changing web/src, web/package-lock.json or the
// README's example queries (they become GraphiQL's tabs):
//
//	cd web && npm ci && npm run build
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed dist
var dist embed.FS

// GraphiQL serves the GraphiQL page, which queries /graphql.
func GraphiQL() http.Handler { return page("dist/index.html") }

// Explorer serves the explorer page.
func Explorer() http.Handler { return page("dist/explore.html") }

// AssetsPrefix is the path under which Assets serves the bundles the pages
// load; mount Assets at "GET " + AssetsPrefix.
const AssetsPrefix = "/assets/"

// Assets serves the content-hashed scripts, styles and fonts under
// AssetsPrefix. Their names change with their content, so they are cached
// for a year; anything else under the prefix is 404.
func Assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, AssetsPrefix)
		if !ok || name == "" || strings.Contains(name, "/") || !fs.ValidPath(name) {
			http.NotFound(w, r)
			return
		}
		data, err := dist.ReadFile(path.Join("dist/assets", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		setSecurityHeaders(w, r)
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("Content-Type", contentType(name))
		http.ServeContent(w, r, name, zeroTime, strings.NewReader(string(data)))
	})
}

// page serves one embedded HTML file; it is revalidated on every load so
// that a new build's asset names are picked up at once.
func page(name string) http.Handler {
	data, err := dist.ReadFile(name)
	if err != nil {
		panic("web: " + name + " is not embedded; run npm run build in web/: " + err.Error())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w, r)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(data)
	})
}
