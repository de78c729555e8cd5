package newsgraph

import (
	"errors"
	"fmt"
)

// Code classifies an error for clients. Its values are the GraphQL
// extensions.code values the API returns.
type Code string

// The error codes. Every error a Store returns for bad input carries one of
// them; anything else is Internal.
const (
	// Invalid: the input is malformed (BAD_USER_INPUT).
	Invalid Code = "BAD_USER_INPUT"
	// NotFound: a referenced entity or document does not exist.
	NotFound Code = "NOT_FOUND"
	// LimitExceeded: a depth, page size or complexity limit was exceeded.
	LimitExceeded Code = "LIMIT_EXCEEDED"
	// Unauthenticated: the request carries no valid credentials.
	Unauthenticated Code = "UNAUTHENTICATED"
	// Forbidden: the credentials lack the scope the operation needs.
	Forbidden Code = "FORBIDDEN"
	// Unavailable: the store cannot be reached or timed out.
	Unavailable Code = "UNAVAILABLE"
	// Internal: a bug or an unexpected failure; its details stay in the logs.
	Internal Code = "INTERNAL_SERVER_ERROR"
)

// Error is a domain error: a Code for machines and a Message for people.
// Op names the operation that failed, such as "neighborhood".
type Error struct {
	Code    Code
	Op      string
	Message string
	// Err is the underlying cause, if any; it is not shown to clients.
	Err error
}

// Error implements the error interface.
func (e *Error) Error() string {
	msg := e.Message
	if e.Op != "" {
		msg = e.Op + ": " + msg
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the Code of the first *Error in err's chain, Internal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// ErrorMessage returns the client-facing message of the first *Error in
// err's chain, or a generic message for any other error, so that internal
// details never reach clients.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
