package newsgraph_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestErrorCodeAndMessage(t *testing.T) {
	notFound := newsgraph.Errorf(newsgraph.NotFound, "entity %q does not exist", "person:x")
	cause := errors.New("dial tcp 10.0.0.1:7687: connection refused")
	unavailable := &newsgraph.Error{Code: newsgraph.Unavailable, Op: "ping", Message: "the store cannot be reached", Err: cause}
	tests := []struct {
		name        string
		err         error
		wantCode    newsgraph.Code
		wantMessage string
	}{
		{"domain error", notFound, newsgraph.NotFound, `entity "person:x" does not exist`},
		{"wrapped once", fmt.Errorf("resolver: %w", notFound), newsgraph.NotFound, `entity "person:x" does not exist`},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", notFound)), newsgraph.NotFound, `entity "person:x" does not exist`},
		{"joined", errors.Join(errors.New("other"), notFound), newsgraph.NotFound, `entity "person:x" does not exist`},
		{"cause hidden", unavailable, newsgraph.Unavailable, "the store cannot be reached"},
		{"plain error", cause, newsgraph.Internal, "internal error"},
		{"plain error wrapped", fmt.Errorf("x: %w", cause), newsgraph.Internal, "internal error"},
		{"plain error formatted with %v", fmt.Errorf("x: %v", notFound), newsgraph.Internal, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := newsgraph.ErrorCode(tt.err), tt.wantCode; got != want {
				t.Errorf("ErrorCode = %q, want %q", got, want)
			}
			if got, want := newsgraph.ErrorMessage(tt.err), tt.wantMessage; got != want {
				t.Errorf("ErrorMessage = %q, want %q", got, want)
			}
		})
	}
}

func TestErrorCodeNil(t *testing.T) {
	if got, want := newsgraph.ErrorCode(nil), newsgraph.Code(""); got != want {
		t.Errorf("ErrorCode(nil) = %q, want %q", got, want)
	}
}

func TestErrorString(t *testing.T) {
	cause := errors.New("timeout")
	tests := []struct {
		err  *newsgraph.Error
		want string
	}{
		{&newsgraph.Error{Code: newsgraph.Invalid, Message: "bad"}, "bad"},
		{&newsgraph.Error{Code: newsgraph.Invalid, Op: "search", Message: "bad"}, "search: bad"},
		{&newsgraph.Error{Code: newsgraph.Unavailable, Op: "ping", Message: "down", Err: cause}, "ping: down: timeout"},
	}
	for _, tt := range tests {
		if got, want := tt.err.Error(), tt.want; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	}
	if got, want := errors.Is(tests[2].err, cause), true; got != want {
		t.Errorf("errors.Is(err, cause) = %v, want %v", got, want)
	}
}

func TestErrorf(t *testing.T) {
	err := newsgraph.Errorf(newsgraph.LimitExceeded, "depth must be at most %d, got %d", 4, 9)
	if got, want := err.Code, newsgraph.LimitExceeded; got != want {
		t.Errorf("Code = %q, want %q", got, want)
	}
	if got, want := err.Message, "depth must be at most 4, got 9"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}
