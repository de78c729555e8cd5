package neo4j_test

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest"
)

// walkGraph is the conformance fixture plus a self-loop of type MENTIONS
// (the name of the provenance links, which a domain relation may share) and
// a second relation between the same two entities.
func walkGraph() newsgraph.Batch {
	b := storetest.Fixture()
	ev := []newsgraph.Evidence{{Quote: "control Mexico", DocumentID: storetest.DocDesignation}}
	b.Relations = append(b.Relations,
		&newsgraph.Relation{From: storetest.PlaceMexico, Type: "MENTIONS", To: storetest.PlaceMexico, Evidence: ev},
		&newsgraph.Relation{From: storetest.PlaceMexico, Type: "HOSTS", To: storetest.OrgSinaloaCartel, Evidence: ev},
	)
	return b
}

// TestWalkMatchesEmbeddedStore checks the Go half of Neighborhoods (the
// breadth-first walk over the rows one statement per level returns) against
// the embedded store on thousands of queries. The rows are computed here
// from the graph's relations, in reverse order and with self-loops twice,
// as an undirected Cypher match may return them; what the statement itself
// returns is checked by the conformance suite against a real server.
func TestWalkMatchesEmbeddedStore(t *testing.T) {
	ctx := t.Context()
	store, err := embedded.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	batch := walkGraph()
	if _, err := store.Upsert(ctx, batch); err != nil {
		t.Fatal(err)
	}
	entities := map[string]*newsgraph.Entity{}
	for _, e := range batch.Entities {
		entities[e.ID] = e
	}
	var relations []*newsgraph.Relation
	for _, r := range batch.Relations {
		c := *r
		c.ID = newsgraph.RelationID(r.From, r.Type, r.To)
		relations = append(relations, &c)
	}
	fetch := func(id string, dir newsgraph.Direction, types []string) []neo4j.Step {
		var steps []neo4j.Step
		for _, r := range slices.Backward(relations) {
			if len(types) > 0 && !slices.Contains(types, r.Type) {
				continue
			}
			out := r.From == id && (dir == newsgraph.Out || dir == newsgraph.Both)
			in := r.To == id && (dir == newsgraph.In || dir == newsgraph.Both)
			switch {
			case r.From == id && r.To == id && (out || in):
				steps = append(steps, neo4j.Step{Relation: r, Other: entities[id]}, neo4j.Step{Relation: r, Other: entities[id]})
			case out:
				steps = append(steps, neo4j.Step{Relation: r, Other: entities[r.To]})
			case in:
				steps = append(steps, neo4j.Step{Relation: r, Other: entities[r.From]})
			}
		}
		return steps
	}

	var qs []newsgraph.NeighborhoodQuery
	for id := range entities {
		for depth := 1; depth <= 3; depth++ {
			for _, dir := range []newsgraph.Direction{"", newsgraph.Out, newsgraph.In, newsgraph.Both} {
				for _, limit := range []int{1, 3, 8, 100} {
					for _, types := range [][]string{nil, {"OPERATES_IN", "LOCATED_IN", "MENTIONS", "LINKS_TO"}} {
						for _, kinds := range [][]newsgraph.Kind{nil, {newsgraph.KindPlace, newsgraph.KindPerson}} {
							qs = append(qs, newsgraph.NeighborhoodQuery{ID: id, Depth: depth, Direction: dir, Types: types, Kinds: kinds, Limit: limit})
						}
					}
				}
			}
		}
	}
	want, err := store.Neighborhoods(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := neo4j.WalkAll(qs, entities, fetch)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(qs) {
		t.Fatalf("WalkAll returned %d subgraphs for %d queries", len(got), len(qs))
	}
	failures := 0
	for i, q := range qs {
		g, w := got[i], want[i]
		if !slices.Equal(ids(g.Nodes), ids(w.Nodes)) || !slices.Equal(relIDs(g.Edges), relIDs(w.Edges)) || g.Truncated != w.Truncated {
			t.Errorf("%+v:\n got nodes %v edges %v truncated %v\nwant nodes %v edges %v truncated %v",
				q, ids(g.Nodes), relIDs(g.Edges), g.Truncated, ids(w.Nodes), relIDs(w.Edges), w.Truncated)
			if failures++; failures == 5 {
				t.Fatal("too many differences")
			}
		}
	}
}

func ids(es []*newsgraph.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func relIDs(rs []*newsgraph.Relation) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
