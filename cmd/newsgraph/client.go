package main

import (
	"net/http"

	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/server"
)

// clientOf names the client of a request for the rate limit: "key:<id>"
// for a request carrying a valid API key, so that a key's holder is one
// client wherever they connect from, else its address (server.RemoteClient).
// An invalid key names no client: anyone could send a new one with each
// request to dodge the limit.
func clientOf(keys *auth.KeySet, trustedProxyHeader string) func(*http.Request) string {
	byAddress := server.RemoteClient(trustedProxyHeader)
	return func(r *http.Request) string {
		if header := r.Header.Get("Authorization"); header != "" && keys != nil {
			if key, err := auth.ParseAuthorization(header); err == nil {
				if p, err := keys.Authenticate(key); err == nil {
					return "key:" + p.KeyID
				}
			}
		}
		return byAddress(r)
	}
}
