package graph_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// TestTheBodyLimitFollowsTheCallersScope: a writer may send the largest
// document the importer takes (ingest.MaxTextBytes), while a reader, or no
// key, keeps the small limit queries need.
func TestTheBodyLimitFollowsTheCallersScope(t *testing.T) {
	w := seedWriteAPI(t, graph.Config{})
	sentence := "The minister spoke to reporters. "
	text := strings.Repeat(sentence, ingest.MaxTextBytes/len(sentence))
	input := func() map[string]any {
		return map[string]any{
			"document": map[string]any{"id": "doc:long-read", "title": "A long read", "publishedAt": "2025-11-20", "text": text},
			"entities": []any{map[string]any{"ref": "m", "kind": "PERSON", "name": "The Minister"}},
			"relations": []any{map[string]any{"type": "SPOKE_TO", "from": "m", "to": "person:claudia-sheinbaum",
				"quotes": []string{"The minister spoke to reporters."}}},
		}
	}
	tests := []struct {
		name     string
		key      string
		status   int
		wantCode string
		message  string
	}{
		{"no key", "", 413, "LIMIT_EXCEEDED", "with a key of scope write"},
		{"a read key", w.keys.read, 413, "LIMIT_EXCEEDED", "with a key of scope write"},
		{"a write key", w.keys.write, 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, status := w.postAs(t, tt.key, ingestMutation, map[string]any{"input": input()})
			if status != tt.status || errorCode(resp) != tt.wantCode {
				t.Fatalf("status %d code %q, want %d %q: %+v", status, errorCode(resp), tt.status, tt.wantCode, resp.Errors)
			}
			if tt.message != "" && !strings.Contains(resp.Errors[0].Message, tt.message) {
				t.Errorf("message %q does not say how to send more", resp.Errors[0].Message)
			}
		})
	}
	var got struct{ Document struct{ ID string } }
	w.query(t, `{ document(id: "doc:long-read") { id } }`, nil, &got)
	if got.Document.ID != "doc:long-read" {
		t.Error("the writer's long document was not stored")
	}
}
