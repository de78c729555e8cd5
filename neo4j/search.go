package neo4j

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// searchCandidates caps the candidates the full-text index returns for one
// search. Every candidate holds a word starting with each query word, and
// SearchScore ranks them in Go, so the cap only matters for queries that
// match thousands of entities.
const searchCandidates = 5000

// Search returns up to q.Limit entities matching q.Text, best first. The
// full-text index finds the candidates: entities whose folded keys or
// description hold a word starting with each folded query word, which is
// every entity SearchScore gives a score above zero. They are then scored
// with newsgraph.SearchScorer and ranked with newsgraph.TopHits
// (SearchScore and RankHits, keeping Limit), as in every store.
func (s *Store) Search(ctx context.Context, q newsgraph.SearchQuery) ([]newsgraph.SearchHit, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	query := fulltextQuery(newsgraph.SearchTokens(q.Text))
	if query == "" {
		return []newsgraph.SearchHit{}, nil
	}
	return readTx(ctx, s, "search", func(tx neo4j.ManagedTransaction) ([]newsgraph.SearchHit, error) {
		recs, err := run(ctx, tx, searchEntities, map[string]any{
			"query": query, "kinds": kindStrings(q.Kinds), "candidates": int64(searchCandidates),
		})
		if err != nil {
			return nil, err
		}
		scorer := newsgraph.NewSearchScorer(q.Text)
		hits := make([]newsgraph.SearchHit, 0, len(recs))
		for _, rec := range recs {
			e, err := entityOf(rec, "e")
			if err != nil {
				return nil, err
			}
			if score := scorer.Score(e); score > 0 {
				hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
			}
		}
		return newsgraph.TopHits(hits, q.Limit), nil
	})
}

// fulltextQuery returns the Lucene query that requires, for each token, a
// word starting with it or, for a token tolerating typos
// (newsgraph.FuzzyEdits), a word within that many edits of it:
// "+lopez* +(obradr* obradr~1)". Lucene's fuzzy distance counts a swap of
// adjacent letters as one edit, like newsgraph.WithinEdits, so the index
// returns every entity SearchScore gives a typo-tolerant score, and
// SearchScore decides. Folded tokens hold only letters and digits, so they
// need no escaping; a token holding anything else (which Fold never
// produces) is dropped rather than passed to the query parser, which makes
// the query a superset and leaves the ranking to SearchScore. It returns ""
// when no token is left.
func fulltextQuery(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if t == "" || strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if k := newsgraph.FuzzyEdits(t); k > 0 {
			fmt.Fprintf(&b, "+(%s* %s~%d)", t, t, k)
		} else {
			b.WriteString("+" + t + "*")
		}
	}
	return b.String()
}
