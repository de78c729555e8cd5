package newsgraph_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// wantErrorCode fails tb unless err carries code and its client-facing
// message contains every one of parts.
func wantErrorCode(tb testing.TB, err error, code newsgraph.Code, parts ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("error = nil, want code %s", code)
	}
	if got, want := newsgraph.ErrorCode(err), code; got != want {
		tb.Errorf("ErrorCode(%v) = %s, want %s", err, got, want)
	}
	msg := newsgraph.ErrorMessage(err)
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			tb.Errorf("ErrorMessage = %q, want it to contain %q", msg, p)
		}
	}
}

// wantNoError fails tb if err is not nil.
func wantNoError(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("error = %v, want nil", err)
	}
}

// wantStrings fails tb unless got and want hold the same strings in the same
// order; what names the value in the failure message.
func wantStrings(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
		tb.Errorf("%s = %q, want %q", what, got, want)
	}
}
