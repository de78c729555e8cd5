package web

import (
	"strconv"
	"strings"
)

// encoding is a content coding (its Accept-Encoding token) and the
// extension of the files the build compresses with it.
type encoding struct{ token, ext string }

// encodings are the content codings the build writes beside each text
// asset (NAME.br, NAME.gz), in the server's order of preference: brotli
// is about 15% smaller than gzip for the bundles.
var encodings = []encoding{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// acceptable reports whether the Accept-Encoding header value accepts the
// content coding token (RFC 9110 §12.5.3): listed, or matched by "*", with
// a q-value above zero. An explicit entry wins over "*"; an unparsable
// q-value counts as zero, so a broken header gets the identity encoding.
func acceptable(header, token string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != token && name != "*" {
			continue
		}
		ok := qAboveZero(params)
		if name == token {
			return ok
		}
		star = ok
	}
	return star
}

// qAboveZero reports whether the parameters of one Accept-Encoding entry
// ("q=0.5", "q=0", or none) give it a weight above zero.
func qAboveZero(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0 && q <= 1
	}
	return true
}
