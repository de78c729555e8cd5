package ingest

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/newsgraph/newsgraph"
)

// badDatePath returns the path of the first date field of data, an input
// encoding/json refused, that holds a string that is not a date, such as
// "document.publishedAt" or "entities[2].startDate", or "" when there is
// none (or data is not an object): the date's own error does not say which
// field it came from.
func badDatePath(data []byte) string {
	var raw struct {
		Document struct {
			PublishedAt json.RawMessage `json:"publishedAt"`
		} `json:"document"`
		Entities []struct {
			StartDate json.RawMessage `json:"startDate"`
			EndDate   json.RawMessage `json:"endDate"`
		} `json:"entities"`
		Relations []struct {
			ValidFrom json.RawMessage `json:"validFrom"`
			ValidTo   json.RawMessage `json:"validTo"`
		} `json:"relations"`
	}
	if json.Unmarshal(data, &raw) != nil {
		return ""
	}
	if badDate(raw.Document.PublishedAt) {
		return "document.publishedAt"
	}
	for i, e := range raw.Entities {
		for _, f := range []struct {
			name  string
			value json.RawMessage
		}{{"startDate", e.StartDate}, {"endDate", e.EndDate}} {
			if badDate(f.value) {
				return fmt.Sprintf("entities[%d].%s", i, f.name)
			}
		}
	}
	for i, r := range raw.Relations {
		for _, f := range []struct {
			name  string
			value json.RawMessage
		}{{"validFrom", r.ValidFrom}, {"validTo", r.ValidTo}} {
			if badDate(f.value) {
				return fmt.Sprintf("relations[%d].%s", i, f.name)
			}
		}
	}
	return ""
}

// badDate reports whether v is a JSON string that newsgraph.ParseDate
// refuses.
func badDate(v json.RawMessage) bool {
	if len(v) == 0 || v[0] != '"' {
		return false
	}
	s, err := strconv.Unquote(string(v))
	if err != nil {
		var str string
		if json.Unmarshal(v, &str) != nil {
			return false
		}
		s = str
	}
	_, err = newsgraph.ParseDate(s)
	return err != nil
}
