package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The hostile-input suite: every probe of an anonymous client that once
// cost the server far more than a request should, replayed against the
// real handler over HTTP. Each gets a coded refusal, or an answer, within
// a budget far below the time it used to take; budgets are generous
// bounds on runaway work, not speed targets.

// aliased returns an operation running field n times under aliases.
func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// oneLetterWords returns n one-letter words, a to z over and over.
func oneLetterWords(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = string(rune('a' + i%26))
	}
	return strings.Join(words, " ")
}

func TestHostileOperationsAreRefusedWithACode(t *testing.T) {
	a := seedAPI(t)
	tests := []struct {
		name    string
		query   string
		vars    map[string]any
		code    string
		message []string
	}{
		{
			name:    "search of 500 one-letter words aliased 100 times",
			query:   aliased(100, `search(query: $q) { score }`),
			code:    "LIMIT_EXCEEDED",
			message: []string{"100 root fields", "limit of 20"},
		},
		{
			name:    "search of 500 one-letter words",
			query:   `query($q: String!) { search(query: $q) { score } }`,
			vars:    map[string]any{"q": oneLetterWords(500)},
			code:    "LIMIT_EXCEEDED",
			message: []string{"at most 12 distinct words", "26"},
		},
		{
			name:    "documents with their text aliased 150 times",
			query:   aliased(150, `entity(id: "person:claudia-sheinbaum") { documents { text } }`),
			code:    "LIMIT_EXCEEDED",
			message: []string{"limit of 20"},
		},
		{
			name:    "documents with their text, under the root-field limit",
			query:   aliased(19, `entity(id: "person:claudia-sheinbaum") { documents { text } }`),
			code:    "LIMIT_EXCEEDED",
			message: []string{"complexity", "limit of 30000"},
		},
		{
			name:    "aliases nested below the root",
			query:   `{ entity(id: "person:claudia-sheinbaum") { ` + strings.TrimSuffix(strings.TrimPrefix(aliased(31, "name"), "{"), "}") + ` } }`,
			code:    "LIMIT_EXCEEDED",
			message: []string{"31 aliased fields", "limit of 30"},
		},
		{
			name:    "documents above the page limit",
			query:   `{ entity(id: "person:claudia-sheinbaum") { documents(first: 501) { id } } }`,
			code:    "LIMIT_EXCEEDED",
			message: []string{"at most 500"},
		},
		{
			name:    "subscription sent by POST",
			query:   `subscription { graphChanged { kind } }`,
			code:    "BAD_USER_INPUT",
			message: []string{"websocket"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := tt.vars
			if strings.Contains(tt.query, "$q") && !strings.HasPrefix(tt.query, "query(") {
				tt.query = "query($q: String!) " + tt.query
				vars = map[string]any{"q": oneLetterWords(500)}
			}
			start := time.Now()
			a.mustFail(t, tt.query, vars, tt.code, tt.message...)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("refused after %s, want well within the 10s request timeout", took)
			}
		})
	}
}

