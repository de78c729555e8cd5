package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph"
)

// numberRange refuses variables holding a number no GraphQL Float can hold
// (1e400, say) with BAD_USER_INPUT and a message that says so: gqlgen
// decodes numbers as json.Number, and inside an input object its validator
// reports one that does not parse as "cannot use string as Float".
type numberRange struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = numberRange{}

// ExtensionName names the extension for gqlgen.
func (numberRange) ExtensionName() string { return "NumberRange" }

// Validate accepts any schema.
func (numberRange) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters checks every number among the variables.
func (numberRange) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	for name, v := range params.Variables {
		if path, n, ok := outOfRange(v, name); ok {
			return codedError(newsgraph.Invalid, fmt.Sprintf("variable %s: %s is out of the range of Float (a 64-bit number, at most about 1.8e308)", path, n))
		}
	}
	return nil
}

// outOfRange finds a number in v, at path, that does not fit a float64.
func outOfRange(v any, path string) (string, string, bool) {
	switch v := v.(type) {
	case json.Number:
		if _, err := v.Float64(); errors.Is(err, strconv.ErrRange) {
			return path, v.String(), true
		}
	case map[string]any:
		for k, item := range v {
			if p, n, ok := outOfRange(item, path+"."+k); ok {
				return p, n, ok
			}
		}
	case []any:
		for i, item := range v {
			if p, n, ok := outOfRange(item, path+"["+strconv.Itoa(i)+"]"); ok {
				return p, n, ok
			}
		}
	}
	return "", "", false
}
