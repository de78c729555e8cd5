package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// contradicts is the relation the tests add to the fixture, so that the
// relations at the claim it contradicts are DISPUTED.
var contradicts = &newsgraph.Relation{
	ID:   newsgraph.RelationID(storetest.PersonSheinbaum, newsgraph.ContradictsType, storetest.ClaimCartels),
	From: storetest.PersonSheinbaum, Type: newsgraph.ContradictsType, To: storetest.ClaimCartels,
	Evidence: []newsgraph.Evidence{{Quote: "Claudia Sheinbaum rejected any foreign intervention in Mexico", DocumentID: storetest.DocDesignation}},
}

// openFixture returns a store holding the fixture and contradicts, after
// edit, if any, changed them.
func openFixture(t *testing.T, edit ...func(*newsgraph.Batch)) newsgraph.Store {
	t.Helper()
	store := teststore.Open(t)
	b := storetest.Fixture()
	b.Relations = append(b.Relations, contradicts)
	for _, f := range edit {
		f(&b)
	}
	if _, err := store.Upsert(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return store
}

// element is a node or an edge as a reader read it: its ends (edges only)
// and its attributes, each a string, a number or a JSON list.
type element struct {
	Source, Target string
	Attrs          map[string]any
}

// readBack is a graph as a reader read it, elements by id.
type readBack struct {
	Nodes, Edges map[string]element
}

// checkReadBack checks that got holds the graph of store, every attribute
// as the package documentation defines it; some values are known from the
// fixture, the others are read from the store.
func checkReadBack(t *testing.T, store newsgraph.Store, got readBack) {
	t.Helper()
	ctx := context.Background()
	ents, err := store.Entities(ctx, newsgraph.EntityQuery{First: newsgraph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	rels, err := store.Relations(ctx, []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := len(got.Nodes), len(ents.Items); g != w {
		t.Errorf("%d nodes, want %d", g, w)
	}
	if g, w := len(got.Edges), len(rels[0].Items); g != w {
		t.Errorf("%d edges, want %d", g, w)
	}
	for _, e := range ents.Items {
		n, ok := got.Nodes[e.ID]
		if !ok {
			t.Errorf("node %s missing", e.ID)
			continue
		}
		checkAttr(t, e.ID, n.Attrs, "name", e.Name)
		checkAttr(t, e.ID, n.Attrs, "kind", string(e.Kind))
		checkAttr(t, e.ID, n.Attrs, "description", e.Description)
		checkList(t, e.ID, n.Attrs, "aliases", e.Aliases)
	}
	for _, r := range rels[0].Items {
		e, ok := got.Edges[r.ID]
		if !ok {
			t.Errorf("edge %s missing", r.ID)
			continue
		}
		if e.Source != r.From || e.Target != r.To {
			t.Errorf("edge %s: %s -> %s, want %s -> %s", r.ID, e.Source, e.Target, r.From, r.To)
		}
		checkAttr(t, r.ID, e.Attrs, "type", r.Type)
		checkAttr(t, r.ID, e.Attrs, "confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
		checkAttr(t, r.ID, e.Attrs, "corroboration", strconv.Itoa(len(r.DocumentIDs())))
		checkAttr(t, r.ID, e.Attrs, "validFrom", day(r.ValidFrom))
		checkAttr(t, r.ID, e.Attrs, "validTo", day(r.ValidTo))
		checkList(t, r.ID, e.Attrs, "evidence", r.Evidence)
	}
	// Derived values, known from the fixture.
	washington := got.Nodes[storetest.PlaceWashington].Attrs
	checkAttr(t, storetest.PlaceWashington, washington, "degree", "3") // HELD_IN, COOPERATES_WITH, and a self-loop once
	checkAttr(t, storetest.PlaceWashington, washington, "firstSeen", "2025-02-20")
	checkAttr(t, storetest.OrgWHO, got.Nodes[storetest.OrgWHO].Attrs, "degree", "0")
	checkAttr(t, storetest.OrgWHO, got.Nodes[storetest.OrgWHO].Attrs, "firstSeen", "")
	involves := newsgraph.RelationID(storetest.EventDesignation, "INVOLVES", storetest.OrgSinaloaCartel)
	checkAttr(t, involves, got.Edges[involves].Attrs, "firstReported", "2025-02-20")
	checkAttr(t, involves, got.Edges[involves].Attrs, "lastReported", "2025-02-21")
	checkAttr(t, involves, got.Edges[involves].Attrs, "status", "ASSERTED")
	claim := newsgraph.RelationID(storetest.PersonTrump, "MAKES_CLAIM", storetest.ClaimCartels)
	checkAttr(t, claim, got.Edges[claim].Attrs, "status", "DISPUTED")
	checkAttr(t, contradicts.ID, got.Edges[contradicts.ID].Attrs, "status", "ASSERTED") // it does not dispute itself
}

// checkAttr checks a scalar attribute; want "" means absent.
func checkAttr(t *testing.T, id string, attrs map[string]any, name, want string) {
	t.Helper()
	v, ok := attrs[name]
	var got string
	switch v := v.(type) {
	case string:
		got = v
	case float64:
		got = strconv.FormatFloat(v, 'g', -1, 64)
	case nil:
	default:
		t.Errorf("%s: %s is %T %v, want a string or a number", id, name, v, v)
		return
	}
	if got != want || (want == "" && ok && v != "") {
		t.Errorf("%s: %s = %q, want %q", id, name, got, want)
	}
}

// checkList checks a list attribute, a JSON list or a JSON-encoded string;
// an empty list may be absent.
func checkList[T any](t *testing.T, id string, attrs map[string]any, name string, want []T) {
	t.Helper()
	got := attrs[name]
	if s, ok := got.(string); ok && s != "" {
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Errorf("%s: %s = %q, not JSON: %v", id, name, s, err)
			return
		}
	}
	var w any
	b, _ := json.Marshal(want)
	_ = json.Unmarshal(b, &w)
	if len(want) == 0 && (got == nil || got == "" || reflect.DeepEqual(got, []any{})) {
		return
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("%s: %s = %v, want %v", id, name, got, w)
	}
}

func day(d newsgraph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// write writes the whole graph of store in format.
func write(t *testing.T, store newsgraph.Store, format string, q export.Query) []byte {
	t.Helper()
	ctx := context.Background()
	g, err := export.Open(ctx, store, q)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.Formats[format].Write(ctx, &buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
