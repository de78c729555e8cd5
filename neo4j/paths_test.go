package neo4j_test

import (
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

func node(elementID string, e *newsgraph.Entity) dbtype.Node {
	return dbtype.Node{ElementId: elementID, Labels: []string{"Entity"}, Props: neo4j.EntityProperties(e)}
}

func TestPathFrom(t *testing.T) {
	a := &newsgraph.Entity{ID: "place:a", Kind: newsgraph.KindPlace, Name: "A"}
	b := &newsgraph.Entity{ID: "place:b", Kind: newsgraph.KindPlace, Name: "B"}
	c := &newsgraph.Entity{ID: "place:c", Kind: newsgraph.KindPlace, Name: "C"}
	nodes := []dbtype.Node{node("4:x:1", a), node("4:x:2", b), node("4:x:3", c)}
	// The path walks a->b along a relation and b<-c against one: each
	// relation keeps its own direction.
	rels := []dbtype.Relationship{
		{ElementId: "5:x:1", StartElementId: "4:x:1", EndElementId: "4:x:2", Type: "LINKS_TO",
			Props: map[string]any{"id": "place:a|LINKS_TO|place:b", "confidence": 1.0, "evidenceQuotes": []any{"q"}, "evidenceDocumentIds": []any{"doc:d"}}},
		{ElementId: "5:x:2", StartElementId: "4:x:3", EndElementId: "4:x:2", Type: "LINKS_TO",
			Props: map[string]any{"id": "place:c|LINKS_TO|place:b", "confidence": 0.5, "evidenceQuotes": []any{"r"}, "evidenceDocumentIds": []any{"doc:d"}}},
	}
	p, err := neo4j.PathFrom(nodes, rels)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(p.Nodes), []string{"place:a", "place:b", "place:c"}; !slices.Equal(got, want) {
		t.Errorf("nodes = %v, want %v", got, want)
	}
	if got, want := relIDs(p.Edges), []string{"place:a|LINKS_TO|place:b", "place:c|LINKS_TO|place:b"}; !slices.Equal(got, want) {
		t.Errorf("edges = %v, want %v", got, want)
	}
	if got, want := p.Edges[1].From+">"+p.Edges[1].To, "place:c>place:b"; got != want {
		t.Errorf("second edge runs %s, want %s", got, want)
	}

	if _, err := neo4j.PathFrom(nodes[:2], rels); err == nil {
		t.Error("PathFrom with too few nodes succeeded, want an error")
	}
	outside := slices.Clone(rels)
	outside[1].StartElementId = "4:x:99"
	if _, err := neo4j.PathFrom(nodes, outside); err == nil {
		t.Error("PathFrom with a relationship ending outside the path succeeded, want an error")
	}
}
