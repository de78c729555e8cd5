package newsgraph

import (
	"context"
	"fmt"
	"strings"
)

// ContradictsType is the relation type that disputes a claim.
const ContradictsType = "CONTRADICTS"

// claimIDPrefix starts the id of every CLAIM: KindOfID(id) is KindClaim
// exactly when id has it.
var claimIDPrefix = KindClaim.IDPrefix() + ":"

// claimEnds returns the ends of r that are CLAIMs, each once: the first
// n of ends.
func claimEnds(r *Relation) (ends [2]string, n int) {
	if strings.HasPrefix(r.From, claimIDPrefix) {
		ends[n] = r.From
		n++
	}
	if r.To != r.From && strings.HasPrefix(r.To, claimIDPrefix) {
		ends[n] = r.To
		n++
	}
	return ends, n
}

// ContradictionQuery returns the count-only query whose total is the
// number of CONTRADICTS relations ending at claim.
func ContradictionQuery(claim string) RelationQuery {
	return RelationQuery{Filter: RelationFilter{To: claim, Types: []string{ContradictsType}}}
}

// DisputedBy reports whether r is disputed, given contradicted, the number
// of CONTRADICTS relations ending at each claim (at least at r's): an end
// of r is a CLAIM that a relation other than r itself contradicts.
func DisputedBy(r *Relation, contradicted map[string]int) bool {
	ends, n := claimEnds(r)
	for _, claim := range ends[:n] {
		count := contradicted[claim]
		if r.Type == ContradictsType && r.To == claim {
			count-- // a relation does not dispute its own end
		}
		if count > 0 {
			return true
		}
	}
	return false
}

// RelationCounter answers relation queries; Contradicted needs only their
// totals. Every RelationReader is one.
type RelationCounter interface {
	Relations(ctx context.Context, qs []RelationQuery) ([]Page[*Relation], error)
}

// Contradicted counts the CONTRADICTS relations ending at each CLAIM at an
// end of rels (the map DisputedBy reads), with one Relations call of one
// ContradictionQuery per distinct claim, and none at all when no relation
// has a claim at an end (then the map is nil, and every count 0).
func Contradicted(ctx context.Context, store RelationCounter, rels []*Relation) (map[string]int, error) {
	var claims []string
	seen := map[string]bool{}
	for _, r := range rels {
		ends, n := claimEnds(r)
		for _, claim := range ends[:n] {
			if !seen[claim] {
				seen[claim] = true
				claims = append(claims, claim)
			}
		}
	}
	if len(claims) == 0 {
		return nil, nil
	}
	qs := make([]RelationQuery, len(claims))
	for i, claim := range claims {
		qs[i] = ContradictionQuery(claim)
	}
	pages, err := store.Relations(ctx, qs)
	if err != nil {
		return nil, err
	}
	if len(pages) != len(qs) {
		return nil, fmt.Errorf("the store answered %d relation pages for %d queries", len(pages), len(qs))
	}
	counts := make(map[string]int, len(claims))
	for i, claim := range claims {
		counts[claim] = pages[i].TotalCount
	}
	return counts, nil
}

// DisputedAmong returns the ids of the relations of rels that are disputed
// (DisputedBy), with the one store call of Contradicted, or none; nil when
// no relation is.
func DisputedAmong(ctx context.Context, store RelationCounter, rels []*Relation) (map[string]bool, error) {
	contradicted, err := Contradicted(ctx, store, rels)
	if err != nil || contradicted == nil {
		return nil, err
	}
	var disputed map[string]bool
	for _, r := range rels {
		if DisputedBy(r, contradicted) {
			if disputed == nil {
				disputed = map[string]bool{}
			}
			disputed[r.ID] = true
		}
	}
	return disputed, nil
}
