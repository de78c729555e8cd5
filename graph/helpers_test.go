package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// gqlResponse is a GraphQL response body.
type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

// gqlError is one error of a GraphQL response.
type gqlError struct {
	Message   string `json:"message"`
	Path      []any  `json:"path"`
	Locations []struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"locations"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// api is a test server over a real embedded store.
type api struct {
	url string
}

// openStore opens an empty store under test (see package teststore),
// closed when the test ends.
func openStore(tb testing.TB) newsgraph.Store {
	tb.Helper()
	return teststore.Open(tb)
}

// upsert writes b to s.
func upsert(tb testing.TB, s newsgraph.Writer, b newsgraph.Batch) {
	tb.Helper()
	if _, err := s.Upsert(context.Background(), b); err != nil {
		tb.Fatalf("Upsert: %v", err)
	}
}

// serve starts a test server for store with cfg; the logger writes to the
// test log.
func serve(tb testing.TB, store newsgraph.Store, cfg graph.Config) api {
	tb.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(testWriter{tb}, nil))
	}
	srv := httptest.NewServer(graph.NewHandler(store, cfg))
	tb.Cleanup(srv.Close)
	return api{url: srv.URL}
}

// fixtureAPI serves the small fixture graph.
func fixtureAPI(tb testing.TB) api {
	tb.Helper()
	s := openStore(tb)
	upsert(tb, s, fixture())
	return serve(tb, s, graph.Config{})
}

// seedAPI serves the curated seed graph.
func seedAPI(tb testing.TB) api {
	tb.Helper()
	s := openStore(tb)
	if err := seed.Load(context.Background(), s); err != nil {
		tb.Fatalf("seed.Load: %v", err)
	}
	return serve(tb, s, graph.Config{})
}

// post sends a query with variables and decodes the response, failing the
// test on a transport error or a body that is not a GraphQL response.
func (a api) post(tb testing.TB, query string, vars map[string]any) gqlResponse {
	tb.Helper()
	return a.postBody(tb, map[string]any{"query": query, "variables": vars})
}

// postBody sends request (a GraphQL request object) as the JSON body and
// decodes the response.
func (a api) postBody(tb testing.TB, request map[string]any) gqlResponse {
	tb.Helper()
	body, err := json.Marshal(request)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := http.Post(a.url, "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read body: %v", err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		tb.Fatalf("response is not JSON (status %d): %v\n%s", resp.StatusCode, err, raw)
	}
	return out
}

// query sends a query that must succeed and decodes its data into out.
func (a api) query(tb testing.TB, query string, vars map[string]any, out any) {
	tb.Helper()
	resp := a.post(tb, query, vars)
	if len(resp.Errors) > 0 {
		tb.Fatalf("query failed: %+v\nquery: %s", resp.Errors, query)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, resp.Data)
	}
}

// mustFail sends a query that must fail with code and a message containing
// every string of wantInMessage.
func (a api) mustFail(tb testing.TB, query string, vars map[string]any, code string, wantInMessage ...string) gqlError {
	tb.Helper()
	resp := a.post(tb, query, vars)
	if len(resp.Errors) == 0 {
		tb.Fatalf("query succeeded, want error %s: %s", code, resp.Data)
	}
	e := resp.Errors[0]
	if got := e.code(); got != code {
		tb.Errorf("code = %q, want %q (message %q)", got, code, e.Message)
	}
	for _, s := range wantInMessage {
		if !strings.Contains(e.Message, s) {
			tb.Errorf("message %q does not contain %q", e.Message, s)
		}
	}
	return e
}

// testWriter sends log output to the test log.
type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Helper()
	w.tb.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// The fixture: a small graph with one entity of every kind, so that tests
// can assert exact results.
const (
	docAlpha = "doc:alpha"
	docBeta  = "doc:beta"

	ana         = "person:ana-lopez"
	bob         = "person:bob-smith"
	acme        = "organization:acme"
	springfield = "place:springfield"
	fto         = "legal-concept:foreign-terrorist-organization"
	summit      = "event:springfield-summit"
	claimEvil   = "claim:acme-is-evil"
)

const alphaText = "Ana Lopez works for Acme. Bob Smith criticized Acme on Monday. " +
	"Acme is based in Springfield. Ana Lopez attended the Springfield summit. " +
	"Bob Smith claimed that Acme is evil. Acme was designated a terrorist organization."

