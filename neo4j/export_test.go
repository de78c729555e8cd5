package neo4j

import (
	"context"
	_ "embed" // The test-only statement is embedded from queries/.

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

//go:embed queries/delete_all.cypher
var deleteAll string

// DeleteAll empties the store's database, for tests only.
func DeleteAll(ctx context.Context, s *Store) error {
	_, err := writeTx(ctx, s, "deleteAll", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		_, err := run(ctx, tx, deleteAll, nil)
		return struct{}{}, err
	})
	return err
}

// Exported for the package's external tests.
var (
	EntityProperties   = entityProperties
	EntityFromProps    = entityFromProps
	DocumentProperties = documentProperties
	DocumentFromProps  = documentFromProps
	RelationProperties = relationProperties
	RelationFromProps  = relationFromProps
	EvidenceMaps       = evidenceMaps
	KindLabel          = kindLabel
	FulltextQuery      = fulltextQuery
	Unavailable        = unavailable
)

// UpsertRows returns the parameter rows Upsert would write for b, by
// statement parameter name.
func UpsertRows(b *newsgraph.Batch) (map[string][]any, error) {
	rows, err := upsertRows(b)
	if err != nil {
		return nil, err
	}
	return map[string][]any{
		"documents": rows.documents, "entities": rows.entities,
		"relations": rows.relations, "mentions": rows.mentions,
	}, nil
}

// RelationStatement returns the statement Relations runs for q and its
// parameters.
var RelationStatement = relationStatement

// Statements used by tests to check which statement a query picks.
var (
	RelationsAroundEntity = relationsAroundEntity
	RelationsByDocument   = relationsByDocument
	RelationsScan         = relationsScan
)

// Step is one relation of a frontier node and the entity at its other end.
type Step struct {
	Relation *newsgraph.Relation
	Other    *newsgraph.Entity
}

// WalkAll runs the neighbourhood walks of qs from roots as Neighborhoods
// does, with fetch standing in for neighbors_of_frontier.cypher: it returns
// the steps of one frontier row, in any order.
func WalkAll(qs []newsgraph.NeighborhoodQuery, roots map[string]*newsgraph.Entity,
	fetch func(id string, direction newsgraph.Direction, types []string) []Step) ([]newsgraph.Subgraph, error) {
	return walkAll(qs, roots, func(frontier []any) (map[int]map[string][]step, error) {
		out := map[int]map[string][]step{}
		for _, row := range frontier {
			r := row.(map[string]any)
			qi, id := int(r["query"].(int64)), r["id"].(string)
			if out[qi] == nil {
				out[qi] = map[string][]step{}
			}
			for _, st := range fetch(id, newsgraph.Direction(r["direction"].(string)), r["types"].([]string)) {
				out[qi][id] = append(out[qi][id], step{relation: st.Relation, other: st.Other})
			}
		}
		return out, nil
	})
}

// PathFrom maps a path's nodes and relationships to a Path.
var PathFrom = pathFrom
