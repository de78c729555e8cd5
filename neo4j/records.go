package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// run runs one statement in tx and returns all its records; within a
// recording span the statement gets its own (see traceStatement).
func run(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, params map[string]any) (recs []*neo4j.Record, err error) {
	ctx, end := traceStatement(ctx, stmt)
	defer func() { end(err) }()
	res, err := tx.Run(ctx, stmt, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// value returns the value of key in rec as a T.
func value[T any](rec *neo4j.Record, key string) (T, error) {
	var zero T
	v, ok := rec.Get(key)
	if !ok {
		return zero, fmt.Errorf("record has no column %q", key)
	}
	t, ok := v.(T)
	if !ok {
		return zero, fmt.Errorf("column %q is %T, want %T", key, v, zero)
	}
	return t, nil
}

// count returns the integer column key of rec.
func count(rec *neo4j.Record, key string) (int, error) {
	n, err := value[int64](rec, key)
	return int(n), err
}

// listOf returns the list column key of rec with every item as a T.
func listOf[T any](rec *neo4j.Record, key string) ([]T, error) {
	list, err := value[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(list))
	for i, item := range list {
		t, ok := item.(T)
		if !ok {
			return nil, fmt.Errorf("column %q item %d is %T, want %T", key, i, item, t)
		}
		out[i] = t
	}
	return out, nil
}

// entityOf returns the entity of the node column key of rec.
func entityOf(rec *neo4j.Record, key string) (*newsgraph.Entity, error) {
	n, err := value[neo4j.Node](rec, key)
	if err != nil {
		return nil, err
	}
	return entityFromProps(n.Props)
}

// relationOf returns the relation in the relationship column relKey of rec
// whose ends' entity ids are in the columns fromKey and toKey.
func relationOf(rec *neo4j.Record, relKey, fromKey, toKey string) (*newsgraph.Relation, error) {
	rel, err := value[neo4j.Relationship](rec, relKey)
	if err != nil {
		return nil, err
	}
	from, err := value[string](rec, fromKey)
	if err != nil {
		return nil, err
	}
	to, err := value[string](rec, toKey)
	if err != nil {
		return nil, err
	}
	return relationFromProps(rel.Type, from, to, rel.Props)
}

// lookupEntities returns the entities with the given ids that exist.
func lookupEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*newsgraph.Entity, error) {
	out := make(map[string]*newsgraph.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, entitiesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		e, err := entityOf(rec, "e")
		if err != nil {
			return nil, err
		}
		out[e.ID] = e
	}
	return out, nil
}

// lookupDocuments returns the documents with the given ids that exist.
func lookupDocuments(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*newsgraph.Document, error) {
	out := make(map[string]*newsgraph.Document, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, documentsByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		n, err := value[neo4j.Node](rec, "d")
		if err != nil {
			return nil, err
		}
		d, err := documentFromProps(n.Props)
		if err != nil {
			return nil, err
		}
		out[d.ID] = d
	}
	return out, nil
}

// nonNil returns s, or an empty slice for nil, so that a statement sees an
// empty list rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// kindStrings returns kinds as strings, never nil.
func kindStrings(kinds []newsgraph.Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// errItem reports a list item field of an unexpected type.
func errItem(key string, v any) error {
	return fmt.Errorf("item field %q is %T", key, v)
}

// asOfParam returns the $asOf parameter of a query's AsOf: a Cypher date,
// or null for the zero Date, which matches relations whatever their
// validity.
func asOfParam(d newsgraph.Date) any {
	if d.IsZero() {
		return nil
	}
	return neo4j.DateOf(d.Time())
}

// opError returns a domain error of operation op with a formatted message.
func opError(code newsgraph.Code, op, format string, args ...any) *newsgraph.Error {
	return &newsgraph.Error{Code: code, Op: op, Message: fmt.Sprintf(format, args...)}
}