const betaText = "The summit took place in Springfield. Bob Smith criticized Acme again."

func evidence(doc, quote string) []newsgraph.Evidence {
	return []newsgraph.Evidence{{Quote: quote, DocumentID: doc}}
}

func fixture() newsgraph.Batch {
	return newsgraph.Batch{
		Documents: []*newsgraph.Document{
			{ID: docAlpha, Title: "Alpha report", PublishedAt: newsgraph.MustParseDate("2025-11-18"), Source: "Wire", URL: "https://example.com/alpha", Text: alphaText},
			{ID: docBeta, Title: "Beta report", Text: betaText},
		},
		Entities: []*newsgraph.Entity{
			{ID: ana, Kind: newsgraph.KindPerson, Name: "Ana López", Aliases: []string{"Ana"}, Roles: []string{"Engineer"}, Description: "An engineer."},
			{ID: bob, Kind: newsgraph.KindPerson, Name: "Bob Smith"},
			{ID: acme, Kind: newsgraph.KindOrganization, Name: "Acme", Aliases: []string{"Acme Corporation"}},
			{ID: springfield, Kind: newsgraph.KindPlace, Name: "Springfield"},
			{ID: fto, Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization", Aliases: []string{"FTO"}, Jurisdiction: "US domestic law"},
			{ID: summit, Kind: newsgraph.KindEvent, Name: "Springfield summit", StartDate: newsgraph.MustParseDate("2025-11-17"), PlaceID: springfield},
			{ID: claimEvil, Kind: newsgraph.KindClaim, Name: "Acme is evil", ClaimText: "Acme is evil", ClaimantID: bob, Verdict: newsgraph.VerdictUnsupported},
		},
		Relations: []*newsgraph.Relation{
			{From: ana, Type: "WORKS_FOR", To: acme, Evidence: evidence(docAlpha, "Ana Lopez works for Acme."), ValidFrom: newsgraph.MustParseDate("2020-01-01")},
			{From: bob, Type: "CRITICIZES", To: acme, Confidence: 0.8, Evidence: append(evidence(docAlpha, "Bob Smith criticized Acme on Monday."), evidence(docBeta, "Bob Smith criticized Acme again.")...)},
			{From: acme, Type: "LOCATED_IN", To: springfield, Evidence: evidence(docAlpha, "Acme is based in Springfield.")},
			{From: ana, Type: "ATTENDED", To: summit, Evidence: evidence(docAlpha, "Ana Lopez attended the Springfield summit.")},
			{From: bob, Type: "CLAIMS", To: claimEvil, Evidence: evidence(docAlpha, "Bob Smith claimed that Acme is evil.")},
			{From: acme, Type: "DESIGNATED_AS", To: fto, Evidence: evidence(docAlpha, "Acme was designated a terrorist organization.")},
			{From: summit, Type: "HELD_IN", To: springfield, Evidence: evidence(docBeta, "The summit took place in Springfield.")},
		},
	}
}

// chainBatch is a chain of n+1 people, each KNOWS the next, with evidence
// alternating between two documents: n relations for paging and batching
// tests.
func chainBatch(n int) newsgraph.Batch {
	var b newsgraph.Batch
	var texts [2]strings.Builder
	person := func(i int) string { return fmt.Sprintf("person:p%03d", i) }
	for i := 0; i <= n; i++ {
		b.Entities = append(b.Entities, &newsgraph.Entity{ID: person(i), Kind: newsgraph.KindPerson, Name: fmt.Sprintf("P%03d", i)})
	}
	for i := 0; i < n; i++ {
		quote := fmt.Sprintf("P%03d knows P%03d.", i, i+1)
		texts[i%2].WriteString(quote + " ")
		b.Relations = append(b.Relations, &newsgraph.Relation{
			From: person(i), Type: "KNOWS", To: person(i + 1),
			Evidence: evidence(fmt.Sprintf("doc:chain-%d", i%2), quote),
		})
	}
	for i, t := range texts {
		b.Documents = append(b.Documents, &newsgraph.Document{ID: fmt.Sprintf("doc:chain-%d", i), Title: fmt.Sprintf("Chain %d", i), Text: t.String()})
	}
	return b
}

// discardLogger drops log output, for the fuzzer's many iterations.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
