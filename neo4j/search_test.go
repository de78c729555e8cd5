package neo4j_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest"
)

// luceneMatches reports whether the full-text query (clauses "+prefix*"
// and "+(prefix* word~k)") matches a node whose indexed properties are
// props, as the entity_search index does: its whitespace analyzer makes
// every whitespace-separated word of searchKeys and searchDescription a
// term; "prefix*" matches a term that starts with prefix and "word~k" one
// within k edits of word (Lucene counts an adjacent swap as one edit, as
// newsgraph.WithinEdits does).
func luceneMatches(query string, props map[string]any) bool {
	keys, _ := props["searchKeys"].(string)
	description, _ := props["searchDescription"].(string)
	terms := strings.Fields(keys + "\n" + description)
	for _, clause := range strings.Split(query, "+")[1:] {
		clause = strings.Trim(strings.TrimSpace(clause), "()")
		found := false
		for alt := range strings.FieldsSeq(clause) {
			for _, term := range terms {
				if word, k, ok := strings.Cut(alt, "~"); ok {
					found = found || newsgraph.WithinEdits(word, term, int(k[0]-'0'))
				} else {
					found = found || strings.HasPrefix(term, strings.TrimSuffix(alt, "*"))
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// TestFulltextCandidatesCoverScoredEntities checks that the full-text query
// finds every entity SearchScore gives a score above zero, for queries made
// of every prefix of every word of the fixture's names, aliases,
// initialisms and descriptions, alone and in pairs, so that ranking in Go
// sees every hit the embedded store sees.
func TestFulltextCandidatesCoverScoredEntities(t *testing.T) {
	entities := storetest.Fixture().Entities
	var words []string
	for _, e := range entities {
		for _, key := range append(newsgraph.SearchKeys(e), newsgraph.Fold(e.Description)) {
			words = append(words, strings.Fields(key)...)
		}
	}
	queries := map[string]bool{"López Obrador": true, "Cártel de Sinaloa": true, "WHO": true, "organisation": true, "US Department of State": true}
	for _, w := range words {
		for n := 1; n <= len(w); n++ {
			queries[w[:n]] = true
		}
		// Typos: a letter dropped, two swapped, one replaced.
		for i := range len(w) - 1 {
			queries[w[:i]+w[i+1:]] = true
			queries[w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:]] = true
			queries[w[:i]+"q"+w[i+1:]] = true
		}
	}
	for i := 0; i+1 < len(words); i++ {
		queries[words[i]+" "+words[i+1]] = true
		queries[words[i+1]+" "+words[i][:1]] = true
	}
	props := make([]map[string]any, len(entities))
	for i, e := range entities {
		props[i] = neo4j.EntityProperties(e)
	}
	checked := 0
	for q := range queries {
		query := neo4j.FulltextQuery(newsgraph.SearchTokens(q))
		for i, e := range entities {
			if newsgraph.SearchScore(q, e) == 0 {
				continue
			}
			checked++
			if !luceneMatches(query, props[i]) {
				t.Errorf("query %q (full-text %q) scores %s above zero but the index would not return it", q, query, e.ID)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no query scored any entity: the test checked nothing")
	}
}
