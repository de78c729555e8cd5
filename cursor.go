package newsgraph

import (
	"encoding/base64"
	"strings"
)

// Cursors are opaque to clients. Inside, a cursor is the sort key of the last
// item a page returned, so that the next page starts strictly after it: pages
// are stable when other items are inserted concurrently.

const cursorPrefix = "ng1:"

// EncodeCursor returns the opaque cursor for an item whose sort key is key.
func EncodeCursor(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + key))
}

// DecodeCursor returns the sort key inside cursor c. The empty cursor gives
// the empty key (the start). A malformed cursor is an Invalid error.
func DecodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) || len(b) == len(cursorPrefix) {
		return "", Errorf(Invalid, "malformed cursor %q: pass an endCursor or cursor value returned by the API", c)
	}
	return string(b[len(cursorPrefix):]), nil
}