func TestHostileHTTPRequestsGetCodedErrors(t *testing.T) {
	a := seedAPI(t)
	padding := strings.Repeat("x", 100_000)
	tests := []struct {
		name    string
		request func() (*http.Request, error)
		status  int
		code    string
		message string
		// without must not be in the body.
		without string
	}{
		{
			name: "mutation by GET",
			request: func() (*http.Request, error) {
				return http.NewRequest(http.MethodGet, a.url+"?query="+url.QueryEscape(`mutation { deleteRelation(id: "x") }`), nil)
			},
			code: "BAD_USER_INPUT", message: "POST",
		},
		{
			name: "websocket upgrade without a key",
			request: func() (*http.Request, error) {
				r, err := http.NewRequest(http.MethodGet, a.url, nil)
				if err == nil {
					r.Header.Set("Connection", "Upgrade")
					r.Header.Set("Upgrade", "websocket")
					r.Header.Set("Sec-WebSocket-Version", "13")
				}
				return r, err
			},
			status: http.StatusBadRequest, code: "BAD_USER_INPUT", message: "Sec-WebSocket-Key",
		},
		{
			name: "body that is not JSON, 100 kB of it",
			request: func() (*http.Request, error) {
				r, err := http.NewRequest(http.MethodPost, a.url, strings.NewReader(`{"query": `+padding))
				if err == nil {
					r.Header.Set("Content-Type", "application/json")
				}
				return r, err
			},
			code: "BAD_USER_INPUT", message: "not a JSON GraphQL request", without: padding[:100],
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.request()
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(r)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if tt.status != 0 && resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.status)
			}
			var out gqlResponse
			if err := json.Unmarshal(body, &out); err != nil || len(out.Errors) == 0 {
				t.Fatalf("body is not a GraphQL error (%v): %.300s", err, body)
			}
			if got := out.Errors[0].code(); got != tt.code {
				t.Errorf("code = %q, want %q (%s)", got, tt.code, out.Errors[0].Message)
			}
			if !strings.Contains(out.Errors[0].Message, tt.message) {
				t.Errorf("message %q does not contain %q", out.Errors[0].Message, tt.message)
			}
			if tt.without != "" && bytes.Contains(body, []byte(tt.without)) {
				t.Errorf("the answer echoes the request body back (%d bytes)", len(body))
			}
		})
	}
}

func TestLimitsAreConfigurable(t *testing.T) {
	s := openStore(t)
	upsert(t, s, fixture())
	a := serve(t, s, graph.Config{MaxRootFields: 2, MaxAliases: 1})
	a.mustFail(t, `{ a: entity(id: "x") { id } b: entity(id: "y") { id } }`, nil, "LIMIT_EXCEEDED", "2 aliased fields", "limit of 1")
	a.mustFail(t, `{ entity(id: "x") { id } stats { entities } relationTypes { type } }`, nil, "LIMIT_EXCEEDED", "3 root fields", "limit of 2")
	var ok map[string]any
	a.query(t, `{ a: entity(id: "x") { id } stats { entities } }`, nil, &ok)
}

// TestNumbersOutOfRangeAreNamed: 1e400 in a variable is reported as a
// number out of range, at its path, not as "cannot use string as Float".
func TestNumbersOutOfRangeAreNamed(t *testing.T) {
	a := seedAPI(t)
	const mutation = `mutation($input: IngestInput!) { ingestDocument(input: $input) { relationsCreated } }`
	input := func(confidence string) json.RawMessage {
		return json.RawMessage(`{"document":{"title":"t","publishedAt":"2025-01-01","text":"A met B."},` +
			`"entities":[{"ref":"a","kind":"PERSON","name":"A"},{"ref":"b","kind":"PERSON","name":"B"}],` +
			`"relations":[{"type":"MET","from":"a","to":"b","quotes":["A met B."],"confidence":` + confidence + `}]}`)
	}
	tests := []struct {
		number, code string
		message      []string
	}{
		{"1e400", "BAD_USER_INPUT", []string{"input.relations[0].confidence", "1e400", "out of the range of Float"}},
		{"-1e400", "BAD_USER_INPUT", []string{"-1e400", "out of the range"}},
		// In range, the operation goes on to need its key.
		{"0.5", "UNAUTHENTICATED", nil},
		{"1e-400", "UNAUTHENTICATED", nil},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			resp := a.postBody(t, map[string]any{"query": mutation, "variables": map[string]any{"input": input(tt.number)}})
			if len(resp.Errors) == 0 {
				t.Fatalf("no error: %s", resp.Data)
			}
			if got := resp.Errors[0].code(); got != tt.code {
				t.Errorf("code %q, want %q (%s)", got, tt.code, resp.Errors[0].Message)
			}
			for _, want := range tt.message {
				if !strings.Contains(resp.Errors[0].Message, want) {
					t.Errorf("message %q lacks %q", resp.Errors[0].Message, want)
				}
			}
		})
	}
}
