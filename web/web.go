// Package web serves the browser UI that is built from web/src with npm and
// esbuild and committed under dist/: GraphiQL and the graph explorer, both
// clients of the public API (GraphQL, and GET /v1/subgraph for the
// explorer's neighbourhoods). The bundle is embedded in the binary,
// so a server on a machine without internet serves a working UI; no page
// loads anything from another origin, and the Content-Security-Policy
// forbids it.
//
// The build writes every text asset precompressed beside itself (NAME.br,
// NAME.gz); Assets serves the encoding the request accepts.
//
// Rebuild the bundle after changing web/src, web/package-lock.json or the
// README's example queries (they become GraphiQL's tabs):
//
//	cd web && npm ci && npm run build
package web

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strconv"
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
// for a year; anything else under the prefix is 404. Text assets are
// embedded precompressed as well (brotli and gzip, written by the build):
// each response is the smallest representation the request's
// Accept-Encoding takes, with its Content-Encoding, a Content-Length and
// an ETag of its own, and Vary: Accept-Encoding so that caches keep them
// apart.
func Assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, AssetsPrefix)
		if !ok || name == "" || strings.Contains(name, "/") || !fs.ValidPath(name) || precompressed(name) {
			http.NotFound(w, r)
			return
		}
		file := path.Join("dist/assets", name)
		data, err := dist.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		setSecurityHeaders(w, r)
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("Content-Type", contentType(name))
		tag := name
		if compressed := variants(file); len(compressed) > 0 {
			h.Add("Vary", "Accept-Encoding")
			accept := r.Header.Get("Accept-Encoding")
			for _, enc := range compressed {
				if !acceptable(accept, enc.token) {
					continue
				}
				if data, err = dist.ReadFile(file + enc.ext); err != nil {
					http.Error(w, "web: "+err.Error(), http.StatusInternalServerError)
					return
				}
				h.Set("Content-Encoding", enc.token)
				tag += enc.ext
				// ServeContent leaves an encoded body's length unset and
				// would answer ranges of it; a range of a compressed
				// script is of no use, so the whole is sent, with its
				// length.
				h.Set("Content-Length", strconv.Itoa(len(data)))
				r = r.Clone(r.Context())
				r.Header.Del("Range")
				break
			}
		}
		// The name holds the content's hash, so it tags the representation.
		h.Set("ETag", `"`+tag+`"`)
		http.ServeContent(w, r, name, zeroTime, bytes.NewReader(data))
	})
}

// precompressed reports whether name is one of the build's compressed
// copies, which are served only in place of their original.
func precompressed(name string) bool {
	for _, enc := range encodings {
		if strings.HasSuffix(name, enc.ext) {
			return true
		}
	}
	return false
}

// variants returns the encodings embedded beside file, in order of
// preference.
func variants(file string) []encoding {
	var out []encoding
	for _, enc := range encodings {
		if _, err := fs.Stat(dist, file+enc.ext); err == nil {
			out = append(out, enc)
		}
	}
	return out
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
