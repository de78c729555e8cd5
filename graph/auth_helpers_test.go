package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seed"
)

// keyring holds one key of every scope and the KeySet that knows them.
type keyring struct {
	set                *auth.KeySet
	read, write, admin string
}

func newKeyring(tb testing.TB) keyring {
	tb.Helper()
	var k keyring
	var entries []auth.Entry
	for _, s := range []struct {
		scope auth.Scope
		key   *string
	}{{auth.ScopeRead, &k.read}, {auth.ScopeWrite, &k.write}, {auth.ScopeAdmin, &k.admin}} {
		key, e, err := auth.NewKey(s.scope, string(s.scope)+"-test", time.Now())
		if err != nil {
			tb.Fatalf("NewKey(%s): %v", s.scope, err)
		}
		*s.key = key
		entries = append(entries, e)
	}
	set, err := auth.NewKeySet(entries)
	if err != nil {
		tb.Fatalf("NewKeySet: %v", err)
	}
	k.set = set
	return k
}

// writeAPI is a test server over the seed graph that accepts the keys of
// its keyring, with its store and the broker its subscriptions use.
type writeAPI struct {
	api
	keys   keyring
	store  newsgraph.Store
	broker *events.Broker
}

func seedWriteAPI(tb testing.TB, cfg graph.Config) writeAPI {
	tb.Helper()
	s := openStore(tb)
	if err := seed.Load(context.Background(), s); err != nil {
		tb.Fatalf("seed.Load: %v", err)
	}
	keys := newKeyring(tb)
	cfg.Keys = keys.set
	if cfg.Broker == nil {
		cfg.Broker = events.NewBroker(nil, 0)
	}
	return writeAPI{api: serve(tb, s, cfg), keys: keys, store: s, broker: cfg.Broker}
}

// postAs sends a query with an API key ("" for none) and decodes the
// response, with its HTTP status.
func (a api) postAs(tb testing.TB, key, query string, vars map[string]any) (gqlResponse, int) {
	tb.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		tb.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, a.url, bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
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
	return out, resp.StatusCode
}

// mutate sends an operation with key that must succeed and decodes its
// data into out.
func (a api) mutate(tb testing.TB, key, query string, vars map[string]any, out any) {
	tb.Helper()
	resp, _ := a.postAs(tb, key, query, vars)
	if len(resp.Errors) > 0 {
		tb.Fatalf("operation failed: %+v\n%s", resp.Errors, query)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, resp.Data)
	}
}

// errorCode returns the code of the first error of resp, "" when none.
func errorCode(resp gqlResponse) string {
	if len(resp.Errors) == 0 {
		return ""
	}
	return resp.Errors[0].code()
}

// The second article: it names seed actors by other names, corroborates
// two seed relations and adds one new entity and relation.
const (
	secondDocID   = "doc:second-article"
	secondDocDate = "2025-11-20"
	secondText    = "President Trump said on Tuesday that strikes on cartels remained an option. " +
		"Claudia Sheinbaum repeated that there will be no US military intervention in Mexico. " +
		"The Mexican Senate backed Sheinbaum's position."
	noInterventionClaim = "claim:no-us-military-intervention-will-happen-in-mexico"
	sheinbaum           = "person:claudia-sheinbaum"
	trump               = "person:donald-trump"
)

const ingestMutation = `mutation($input: IngestInput!) { ingestDocument(input: $input) {
	document { id publishedAt }
	created { id kind name }
	matched { id }
	relationsCreated relationsCorroborated
	createdRelations { id }
	corroboratedRelations { id corroboration firstReported lastReported }
} }`

func secondArticle() map[string]any {
	return map[string]any{
		"document": map[string]any{"id": secondDocID, "title": "Second article", "publishedAt": secondDocDate, "source": "Test wire", "text": secondText},
		"entities": []any{
			map[string]any{"ref": "trump", "kind": "PERSON", "name": "President Trump"},
			map[string]any{"ref": "sheinbaum", "kind": "PERSON", "name": "Sheinbaum"},
			map[string]any{"ref": "senate", "kind": "ORGANIZATION", "name": "Mexican Senate"},
		},
		"relations": []any{
			map[string]any{"type": "CONSIDERED", "from": "trump", "to": "legal-concept:foreign-military-intervention",
				"quotes": []string{"President Trump said on Tuesday that strikes on cartels remained an option."}},
			map[string]any{"type": "CLAIMS", "from": "sheinbaum", "to": noInterventionClaim,
				"quotes": []string{"Claudia Sheinbaum repeated that there will be no US military intervention in Mexico."}},
			map[string]any{"type": "SUPPORTS", "from": "senate", "to": "sheinbaum",
				"quotes": []string{"The Mexican Senate backed Sheinbaum's position."}},
		},
	}
}

// ingestResult is the data of ingestMutation.
type ingestResult struct {
	IngestDocument struct {
		Document struct{ ID, PublishedAt string }
		Created  []struct{ ID, Kind, Name string }
		Matched  []struct{ ID string }

		RelationsCreated      int
		RelationsCorroborated int
		CreatedRelations      []struct{ ID string }
		CorroboratedRelations []struct {
			ID                          string
			Corroboration               int
			FirstReported, LastReported string
		}
	}
}
