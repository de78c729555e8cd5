package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Neighborhoods answers each query with the subgraph around its root. The
// breadth-first walk of newsgraph.Traverser runs in Go, level by level: one
// statement fetches the relations of every frontier node of every query of
// the batch, with only what the walk decides by (ids, kinds and element
// ids), and a last one reads the kept entities and relations whole, so a
// call costs at most 2+MaxNeighborhoodDeep round trips, one more when a
// query is Induced (the relations among its nodes), and Go applies the
// walk's order and rules exactly as the specification states.
func (s *Store) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	if len(qs) == 0 {
		return []newsgraph.Subgraph{}, nil
	}
	return readTx(ctx, s, "neighborhood", func(tx neo4j.ManagedTransaction) ([]newsgraph.Subgraph, error) {
		roots := make([]string, len(qs))
		for i, q := range qs {
			roots[i] = q.ID
		}
		found, err := lookupEntities(ctx, tx, unique(roots))
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if found[q.ID] == nil {
				return nil, &newsgraph.Error{Code: newsgraph.NotFound, Op: "neighborhood", Message: "entity " + q.ID + " does not exist"}
			}
		}
		elements := newElementIDs()
		subgraphs, err := walkAll(qs, found, func(frontier, within []any) (map[int]map[string][]step, error) {
			recs, err := run(ctx, tx, neighborsOfFrontier, map[string]any{"frontier": frontier, "within": within})
			if err != nil {
				return nil, err
			}
			return groupSteps(recs, elements)
		})
		if err != nil {
			return nil, err
		}
		if err := induce(ctx, tx, qs, subgraphs, elements); err != nil {
			return nil, err
		}
		if err := fillSubgraphs(ctx, tx, qs, subgraphs, elements); err != nil {
			return nil, err
		}
		return subgraphs, sketch(ctx, tx, qs, subgraphs)
	})
}

