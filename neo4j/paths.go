package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// ShortestPath returns a path with the fewest relations from q.From to q.To,
// or nil when there is none within q.MaxDepth. The statement searches up to
// newsgraph.MaxPathDepth relations; every shortest path has the same length,
// so one longer than q.MaxDepth means there is none short enough.
func (s *Store) ShortestPath(ctx context.Context, q newsgraph.PathQuery) (*newsgraph.Path, error) {
	if err := q.Validate(false); err != nil {
		return nil, err
	}
	return readTx(ctx, s, "shortestPath", func(tx neo4j.ManagedTransaction) (*newsgraph.Path, error) {
		ends, err := pathEnds(ctx, tx, "shortestPath", q)
		if err != nil {
			return nil, err
		}
		if q.From == q.To {
			return &newsgraph.Path{Nodes: []*newsgraph.Entity{ends[q.From]}, Edges: []*newsgraph.Relation{}}, nil
		}
		paths, err := runPaths(ctx, tx, shortestPathStatement(q))
		if err != nil || len(paths) == 0 || paths[0].Length() > q.MaxDepth {
			return nil, err
		}
		return &paths[0], nil
	})
}

// Paths returns up to q.Limit shortest simple paths from q.From to q.To of
// at most q.MaxDepth relations, shortest first.
func (s *Store) Paths(ctx context.Context, q newsgraph.PathQuery) ([]newsgraph.Path, error) {
	if err := q.Validate(true); err != nil {
		return nil, err
	}
	return readTx(ctx, s, "paths", func(tx neo4j.ManagedTransaction) ([]newsgraph.Path, error) {
		ends, err := pathEnds(ctx, tx, "paths", q)
		if err != nil {
			return nil, err
		}
		if q.From == q.To {
			return []newsgraph.Path{{Nodes: []*newsgraph.Entity{ends[q.From]}, Edges: []*newsgraph.Relation{}}}, nil
		}
		paths, err := runPaths(ctx, tx, pathsStatement(q))
		if err != nil {
			return nil, err
		}
		slices.SortFunc(paths, newsgraph.ComparePaths)
		return paths, nil
	})
}

// pathEnds returns both ends of q, or NotFound naming the first absent one.
func pathEnds(ctx context.Context, tx neo4j.ManagedTransaction, op string, q newsgraph.PathQuery) (map[string]*newsgraph.Entity, error) {
	ends, err := lookupEntities(ctx, tx, unique([]string{q.From, q.To}))
	if err != nil {
		return nil, err
	}
	for _, id := range []string{q.From, q.To} {
		if ends[id] == nil {
			return nil, &newsgraph.Error{Code: newsgraph.NotFound, Op: op, Message: "entity " + id + " does not exist"}
		}
	}
	return ends, nil
}

// runPaths runs a path statement and returns its paths, each running from
// the query's From to its To.
func runPaths(ctx context.Context, tx neo4j.ManagedTransaction, ps pathStmt) ([]newsgraph.Path, error) {
	recs, err := run(ctx, tx, ps.stmt, ps.params)
	if err != nil {
		return nil, err
	}
	paths := make([]newsgraph.Path, 0, len(recs))
	for _, rec := range recs {
		nodes, err := listOf[neo4j.Node](rec, "nodes")
		if err != nil {
			return nil, err
		}
		rels, err := listOf[neo4j.Relationship](rec, "relations")
		if err != nil {
			return nil, err
		}
		p, err := pathFrom(nodes, rels)
		if err != nil {
			return nil, err
		}
		if ps.reverse {
			slices.Reverse(p.Nodes)
			slices.Reverse(p.Edges)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// shortestPathStatement returns the statement ShortestPath runs for q; see
// pathStatement.
func shortestPathStatement(q newsgraph.PathQuery) pathStmt {
	return pathStatement(shortestPathDirected, shortestPathUndirected, q, nil)
}

// pathsStatement returns the statement Paths runs for q; see pathStatement.
func pathsStatement(q newsgraph.PathQuery) pathStmt {
	return pathStatement(pathsDirected, pathsUndirected, q, map[string]any{
		"maxDepth": int64(q.MaxDepth), "limit": int64(q.Limit),
	})
}

// pathStmt is a path statement with its parameters; reverse says that the
// paths it returns run from the query's To to its From.
type pathStmt struct {
	stmt    string
	params  map[string]any
	reverse bool
}

// pathStatement returns the directed statement (OUT, or IN with the ends
// swapped) or the undirected one (BOTH) for q, its parameters (the ends,
// types, AsOf and extra), and whether the paths it returns run from q.To
// to q.From and must be reversed (IN).
func pathStatement(directed, undirected string, q newsgraph.PathQuery, extra map[string]any) pathStmt {
	params := map[string]any{"from": q.From, "to": q.To, "types": nonNil(q.Types), "asOf": asOfParam(q.AsOf)}
	maps.Copy(params, extra)
	switch q.Direction.OrBoth() {
	case newsgraph.Out:
		return pathStmt{directed, params, false}
	case newsgraph.In:
		params["from"], params["to"] = q.To, q.From
		return pathStmt{directed, params, true}
	}
	return pathStmt{undirected, params, false}
}

// pathFrom maps a path's nodes and relationships, in path order, to a Path.
// A relationship's ends are found among the path's nodes by element id.
func pathFrom(nodes []neo4j.Node, rels []neo4j.Relationship) (newsgraph.Path, error) {
	if len(nodes) != len(rels)+1 {
		return newsgraph.Path{}, fmt.Errorf("path has %d nodes and %d relationships", len(nodes), len(rels))
	}
	p := newsgraph.Path{Nodes: make([]*newsgraph.Entity, len(nodes)), Edges: make([]*newsgraph.Relation, len(rels))}
	ids := make(map[string]string, len(nodes))
	for i, n := range nodes {
		e, err := entityFromProps(n.Props)
		if err != nil {
			return newsgraph.Path{}, err
		}
		p.Nodes[i] = e
		ids[n.ElementId] = e.ID
	}
	for i, rel := range rels {
		from, to := ids[rel.StartElementId], ids[rel.EndElementId]
		if from == "" || to == "" {
			return newsgraph.Path{}, fmt.Errorf("path relationship %s has an end outside the path", rel.ElementId)
		}
		r, err := relationFromProps(rel.Type, from, to, rel.Props)
		if err != nil {
			return newsgraph.Path{}, err
		}
		p.Edges[i] = r
	}
	return p, nil
}
