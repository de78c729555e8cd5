package graph_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestTransports(t *testing.T) {
	s := openStore(t)
	upsert(t, s, fixture())
	a := serve(t, s, graph.Config{MaxRequestBytes: 200})
	longQuery := `{ stats { entities } }` + strings.Repeat(" ", 300)
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		code        string // the first error's code, "" for success
		wantData    string
	}{
		{name: "GET", method: http.MethodGet, path: "?query=" + url.QueryEscape(`{ stats { documents } }`), status: http.StatusOK, wantData: `{"stats":{"documents":2}}`},
		{name: "POST", method: http.MethodPost, contentType: "application/json", body: `{"query":"{ stats { documents } }"}`, status: http.StatusOK, wantData: `{"stats":{"documents":2}}`},
		{name: "POST with charset", method: http.MethodPost, contentType: "application/json; charset=utf-8", body: `{"query":"{ stats { documents } }"}`, status: http.StatusOK, wantData: `{"stats":{"documents":2}}`},
		{name: "OPTIONS", method: http.MethodOptions, status: http.StatusOK},
		{name: "unsupported content type", method: http.MethodPost, contentType: "text/plain", body: `{ stats { documents } }`, status: http.StatusBadRequest, code: "BAD_USER_INPUT"},
		{name: "malformed JSON", method: http.MethodPost, contentType: "application/json", body: `{"query": `, status: http.StatusBadRequest, code: "BAD_USER_INPUT"},
		{name: "body too large", method: http.MethodPost, contentType: "application/json", body: `{"query":"` + longQuery + `"}`, status: http.StatusRequestEntityTooLarge, code: "LIMIT_EXCEEDED"},
		{name: "mutation is not supported", method: http.MethodPost, contentType: "application/json", body: `{"query":"mutation { x }"}`, status: http.StatusUnprocessableEntity, code: "GRAPHQL_VALIDATION_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, a.url+"/"+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d: %s", resp.StatusCode, tt.status, raw)
			}
			if tt.method == http.MethodOptions {
				if allow := resp.Header.Get("Allow"); !strings.Contains(allow, "POST") {
					t.Errorf("Allow = %q, want POST listed", allow)
				}
				return
			}
			var body gqlResponse
			if err := json.Unmarshal(raw, &body); err != nil {
				t.Fatalf("body is not JSON: %v\n%s", err, raw)
			}
			if tt.code == "" {
				if len(body.Errors) > 0 {
					t.Fatalf("errors: %+v", body.Errors)
				}
				assertJSON(t, body.Data, tt.wantData)
				return
			}
			if len(body.Errors) == 0 {
				t.Fatalf("no error, want %s: %s", tt.code, raw)
			}
			if got := body.Errors[0].code(); got != tt.code {
				t.Errorf("code = %q, want %q (%s)", got, tt.code, body.Errors[0].Message)
			}
		})
	}
}
