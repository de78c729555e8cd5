package newsgraph

// ContradictsType is the relation type that disputes a claim.
const ContradictsType = "CONTRADICTS"

// DisputeQueries returns the count-only queries whose totals tell whether r
// is disputed: for each end of r that is a CLAIM, the CONTRADICTS relations
// ending at it.
func DisputeQueries(r *Relation) []RelationQuery {
	var qs []RelationQuery
	for i, end := range []string{r.From, r.To} {
		if KindOfID(end) != KindClaim || (i == 1 && end == r.From) {
			continue
		}
		qs = append(qs, RelationQuery{Filter: RelationFilter{To: end, Types: []string{ContradictsType}}})
	}
	return qs
}

// Disputed reports whether r is disputed, given the total counts of its
// DisputeQueries, in order: an end of r is a claim that a relation other
// than r itself contradicts.
func Disputed(r *Relation, counts []int) bool {
	for i, q := range DisputeQueries(r) {
		n := counts[i]
		if r.Type == ContradictsType && r.To == q.Filter.To {
			n-- // a relation does not dispute its own end
		}
		if n > 0 {
			return true
		}
	}
	return false
}