// sketch gives the subgraphs of the Sketch queries of qs their nodes'
// degrees and contradictions, counted for all of them in one statement of
// the same transaction. fillSubgraphs has left their evidence out.
func sketch(ctx context.Context, tx neo4j.ManagedTransaction, qs []newsgraph.NeighborhoodQuery, subgraphs []newsgraph.Subgraph) error {
	var ids []string
	for i, q := range qs {
		if !q.Sketch {
			continue
		}
		for _, n := range subgraphs[i].Nodes {
			ids = append(ids, n.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := nodeCounts(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i, q := range qs {
		if !q.Sketch {
			continue
		}
		g := &subgraphs[i]
		g.Degrees = make([]int, len(g.Nodes))
		g.Contradictions = make([]int, len(g.Nodes))
		for j, n := range g.Nodes {
			g.Degrees[j], g.Contradictions[j] = found[n.ID].degree, found[n.ID].contradictions
		}
	}
	return nil
}

// induce adds to the subgraphs of the Induced queries of qs the other
// relations among their nodes, in ascending id order, as ids (filled in by
// fillSubgraphs), with one statement for the whole batch.
func induce(ctx context.Context, tx neo4j.ManagedTransaction, qs []newsgraph.NeighborhoodQuery, subgraphs []newsgraph.Subgraph, elements elementIDs) error {
	var rows []any
	for i, q := range qs {
		if !q.Induced {
			continue
		}
		ids := make([]string, len(subgraphs[i].Nodes))
		for j, n := range subgraphs[i].Nodes {
			ids[j] = n.ID
		}
		rows = append(rows, map[string]any{"query": int64(i), "ids": ids, "types": nonNil(q.Types), "asOf": asOfParam(q.AsOf)})
	}
	if len(rows) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, inducedRelations, map[string]any{"queries": rows})
	if err != nil {
		return err
	}
	extra := map[int][]string{}
	for _, rec := range recs {
		qi, err := count(rec, "query")
		if err != nil {
			return err
		}
		var id, element string
		if id, err = value[string](rec, "relationId"); err != nil {
			return err
		}
		if element, err = value[string](rec, "relationElement"); err != nil {
			return err
		}
		elements.relations[id] = element
		extra[qi] = append(extra[qi], id)
	}
	for qi, ids := range extra {
		walked := make(map[string]bool, len(subgraphs[qi].Edges))
		for _, r := range subgraphs[qi].Edges {
			walked[r.ID] = true
		}
		slices.Sort(ids)
		for _, id := range slices.Compact(ids) {
			if !walked[id] {
				subgraphs[qi].Edges = append(subgraphs[qi].Edges, &newsgraph.Relation{ID: id})
			}
		}
	}
	return nil
}

// step is one relation of a frontier node, with the entity at its other end.
// In a walk on the server both hold only what the walk decides by: the
// relation's id, the entity's id and kind.
type step struct {
	relation *newsgraph.Relation
	other    *newsgraph.Entity
}

// elementIDs are the element ids of the entities and relations a walk saw,
// by domain id, valid within its transaction.
type elementIDs struct {
	entities, relations map[string]string
}

func newElementIDs() elementIDs {
	return elementIDs{entities: map[string]string{}, relations: map[string]string{}}
}

// groupSteps groups the rows of neighbors_of_frontier.cypher by query and
// frontier node, noting the element ids of what they name.
func groupSteps(recs []*neo4j.Record, elements elementIDs) (map[int]map[string][]step, error) {
	out := map[int]map[string][]step{}
	for _, rec := range recs {
		qi, err := count(rec, "query")
		if err != nil {
			return nil, err
		}
		var node, relID, relElement, otherID, otherKind, otherElement string
		for _, col := range []struct {
			key string
			to  *string
		}{
			{"frontierId", &node}, {"relationId", &relID}, {"relationElement", &relElement},
			{"otherId", &otherID}, {"otherKind", &otherKind}, {"otherElement", &otherElement},
		} {
			if *col.to, err = value[string](rec, col.key); err != nil {
				return nil, err
			}
		}
		elements.relations[relID] = relElement
		elements.entities[otherID] = otherElement
		if out[qi] == nil {
			out[qi] = map[string][]step{}
		}
		out[qi][node] = append(out[qi][node], step{
			relation: &newsgraph.Relation{ID: relID},
			other:    &newsgraph.Entity{ID: otherID, Kind: newsgraph.Kind(otherKind)},
		})
	}
	return out, nil
}

// fillSubgraphs replaces the walked entities and relations of subgraphs,
// which hold ids only, with whole copies read by their element ids in one
// round trip; a relation that only the subgraphs of Sketch queries of qs
// hold is read without its evidence, which their edges leave out but
// count in Subgraph.Corroboration. The roots are whole already.
func fillSubgraphs(ctx context.Context, tx neo4j.ManagedTransaction, qs []newsgraph.NeighborhoodQuery, subgraphs []newsgraph.Subgraph, elements elementIDs) error {
	for i := range subgraphs {
		if qs[i].Sketch {
			subgraphs[i].Corroboration = make([]int, len(subgraphs[i].Edges))
		}
	}
	nodes := map[string]bool{}
	// withEvidence records, for each relation, whether a query that is not
	// a Sketch holds it.
	withEvidence := map[string]bool{}
	var nodeElements []string
	for i, g := range subgraphs {
		for _, e := range g.Nodes[1:] {
			if !nodes[e.ID] {
				nodes[e.ID] = true
				nodeElements = append(nodeElements, elements.entities[e.ID])
			}
		}
		for _, r := range g.Edges {
			withEvidence[r.ID] = withEvidence[r.ID] || !qs[i].Sketch
		}
	}
	if len(nodeElements) == 0 && len(withEvidence) == 0 {
		return nil
	}
	relationElements, sketchElements := []string{}, []string{}
	for id, evidence := range withEvidence {
		if evidence {
			relationElements = append(relationElements, elements.relations[id])
		} else {
			sketchElements = append(sketchElements, elements.relations[id])
		}
	}
	recs, err := run(ctx, tx, subgraphElements, map[string]any{"nodes": nodeElements, "relations": relationElements, "sketches": sketchElements})
	if err != nil || len(recs) != 1 {
		return resultErr(err, len(recs))
	}
	found, err := listOf[neo4j.Node](recs[0], "nodes")
	if err != nil {
		return err
	}
	entities := make(map[string]*newsgraph.Entity, len(found))
	for _, n := range found {
		e, err := entityFromProps(n.Props)
		if err != nil {
			return err
		}
		entities[e.ID] = e
	}
	items, err := listOf[map[string]any](recs[0], "relations")
	if err != nil {
		return err
	}
	sketches, err := listOf[map[string]any](recs[0], "sketches")
	if err != nil {
		return err
	}
	rels := make(map[string]*newsgraph.Relation, len(items)+len(sketches))
	for _, item := range items {
		r, err := relationFromItem(item)
		if err != nil {
			return err
		}
		rels[r.ID] = r
	}
	// The corroboration of the relations read without their evidence; a
	// sketch's edge read whole counts its own.
	sketchCorroboration := make(map[string]int, len(sketches))
	for _, item := range sketches {
		r, n, err := sketchFromItem(item)
		if err != nil {
			return err
		}
		rels[r.ID], sketchCorroboration[r.ID] = r, n
	}
	for i := range subgraphs {
		g := &subgraphs[i]
		for j, e := range g.Nodes[1:] {
			whole := entities[e.ID]
			if whole == nil {
				return fmt.Errorf("neighborhood: entity %s vanished within the transaction", e.ID)
			}
			g.Nodes[j+1] = whole.Clone()
		}
		for j, r := range g.Edges {
			read := rels[r.ID]
			if read == nil {
				return fmt.Errorf("neighborhood: relation %s vanished within the transaction", r.ID)
			}
			if qs[i].Sketch {
				n, ok := sketchCorroboration[r.ID]
				if !ok {
					n = newsgraph.Corroboration(read.Evidence)
				}
				edge := *read
				edge.Evidence = nil
				g.Edges[j], g.Corroboration[j] = &edge, n
			} else {
				g.Edges[j] = read.Clone()
			}
		}
	}
	return nil
}

// orderSteps puts each frontier node's steps in ascending relation id
// order, without duplicates (an undirected match may return a self-loop
// twice).
func orderSteps(steps map[int]map[string][]step) {
	for _, byNode := range steps {
		for node, list := range byNode {
			slices.SortFunc(list, func(a, b step) int { return cmp.Compare(a.relation.ID, b.relation.ID) })
			byNode[node] = slices.CompactFunc(list, func(a, b step) bool { return a.relation.ID == b.relation.ID })
		}
	}
}

// walkAll runs the walks of qs from their roots, which must all be in
// roots. fetch returns the steps of one level's frontier rows (see
// frontierRows), grouped by query index and frontier node; within[i],
// when not nil, lists the nodes of query i's walk, and fetch may leave
// out its steps to any other entity (see withinRows).
func walkAll(qs []newsgraph.NeighborhoodQuery, roots map[string]*newsgraph.Entity, fetch func(frontier, within []any) (map[int]map[string][]step, error)) ([]newsgraph.Subgraph, error) {
	walks := make([]*walk, len(qs))
	for i, q := range qs {
		walks[i] = newWalk(q, roots[q.ID].Clone())
	}
	for level := 1; level <= newsgraph.MaxNeighborhoodDeep; level++ {
		frontier := frontierRows(walks, level)
		if len(frontier) == 0 {
			break
		}
		steps, err := fetch(frontier, withinRows(walks, level))
		if err != nil {
			return nil, err
		}
		orderSteps(steps)
		for i, w := range walks {
			if level <= w.q.Depth {
				w.expand(steps[i], level)
			}
		}
	}
	out := make([]newsgraph.Subgraph, len(walks))
	for i, w := range walks {
		out[i] = w.graph
	}
	return out, nil
}

// walk is the state of one query's breadth-first walk.
type walk struct {
	q        newsgraph.NeighborhoodQuery
	kinds    map[newsgraph.Kind]bool
	graph    newsgraph.Subgraph
	nodes    map[string]bool
	edges    map[string]bool
	frontier []string
}

func newWalk(q newsgraph.NeighborhoodQuery, root *newsgraph.Entity) *walk {
	w := &walk{
		q:        q,
		nodes:    map[string]bool{root.ID: true},
		edges:    map[string]bool{},
		frontier: []string{root.ID},
		graph:    newsgraph.Subgraph{Nodes: []*newsgraph.Entity{root}, Edges: []*newsgraph.Relation{}, Hops: []int{0}},
	}
	if len(q.Kinds) > 0 {
		w.kinds = make(map[newsgraph.Kind]bool, len(q.Kinds))
		for _, k := range q.Kinds {
			w.kinds[k] = true
		}
	}
	return w
}

// withinRows returns $within for the walks' level: for each walk already
// truncated that has frontier rows at level (see frontierRows), the ids
// of its nodes; nil for the others, whose rows are all needed or which
// have none. A walk is truncated only once it holds Limit nodes, so from
// then on a step to an entity it does not hold adds nothing (Truncated is
// set already) and only the relations among its nodes can still join it.
// For a hub, whose first level fills the limit, this keeps the second
// level's rows to the few relations among the nodes instead of every
// relation of every one.
func withinRows(walks []*walk, level int) []any {
	rows := make([]any, len(walks))
	for i, w := range walks {
		if w.graph.Truncated && level <= w.q.Depth && len(w.frontier) > 0 {
			ids := make([]string, len(w.graph.Nodes))
			for j, n := range w.graph.Nodes {
				ids[j] = n.ID
			}
			rows[i] = ids
		}
	}
	return rows
}

// frontierRows returns the rows of $frontier for the walks that expand at
// level: maps {query, id, direction, types, asOf}.
func frontierRows(walks []*walk, level int) []any {
	var rows []any
	for i, w := range walks {
		if level > w.q.Depth {
			continue
		}
		for _, id := range w.frontier {
			rows = append(rows, map[string]any{
				"query": int64(i), "id": id,
				"direction": string(w.q.Direction.OrBoth()), "types": nonNil(w.q.Types),
				"asOf": asOfParam(w.q.AsOf),
			})
		}
	}
	return rows
}

// expand applies the walk's level to the steps of its frontier nodes,
// exactly as newsgraph.Traverser specifies.
func (w *walk) expand(steps map[string][]step, level int) {
	var next []string
	for _, node := range w.frontier {
		for _, st := range steps[node] {
			m := st.other
			switch {
			case w.kinds != nil && !w.kinds[m.Kind]:
				continue
			case w.nodes[m.ID]:
				w.addEdge(st.relation)
			case len(w.graph.Nodes) < w.q.Limit:
				w.nodes[m.ID] = true
				w.graph.Nodes = append(w.graph.Nodes, m)
				w.graph.Hops = append(w.graph.Hops, level)
				next = append(next, m.ID)
				w.addEdge(st.relation)
			default:
				w.graph.Truncated = true
			}
		}
	}
	w.frontier = next
}

func (w *walk) addEdge(r *newsgraph.Relation) {
	if !w.edges[r.ID] {
		w.edges[r.ID] = true
		w.graph.Edges = append(w.graph.Edges, r)
	}
}
