package model

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph"
)

// Date is the Go type of the GraphQL Date scalar; MarshalDate and
// UnmarshalDate convert it.
type Date = newsgraph.Date

// MarshalDate writes d as a "YYYY-MM-DD" string, or null for the zero Date.
func MarshalDate(d newsgraph.Date) graphql.Marshaler {
	if d.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads a "YYYY-MM-DD" string.
func UnmarshalDate(v any) (newsgraph.Date, error) {
	s, ok := v.(string)
	if !ok {
		return newsgraph.Date{}, newsgraph.Errorf(newsgraph.Invalid, "Date must be a YYYY-MM-DD string, got %s", fmt.Sprintf("%T", v))
	}
	return newsgraph.ParseDate(s)
}
