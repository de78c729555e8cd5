package export_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// serveExport serves store's GET /export and returns the server's URL.
func serveExport(t *testing.T, store newsgraph.Store, cfg export.Config) string {
	t.Helper()
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+export.Path, export.Handler(store, cfg))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + export.Path
}

// get fetches url with an optional bearer key and returns the response
// and its body.
func get(t *testing.T, url, key string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestHTTPExportsAreAttachments(t *testing.T) {
	store := openFixture(t)
	url := serveExport(t, store, export.Config{})
	for _, c := range []struct{ query, contentType, file string }{
		{"format=graphml", "application/graphml+xml", "newsgraph.graphml"},
		{"format=gexf", "application/gexf+xml", "newsgraph.gexf"},
		{"format=csv", "application/zip", "newsgraph.zip"},
		{"format=graphology", "application/json", "newsgraph.json"},
		{"format=jsonl", "application/x-ndjson", "newsgraph.jsonl"},
		{"format=cytoscape&around=person:claudia-sheinbaum&depth=2", "application/json", "newsgraph-around-person-claudia-sheinbaum.cyjs"},
	} {
		resp, body := get(t, url+"?"+c.query, "")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %s", c.query, resp.StatusCode, body)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.query, got, c.contentType)
		}
		if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="`+c.file+`"`; got != want {
			t.Errorf("%s: Content-Disposition %q, want %q", c.query, got, want)
		}
	}
}

func TestHTTPNeighborhoodIsTheStoresWalk(t *testing.T) {
	store := openFixture(t)
	url := serveExport(t, store, export.Config{})
	filtered := newsgraph.NeighborhoodQuery{
		ID: storetest.PersonSheinbaum, Depth: 2, Limit: newsgraph.MaxPageSize,
		Kinds: []newsgraph.Kind{newsgraph.KindPerson, newsgraph.KindPlace, newsgraph.KindClaim},
		Types: []string{"SUCCEEDED", "GOVERNED_BY", "LOCATED_IN", "REJECTS"},
	}
	near := newsgraph.NeighborhoodQuery{ID: storetest.PersonSheinbaum, Depth: 1, Limit: newsgraph.MaxPageSize}
	nearInduced := near
	nearInduced.Induced = true
	for _, c := range []struct {
		params string
		walk   newsgraph.NeighborhoodQuery
	}{
		{"&depth=2&kinds=person,place,claim&types=SUCCEEDED,GOVERNED_BY,LOCATED_IN,REJECTS", filtered},
		{"", near},
		{"&induced=true", nearInduced},
		{"&induced=false", near},
	} {
		t.Run(c.params, func(t *testing.T) {
			_, body := get(t, url+"?format=cytoscape&around="+storetest.PersonSheinbaum+c.params, "")
			var doc struct {
				Elements struct {
					Nodes, Edges []struct{ Data map[string]any }
				}
			}
			if err := json.Unmarshal(body, &doc); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			sgs, err := store.Neighborhoods(context.Background(), []newsgraph.NeighborhoodQuery{c.walk, near})
			if err != nil {
				t.Fatal(err)
			}
			if c.walk.Induced && len(sgs[0].Edges) <= len(sgs[1].Edges) {
				t.Fatalf("the induced walk has %d edges, the walk alone %d: the test checks nothing", len(sgs[0].Edges), len(sgs[1].Edges))
			}
			var gotNodes, wantNodes, gotEdges, wantEdges []string
			for _, n := range doc.Elements.Nodes {
				gotNodes = append(gotNodes, n.Data["id"].(string))
			}
			for _, e := range sgs[0].Nodes {
				wantNodes = append(wantNodes, e.ID)
			}
			for _, e := range doc.Elements.Edges {
				gotEdges = append(gotEdges, e.Data["id"].(string))
			}
			for _, r := range sgs[0].Edges {
				wantEdges = append(wantEdges, r.ID)
			}
			if len(wantEdges) == 0 {
				t.Fatal("the store's walk has no edges: the test checks nothing")
			}
			if strings.Join(gotNodes, " ") != strings.Join(wantNodes, " ") || strings.Join(gotEdges, " ") != strings.Join(wantEdges, " ") {
				t.Errorf("nodes %v edges %v, want %v and %v", gotNodes, gotEdges, wantNodes, wantEdges)
			}
			// Degrees are the whole store's (Store.Degrees), not the
			// neighbourhood's.
			degrees, err := store.Degrees(context.Background(), wantNodes)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range doc.Elements.Nodes {
				id := n.Data["id"].(string)
				if n.Data["degree"] != float64(degrees[id]) {
					t.Errorf("%s: degree %v, want %d", id, n.Data["degree"], degrees[id])
				}
				if id == storetest.PersonSheinbaum && n.Data["degree"] != float64(5) {
					t.Errorf("Sheinbaum's degree %v, want 5", n.Data["degree"])
				}
			}
		})
	}
}

func TestHTTPBadRequestsAreBadUserInput(t *testing.T) {
	store := openFixture(t)
	url := serveExport(t, store, export.Config{})
	for _, c := range []struct {
		query, code string
		status      int
	}{
		{"", "BAD_USER_INPUT", 400},
		{"format=dot", "BAD_USER_INPUT", 400},
		{"format=graphml&kinds=PLANET", "BAD_USER_INPUT", 400},
		{"format=graphml&types=lower", "BAD_USER_INPUT", 400},
		{"format=graphml&asOf=yesterday", "BAD_USER_INPUT", 400},
		{"format=graphml&depth=2", "BAD_USER_INPUT", 400},
		{"format=cytoscape&around=person:claudia-sheinbaum&depth=x", "BAD_USER_INPUT", 400},
		{"format=cytoscape&around=person:claudia-sheinbaum&depth=9", "LIMIT_EXCEEDED", 400},
		{"format=jsonl&kinds=PERSON", "BAD_USER_INPUT", 400},
		{"format=jsonl&induced=true", "BAD_USER_INPUT", 400},
		{"format=graphml&induced=true", "BAD_USER_INPUT", 400},
		{"format=cytoscape&around=person:claudia-sheinbaum&induced=yes", "BAD_USER_INPUT", 400},
		{"format=cytoscape&around=person:nobody", "NOT_FOUND", 404},
	} {
		resp, body := get(t, url+"?"+c.query, "")
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(body, &e); err != nil {
			t.Errorf("%s: %v: %s", c.query, err, body)
			continue
		}
		if resp.StatusCode != c.status || e.Error.Code != c.code || e.Error.Message == "" {
			t.Errorf("%s: %d %s %q, want %d %s and a message", c.query, resp.StatusCode, e.Error.Code, e.Error.Message, c.status, c.code)
		}
	}
}

func TestHTTPKeyRules(t *testing.T) {
	store := openFixture(t)
	key, entry, err := auth.NewKey(auth.ScopeRead, "reader", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.NewKeySet([]auth.Entry{entry})
	if err != nil {
		t.Fatal(err)
	}
	url := serveExport(t, store, export.Config{Keys: keys, RequireKey: true})
	if resp, body := get(t, url+"?format=graphml", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without a key: %d %s, want 401", resp.StatusCode, body)
	}
	if resp, body := get(t, url+"?format=graphml", key); resp.StatusCode != http.StatusOK {
		t.Errorf("with a read key: %d %s, want 200", resp.StatusCode, body)
	}
}

// TestHTTPJSONLRoundTrips: the JSON Lines of a running server import into
// an empty store as the same graph.
func TestHTTPJSONLRoundTrips(t *testing.T) {
	ctx := context.Background()
	store := openFixture(t, func(b *newsgraph.Batch) {
		for _, d := range b.Documents {
			if d.PublishedAt.IsZero() {
				d.PublishedAt = newsgraph.MustParseDate("2025-03-01") // import needs a day
			}
		}
	})
	_, body := get(t, serveExport(t, store, export.Config{})+"?format=jsonl", "")
	fresh := teststore.OpenReference(t)
	svc := ingest.New(fresh)
	sc := bufio.NewScanner(strings.NewReader(string(body)))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var in ingest.Input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Ingest(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	got, err := fresh.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the round trip: %+v, want %+v", got, want)
	}
}
