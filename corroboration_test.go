package newsgraph_test

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestCorroborationCountsDistinctDocuments(t *testing.T) {
	many := func(docs int) []newsgraph.Evidence {
		var ev []newsgraph.Evidence
		for i := range 40 {
			ev = append(ev, newsgraph.Evidence{Quote: fmt.Sprint("q", i), DocumentID: fmt.Sprint("doc:", i%docs)})
		}
		return ev
	}
	for _, c := range []struct {
		name     string
		evidence []newsgraph.Evidence
		want     int
	}{
		{"none", nil, 0},
		{"one quote", []newsgraph.Evidence{{Quote: "a", DocumentID: "doc:1"}}, 1},
		{"two quotes of one document", []newsgraph.Evidence{{Quote: "a", DocumentID: "doc:1"}, {Quote: "b", DocumentID: "doc:1"}}, 1},
		{"quotes of two documents, interleaved", []newsgraph.Evidence{{Quote: "a", DocumentID: "doc:1"}, {Quote: "b", DocumentID: "doc:2"}, {Quote: "c", DocumentID: "doc:1"}}, 2},
		{"40 quotes of 7 documents (the map path)", many(7), 7},
		{"40 quotes of 40 documents", many(40), 40},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := newsgraph.Corroboration(c.evidence); got != c.want {
				t.Errorf("Corroboration = %d, want %d", got, c.want)
			}
			r := newsgraph.Relation{Evidence: c.evidence}
			if got := len(r.DocumentIDs()); got != c.want {
				t.Errorf("len(DocumentIDs) = %d, want %d: the two counts disagree", got, c.want)
			}
		})
	}
}
