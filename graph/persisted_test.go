package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

const (
	statsQuery  = "query Stats { stats { entities relations documents } }"
	searchQuery = `query Find { search(query: "sheinbaum") { entity { id } } }`
)

func sha(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// persisted is a request naming its query by hash, with or without text.
func persisted(hash, query string) map[string]any {
	req := map[string]any{"extensions": map[string]any{
		"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash},
	}}
	if query != "" {
		req["query"] = query
	}
	return req
}

// TestPersistedQueries runs Apollo's persisted-query protocol against each
// mode: what is answered, and with which code when refused.
func TestPersistedQueries(t *testing.T) {
	store := openStore(t)
	upsert(t, store, fixture())
	automatic := serve(t, store, graph.Config{})
	allowlist := serve(t, store, graph.Config{PersistedQueries: graph.PersistedQueriesAllowlist, Allowlist: graph.NewAllowlist(statsQuery)})
	off := serve(t, store, graph.Config{PersistedQueries: graph.PersistedQueriesOff})
	tests := []struct {
		name     string
		api      api
		requests []map[string]any // sent in order; the last one's answer is checked
		wantCode string           // "" for an answer with data
	}{
		{"apq: an unknown hash asks for the query", automatic,
			[]map[string]any{persisted(sha(statsQuery), "")}, "PERSISTED_QUERY_NOT_FOUND"},
		{"apq: hash and text run and are kept", automatic,
			[]map[string]any{persisted(sha(statsQuery), statsQuery)}, ""},
		{"apq: then the hash alone runs", automatic,
			[]map[string]any{persisted(sha(statsQuery), statsQuery), persisted(sha(statsQuery), "")}, ""},
		{"apq: a hash that is not the text's is refused", automatic,
			[]map[string]any{persisted(sha(searchQuery), statsQuery)}, "BAD_USER_INPUT"},
		{"apq: plain queries still run", automatic,
			[]map[string]any{{"query": searchQuery}}, ""},
		{"allowlist: a listed hash runs without text", allowlist,
			[]map[string]any{persisted(sha(statsQuery), "")}, ""},
		{"allowlist: a listed text runs without hash", allowlist,
			[]map[string]any{{"query": statsQuery}}, ""},
		{"allowlist: another text is forbidden", allowlist,
			[]map[string]any{{"query": searchQuery}}, "FORBIDDEN"},
		{"allowlist: another text with its own hash is forbidden, not kept", allowlist,
			[]map[string]any{persisted(sha(searchQuery), searchQuery), persisted(sha(searchQuery), "")}, "FORBIDDEN"},
		{"allowlist: a listed hash with another text is refused", allowlist,
			[]map[string]any{persisted(sha(statsQuery), searchQuery)}, "BAD_USER_INPUT"},
		{"allowlist: a malformed hash is refused", allowlist,
			[]map[string]any{persisted("abc", "")}, "BAD_USER_INPUT"},
		{"allowlist: introspection is forbidden too", allowlist,
			[]map[string]any{{"query": "{ __schema { queryType { name } } }"}}, "FORBIDDEN"},
		{"off: the extension is ignored and the text runs", off,
			[]map[string]any{persisted(sha(searchQuery), statsQuery)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp gqlResponse
			for _, req := range tt.requests {
				resp = tt.api.postBody(t, req)
			}
			if tt.wantCode == "" {
				if len(resp.Errors) > 0 || len(resp.Data) < 10 {
					t.Fatalf("want data, got %+v %s", resp.Errors, resp.Data)
				}
				return
			}
			if got := errorCode(resp); got != tt.wantCode {
				t.Fatalf("code = %q, want %q (%+v)", got, tt.wantCode, resp.Errors)
			}
			if string(resp.Data) != "" && string(resp.Data) != "null" {
				t.Errorf("a refused operation answered data %s", resp.Data)
			}
		})
	}
}

func TestLoadAllowlist(t *testing.T) {
	op := func(id, body string) map[string]any {
		return map[string]any{"id": id, "name": "Stats", "type": "query", "body": body}
	}
	manifest := func(format string, ops ...map[string]any) string {
		b, err := json.Marshal(map[string]any{"format": format, "version": 1, "operations": ops})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const format = "apollo-persisted-query-manifest"
	tests := []struct {
		name    string
		file    string
		wantLen int
		wantErr string
	}{
		{"an Apollo manifest", manifest(format, op(sha(statsQuery), statsQuery), op(sha(searchQuery), searchQuery)), 2, ""},
		{"an id that is not its body's hash", manifest(format, op(sha(searchQuery), statsQuery)), 0, "hashes to"},
		{"an operation without body", manifest(format, op(sha(""), "")), 0, "no body"},
		{"another format", manifest("relay", op(sha(statsQuery), statsQuery)), 0, "want \"apollo-persisted-query-manifest\""},
		{"not JSON", "{", 0, "manifest"},
		{"an unknown field", `{"format":"apollo-persisted-query-manifest","version":1,"operations":[],"extra":1}`, 0, "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := graph.LoadAllowlist(strings.NewReader(tt.file))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Len() != tt.wantLen {
				t.Errorf("Len = %d, want %d", a.Len(), tt.wantLen)
			}
		})
	}
}

// TestAMisconfiguredHandlerFailsClosed: an allowlist mode without an
// allowlist is a configuration error, and a handler built anyway refuses
// everything instead of accepting everything.
func TestAMisconfiguredHandlerFailsClosed(t *testing.T) {
	for _, cfg := range []graph.Config{
		{PersistedQueries: graph.PersistedQueriesAllowlist},
		{PersistedQueries: "sometimes"},
	} {
		if err := cfg.Validate(); err == nil {
			t.Errorf("Validate(%q) = nil, want an error", cfg.PersistedQueries)
		}
		cfg.Logger = discardLogger()
		a := serve(t, openStore(t), cfg)
		if got := errorCode(a.post(t, statsQuery, nil)); got != "FORBIDDEN" {
			t.Errorf("mode %q: code = %q, want FORBIDDEN", cfg.PersistedQueries, got)
		}
	}
	if err := (graph.Config{}).Validate(); err != nil {
		t.Errorf("the zero Config is invalid: %v", err)
	}
}

// FuzzLoadAllowlist: any file either loads or is refused with an error;
// what loads admits exactly the operations whose ids hash their bodies.
func FuzzLoadAllowlist(f *testing.F) {
	f.Add(`{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"` + sha(statsQuery) + `","name":"Stats","type":"query","body":"` + statsQuery + `"}]}`)
	f.Add(`{"format":"apollo-persisted-query-manifest","version":1,"operations":[]}`)
	f.Add(`{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"x","body":"{a}"}]}`)
	f.Add(`[]`)
	f.Add(`{"format":"apollo-persisted-query-manifest","version":2}`)
	f.Fuzz(func(t *testing.T, file string) {
		a, err := graph.LoadAllowlist(strings.NewReader(file))
		if err != nil {
			if a != nil {
				t.Fatal("an allowlist returned with an error")
			}
			return
		}
		var m struct {
			Operations []struct{ ID, Body string }
		}
		if json.Unmarshal([]byte(file), &m) != nil {
			t.Fatalf("LoadAllowlist accepted what encoding/json cannot decode: %q", file)
		}
		for _, op := range m.Operations {
			if sha(op.Body) != op.ID {
				t.Fatalf("an operation whose id is not its body's hash was admitted: %+v", op)
			}
		}
		if a.Len() > len(m.Operations) {
			t.Fatalf("Len %d of %d operations", a.Len(), len(m.Operations))
		}
	})
}
