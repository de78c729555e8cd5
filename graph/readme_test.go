package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// readmeQueries returns the GraphQL examples of the README: every fenced
// ```graphql block.
func readmeQueries(tb testing.TB) []string {
	tb.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		tb.Fatal(err)
	}
	var queries []string
	for _, m := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllSubmatch(raw, -1) {
		queries = append(queries, string(m[1]))
	}
	if len(queries) < 5 {
		tb.Fatalf("found %d graphql examples in README.md, want at least 5", len(queries))
	}
	return queries
}

// TestReadmeExamplesAnswerAlikeOnEveryStore runs every GraphQL example of
// the README on the seed graph, on the store under test and on the
// embedded store, and requires answers without errors, with data, and the
// same on both (see comparable): on Neo4j this compares the production
// store with the embedded one, value for value.
func TestReadmeExamplesAnswerAlikeOnEveryStore(t *testing.T) {
	var apis [2]api
	for i, s := range []newsgraph.Store{openStore(t), teststore.OpenReference(t)} {
		if err := seed.Load(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		apis[i] = serve(t, s, graph.Config{})
	}
	for i, q := range readmeQueries(t) {
		got, want := apis[0].post(t, q, nil), apis[1].post(t, q, nil)
		if len(got.Errors) > 0 || len(want.Errors) > 0 {
			t.Errorf("example %d failed: %+v / %+v\n%s", i+1, got.Errors, want.Errors, q)
			continue
		}
		if len(got.Data) < 40 {
			t.Errorf("example %d answered little: %s", i+1, got.Data)
		}
		if !bytes.Equal(comparable(t, got.Data), comparable(t, want.Data)) {
			t.Errorf("example %d answers differently on %s and embedded:\n%s: %s\nembedded: %s\n%s",
				i+1, teststore.Name(), teststore.Name(), got.Data, want.Data, q)
		}
	}
}

// comparable returns the data of an answer as canonical JSON, with what the
// Store contract leaves to each store taken out: of a shortestPath, when
// several shortest paths exist, any one may be returned, so only its length
// is kept.
func comparable(tb testing.TB, data []byte) []byte {
	tb.Helper()
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		tb.Fatal(err)
	}
	if p, ok := v["shortestPath"].(map[string]any); ok {
		v["shortestPath"] = map[string]any{"length": p["length"]}
	}
	out, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
