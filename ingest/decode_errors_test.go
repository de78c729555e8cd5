package ingest_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestDecodeInputNamesTheFieldOfABadDate(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{`{"document":{"title":"x","publishedAt":"2025-13-45","text":"y"}}`, `ingest: document.publishedAt: invalid date "2025-13-45": want YYYY-MM-DD`},
		{`{"document":{"title":"x","publishedAt":"18 November 2025","text":"y"}}`, `document.publishedAt: invalid date "18 November 2025"`},
		{`{"entities":[{"ref":"a","kind":"EVENT","name":"n"},{"ref":"b","kind":"EVENT","name":"m","endDate":"2025-02-30"}]}`, `entities[1].endDate: invalid date "2025-02-30"`},
		{`{"relations":[{"type":"A","from":"a","to":"b","validTo":"soon","quotes":[]}]}`, `relations[0].validTo: invalid date "soon"`},
		{`{"document":{"title":"x","publishedAt":"2025-1\u0031-18","text":"y"},"extra":1}`, `invalid JSON: json: unknown field "extra"`},
	}
	for _, tt := range tests {
		_, err := ingest.DecodeInput([]byte(tt.line))
		if newsgraph.ErrorCode(err) != newsgraph.Invalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeInput(%s) = %v, want Invalid %q", tt.line, err, tt.want)
		}
	}
}
