package subgraph_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/countstore"
	"github.com/newsgraph/newsgraph/storetest/teststore"
	"github.com/newsgraph/newsgraph/subgraph"
)

// response is the json response, read with encoding/json.
type response struct {
	Root      string `json:"root"`
	Truncated bool   `json:"truncated"`
	Nodes     []node `json:"nodes"`
	Edges     []edge `json:"edges"`
}

type node struct {
	ID, Name, Kind string
	Hops, Degree   int
}

type edge struct {
	ID, Type, From, To string
	Confidence         float64
	Corroboration      int
	Status             string
}

// want is what the response for q must hold: the store's own subgraph, each
// edge's corroboration counted from its evidence and its status by the
// schema's rule for Relation.status (DISPUTED when an end is a CLAIM that
// a CONTRADICTS relation other than this one ends at).
func want(t *testing.T, s newsgraph.Store, q newsgraph.NeighborhoodQuery) response {
	t.Helper()
	sgs, err := s.Neighborhoods(t.Context(), []newsgraph.NeighborhoodQuery{q})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range sgs[0].Nodes {
		ids = append(ids, n.ID)
	}
	degrees, err := s.Degrees(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	r := response{Root: q.ID, Truncated: sgs[0].Truncated, Nodes: []node{}, Edges: []edge{}}
	for i, n := range sgs[0].Nodes {
		r.Nodes = append(r.Nodes, node{n.ID, n.Name, string(n.Kind), sgs[0].Hops[i], degrees[n.ID]})
	}
	pages, err := s.Relations(t.Context(), []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{Types: []string{newsgraph.ContradictsType}}, First: newsgraph.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	contradicting := map[string][]string{} // claim id -> ids of the CONTRADICTS relations ending at it
	for _, c := range pages[0].Items {
		contradicting[c.To] = append(contradicting[c.To], c.ID)
	}
	for _, e := range sgs[0].Edges {
		status := "ASSERTED"
		for _, end := range []string{e.From, e.To} {
			for _, c := range contradicting[end] {
				if c != e.ID && newsgraph.KindOfID(end) == newsgraph.KindClaim {
					status = "DISPUTED"
				}
			}
		}
		r.Edges = append(r.Edges, edge{e.ID, e.Type, e.From, e.To, e.Confidence, len(e.DocumentIDs()), status})
	}
	return r
}

// contradiction is a relation that disputes the fixture's claim, so that
// the edges at the claim are DISPUTED, all but itself.
var contradiction = &newsgraph.Relation{
	ID: newsgraph.RelationID(storetest.PersonSheinbaum, newsgraph.ContradictsType, storetest.ClaimCartels), Type: newsgraph.ContradictsType,
	From: storetest.PersonSheinbaum, To: storetest.ClaimCartels,
	Evidence: []newsgraph.Evidence{{Quote: "Sheinbaum said Mexico would cooperate with Washington without subordination", DocumentID: storetest.DocResponse}},
}

func get(t *testing.T, base, query string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+subgraph.Path+"?"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
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

func serve(t *testing.T, s newsgraph.Traverser, keys *auth.KeySet, requireKey bool, timeout time.Duration) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(subgraph.Path, subgraph.Handler(s, subgraph.Config{Keys: keys, RequireKey: requireKey, Timeout: timeout}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestResponsesHoldTheStoresSubgraph reads both formats with real decoders
// and compares them with the store's answer to the same query.
func TestResponsesHoldTheStoresSubgraph(t *testing.T) {
	s := teststore.Open(t)
	graph := storetest.Fixture()
	graph.Relations = append(graph.Relations, contradiction)
	if _, err := s.Upsert(t.Context(), graph); err != nil {
		t.Fatal(err)
	}
	// What the cases must show between them, so that the comparisons test
	// the edge fields: an edge quoted from two documents, a disputed edge,
	// and the contradiction itself, which is asserted.
	seen := map[string]bool{}
	defer func() {
		for _, what := range []string{"corroboration 2", "DISPUTED", "contradiction ASSERTED"} {
			if !seen[what] {
				t.Errorf("no case has an edge with %s: the comparisons do not test it", what)
			}
		}
	}()
	base := serve(t, s, nil, false, 10*time.Second)
	for _, tt := range []struct {
		query string
		q     newsgraph.NeighborhoodQuery
	}{
		{"root=" + storetest.PlaceMexico, newsgraph.NeighborhoodQuery{ID: storetest.PlaceMexico, Depth: 1, Limit: newsgraph.DefaultNeighborhood}},
		{"root=" + storetest.PlaceMexico + "&depth=2&limit=4", newsgraph.NeighborhoodQuery{ID: storetest.PlaceMexico, Depth: 2, Limit: 4}},
		{"root=" + storetest.PersonTrump + "&depth=3&direction=out&types=MAKES_CLAIM,ABOUT&kinds=claim,place",
			newsgraph.NeighborhoodQuery{ID: storetest.PersonTrump, Depth: 3, Direction: newsgraph.Out, Types: []string{"MAKES_CLAIM", "ABOUT"}, Kinds: []newsgraph.Kind{newsgraph.KindClaim, newsgraph.KindPlace}, Limit: newsgraph.DefaultNeighborhood}},
		{"root=" + storetest.OrgSinaloaCartel + "&depth=2&asOf=2025-01-01", newsgraph.NeighborhoodQuery{ID: storetest.OrgSinaloaCartel, Depth: 2, Limit: newsgraph.DefaultNeighborhood, AsOf: newsgraph.MustParseDate("2025-01-01")}},
		{"root=" + storetest.OrgSinaloaCartel + "&depth=2&induced=true", newsgraph.NeighborhoodQuery{ID: storetest.OrgSinaloaCartel, Depth: 2, Limit: newsgraph.DefaultNeighborhood, Induced: true}},
		{"root=" + storetest.ClaimCartels, newsgraph.NeighborhoodQuery{ID: storetest.ClaimCartels, Depth: 1, Limit: newsgraph.DefaultNeighborhood}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			w := want(t, s, tt.q)
			if len(w.Nodes) < 2 {
				t.Fatalf("the query finds %d nodes: pick one that finds more", len(w.Nodes))
			}
			if tt.q.Induced {
				walk := tt.q
				walk.Induced = false
				if len(want(t, s, walk).Edges) >= len(w.Edges) {
					t.Fatalf("induced edges add nothing to this walk: pick one where they do")
				}
			}
			if last := w.Nodes[len(w.Nodes)-1]; last.Hops == 0 || last.Degree == 0 {
				t.Fatalf("the last node %+v has no hops or degree: the comparison would not test them", last)
			}
			for _, e := range w.Edges {
				seen["corroboration 2"] = seen["corroboration 2"] || e.Corroboration == 2
				seen["DISPUTED"] = seen["DISPUTED"] || e.Status == "DISPUTED"
				seen["contradiction ASSERTED"] = seen["contradiction ASSERTED"] || e.ID == contradiction.ID && e.Status == "ASSERTED"
			}
			resp, body := get(t, base, tt.query, nil)
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("status %d, content type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
			var got response
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("the json response does not decode: %v\n%s", err, body)
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("json response = %+v\nwant %+v", got, w)
			}

			resp, body = get(t, base, tt.query+"&format=ndjson", nil)
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/x-ndjson" {
				t.Fatalf("ndjson: status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			lines := response{Nodes: []node{}, Edges: []edge{}}
			sc := bufio.NewScanner(strings.NewReader(string(body)))
			for sc.Scan() {
				var line struct {
					Node      *node  `json:"node"`
					Edge      *edge  `json:"edge"`
					Root      string `json:"root"`
					Truncated bool   `json:"truncated"`
				}
				if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
					t.Fatalf("ndjson line %q does not decode: %v", sc.Text(), err)
				}
				switch {
				case line.Node != nil:
					lines.Nodes = append(lines.Nodes, *line.Node)
				case line.Edge != nil:
					lines.Edges = append(lines.Edges, *line.Edge)
				default:
					lines.Root, lines.Truncated = line.Root, line.Truncated
				}
			}
			if !reflect.DeepEqual(lines, w) {
				t.Errorf("ndjson response = %+v\nwant %+v", lines, w)
			}
		})
	}
}

// slowStore answers Neighborhoods only after the request's deadline, with
// the real store's answer to the expired context.
type slowStore struct{ newsgraph.Store }

func (s slowStore) Neighborhoods(ctx context.Context, qs []newsgraph.NeighborhoodQuery) ([]newsgraph.Subgraph, error) {
	<-ctx.Done()
	return s.Store.Neighborhoods(ctx, qs)
}

// TestErrorsCarryTheAPIsCodes checks every refusal: status, code and a
// message that says what to change.
func TestErrorsCarryTheAPIsCodes(t *testing.T) {
	s := teststore.Open(t)
	if _, err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	key, entry, err := auth.NewKey(auth.ScopeRead, "reader", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.NewKeySet([]auth.Entry{entry})
	if err != nil {
		t.Fatal(err)
	}
	open := serve(t, s, keys, false, 10*time.Second)
	closed := serve(t, s, keys, true, 10*time.Second)
	slow := serve(t, slowStore{s}, nil, false, 20*time.Millisecond)
	bearer := func(k string) http.Header { return http.Header{"Authorization": {"Bearer " + k}} }
	for _, tt := range []struct {
		name, base, query string
		header            http.Header
		status            int
		code, inMessage   string
	}{
		{"no root", open, "depth=2", nil, 400, "BAD_USER_INPUT", "root"},
		{"depth too large", open, "root=" + storetest.PlaceMexico + "&depth=9", nil, 400, "LIMIT_EXCEEDED", "4"},
		{"depth not a number", open, "root=" + storetest.PlaceMexico + "&depth=two", nil, 400, "BAD_USER_INPUT", "depth"},
		{"limit too large", open, "root=" + storetest.PlaceMexico + "&limit=501", nil, 400, "LIMIT_EXCEEDED", "500"},
		{"bad direction", open, "root=" + storetest.PlaceMexico + "&direction=sideways", nil, 400, "BAD_USER_INPUT", "SIDEWAYS"},
		{"bad date", open, "root=" + storetest.PlaceMexico + "&asOf=yesterday", nil, 400, "BAD_USER_INPUT", "asOf"},
		{"bad format", open, "root=" + storetest.PlaceMexico + "&format=xml", nil, 400, "BAD_USER_INPUT", "format"},
		{"bad induced", open, "root=" + storetest.PlaceMexico + "&induced=yes", nil, 400, "BAD_USER_INPUT", "induced"},
		{"unknown root", open, "root=" + url.QueryEscape("person:nobody"), nil, 404, "NOT_FOUND", "person:nobody"},
		{"unknown key", open, "root=" + storetest.PlaceMexico, bearer("ngk_0123456789ab_" + strings.Repeat("A", 43)), 401, "UNAUTHENTICATED", ""},
		{"no key where reads need one", closed, "root=" + storetest.PlaceMexico, nil, 401, "UNAUTHENTICATED", "key"},
		{"deadline", slow, "root=" + storetest.PlaceMexico, nil, 400, "LIMIT_EXCEEDED", "time limit of 20ms"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, tt.base, tt.query, tt.header)
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			code, message := errorOf(t, body)
			if code != tt.code || !strings.Contains(message, tt.inMessage) {
				t.Errorf("error = %s %q, want %s naming %q", code, message, tt.code, tt.inMessage)
			}
		})
	}
	if resp, body := get(t, closed, "root="+storetest.PlaceMexico, bearer(key)); resp.StatusCode != http.StatusOK {
		t.Errorf("a valid key where reads need one: status %d: %s", resp.StatusCode, body)
	}
	resp, err := http.Post(open+subgraph.Path+"?root="+storetest.PlaceMexico, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") == "" {
		t.Errorf("POST: status %d, Allow %q; want 405 with Allow", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// errorOf returns the code and message of an error body in either of the
// shapes the handler answers: its own {"error":{...}}, or the GraphQL-shaped
// {"errors":[...]} of a refused key.
func errorOf(t *testing.T, body []byte) (string, string) {
	t.Helper()
	var e struct {
		Error struct {
			Code    newsgraph.Code
			Message string
		}
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body does not decode: %v\n%s", err, body)
	}
	if len(e.Errors) > 0 {
		return e.Errors[0].Extensions.Code, e.Errors[0].Message
	}
	return string(e.Error.Code), e.Error.Message
}

// TestRefusedKeysAreLogged: a key refused on /v1/subgraph is logged with
// the key id tried, as on /graphql, and never with the secret.
func TestRefusedKeysAreLogged(t *testing.T) {
	s := teststore.Open(t)
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, nil))
	mux := http.NewServeMux()
	mux.Handle(subgraph.Path, subgraph.Handler(s, subgraph.Config{Timeout: time.Second, Logger: logger}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	secret := strings.Repeat("A", 43)
	resp, body := get(t, srv.URL, "root="+storetest.PlaceMexico, http.Header{"Authorization": {"Bearer ngk_0123456789ab_" + secret}})
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401: %s", resp.StatusCode, body)
	}
	got := log.String()
	if !strings.Contains(got, "authentication failed") || !strings.Contains(got, "keyId=0123456789ab") {
		t.Errorf("the refusal is not logged with its key id:\n%s", got)
	}
	if strings.Contains(got, secret) {
		t.Errorf("the log holds the key's secret:\n%s", got)
	}
}

// TestStoreRoundTrips counts the store calls of a response: the walk
// alone, whatever its size and whether its edges need a status read from
// contradicted claims.
func TestStoreRoundTrips(t *testing.T) {
	s := teststore.Open(t)
	graph := storetest.Fixture()
	graph.Relations = append(graph.Relations, contradiction)
	if _, err := s.Upsert(t.Context(), graph); err != nil {
		t.Fatal(err)
	}
	counting := countstore.New(s)
	base := serve(t, counting, nil, false, 0) // no Timeout: no bound of the handler's own

	for _, tt := range []struct {
		query string
		want  map[string]int
	}{
		{"root=" + storetest.ChainA + "&depth=4&induced=true", map[string]int{"Neighborhoods": 1}},
		{"root=" + storetest.PlaceWashington, map[string]int{"Neighborhoods": 1}},
		{"root=" + storetest.ClaimCartels, map[string]int{"Neighborhoods": 1}},
		{"root=" + storetest.PlaceMexico + "&depth=3&induced=true&format=ndjson", map[string]int{"Neighborhoods": 1}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			counting.Reset()
			if resp, body := get(t, base, tt.query, nil); resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if got := counting.All(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("store calls = %v, want %v", got, tt.want)
			}
		})
	}
}
