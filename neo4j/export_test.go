package neo4j

import (
	"context"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// OpenObserved is Open with an observer told every statement and its
// parameters before it runs.
func OpenObserved(ctx context.Context, cfg Config, observe func(statement string, params map[string]any)) (*Store, error) {
	return open(ctx, cfg, observe)
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
// the steps of one frontier row, in any order. As the statement does, the
// steps of a truncated walk to an entity outside it are left out.
func WalkAll(qs []newsgraph.NeighborhoodQuery, roots map[string]*newsgraph.Entity,
	fetch func(id string, direction newsgraph.Direction, types []string) []Step) ([]newsgraph.Subgraph, error) {
	return walkAll(qs, roots, func(frontier, within []any) (map[int]map[string][]step, error) {
		out := map[int]map[string][]step{}
		for _, row := range frontier {
			r := row.(map[string]any)
			qi, id := int(r["query"].(int64)), r["id"].(string)
			if out[qi] == nil {
				out[qi] = map[string][]step{}
			}
			inside, _ := within[qi].([]string)
			for _, st := range fetch(id, newsgraph.Direction(r["direction"].(string)), r["types"].([]string)) {
				if within[qi] == nil || slices.Contains(inside, st.Other.ID) {
					out[qi][id] = append(out[qi][id], step{relation: st.Relation, other: st.Other})
				}
			}
		}
		return out, nil
	})
}

// PathFrom maps a path's nodes and relationships to a Path.
var PathFrom = pathFrom

// MoveRelationsTo re-points relations to a survivor; see moveRelationsTo.
var MoveRelationsTo = moveRelationsTo

// AsOfParam is the $asOf parameter of a date; see asOfParam.
var AsOfParam = asOfParam

// Write is one statement of a merge, its parameters and the rows it must
// report written (-1: none).
type Write struct {
	Name   string
	Stmt   string
	Params map[string]any
	Want   int
}

// MergeWrites returns the statements MergeEntities runs to merge the
// entities mergedIDs, whose relations are relations, into into.
func MergeWrites(into string, mergedIDs []string, actor string, at time.Time, relations []*newsgraph.Relation, survivor *newsgraph.Entity) ([]Write, error) {
	plan, err := mergeRows(moveRelationsTo(into, mergedIDs, relations))
	if err != nil {
		return nil, err
	}
	if survivor != nil {
		plan.survivor = []any{map[string]any{"id": survivor.ID, "label": "Person", "properties": entityProperties(survivor)}}
	}
	var out []Write
	for _, w := range mergeWrites(into, mergedIDs, actor, at, plan) {
		out = append(out, Write{w.name, w.stmt, w.params, w.want})
	}
	return out, nil
}

// MergeRows returns the move_relations and link_mentions rows of moved
// relations.
func MergeRows(moved []*newsgraph.Relation) (relations, mentions []any, err error) {
	plan, err := mergeRows(moved)
	return plan.relations, plan.mentions, err
}

// PathStatement returns the statement ShortestPath (shortest) or Paths
// runs for q, its parameters, and whether its paths are reversed.
func PathStatement(q newsgraph.PathQuery, shortest bool) (string, map[string]any, bool) {
	ps := pathsStatement(q)
	if shortest {
		ps = shortestPathStatement(q)
	}
	return ps.stmt, ps.params, ps.reverse
}

// Path statements, for tests of which one a query picks.
var (
	ShortestPathDirected   = shortestPathDirected
	ShortestPathUndirected = shortestPathUndirected
	PathsDirected          = pathsDirected
	PathsUndirected        = pathsUndirected
	NeighborsOfFrontier    = neighborsOfFrontier
)

// FirstFrontier returns the $frontier rows of the first level of the walks
// of qs from roots.
func FirstFrontier(qs []newsgraph.NeighborhoodQuery, roots map[string]*newsgraph.Entity) []any {
	walks := make([]*walk, len(qs))
	for i, q := range qs {
		walks[i] = newWalk(q, roots[q.ID].Clone())
	}
	return frontierRows(walks, 1)
}

// Profile runs stmt with params under PROFILE in a write transaction that
// it rolls back, so that writes can be profiled too and nothing changes,
// and returns the plan with its rows and db hits.
func Profile(ctx context.Context, s *Store, stmt string, params map[string]any) (neo4j.ProfiledPlan, error) {
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer closeSession(ctx, s, session)
	tx, err := session.BeginTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	res, err := tx.Run(ctx, "PROFILE "+stmt, params)
	if err != nil {
		return nil, err
	}
	// The profiler counts only the rows that were read.
	if _, err := res.Collect(ctx); err != nil {
		return nil, err
	}
	summary, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	return summary.Profile(), nil
}

// StatementName is the name of a statement's span; see statementName.
var StatementName = statementName
