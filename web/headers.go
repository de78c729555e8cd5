package web

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// zeroTime makes http.ServeContent send no Last-Modified: embedded files
// have no modification time.
var zeroTime time.Time

// setSecurityHeaders sets the Content-Security-Policy of every page and
// asset: scripts, styles, fonts and connections from this origin only (the
// websocket of graphChanged to this host), images also from data: and
// blob: URLs (the explorer's PNG export and GraphiQL's inlined icons).
// Styles allow 'unsafe-inline' because React components set style
// attributes; no script is inline and nothing needs eval.
func setSecurityHeaders(w http.ResponseWriter, r *http.Request) {
	connect := "'self'"
	if host := r.Host; validHost(host) {
		connect += " ws://" + host + " wss://" + host
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; "+
		"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "+
		"connect-src "+connect+"; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "+
		"form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// validHost reports whether host is a plain host[:port] that may go into
// the policy verbatim; anything else leaves the websocket to 'self'.
func validHost(host string) bool {
	if host == "" || len(host) > 255 {
		return false
	}
	for _, c := range host {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune(".-:[]", c):
		default:
			return false
		}
	}
	return true
}

// contentType is the media type of an asset by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
