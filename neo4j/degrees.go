package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Degrees returns, for each requested entity id that exists (an id merged
// away answers for its survivor), the number of relations at either end of
// it, a self-loop once, in one round trip that counts relationships
// without reading them (entity_degrees.cypher).
func (s *Store) Degrees(ctx context.Context, ids []string) (map[string]int, error) {
	if len(ids) == 0 {
		return map[string]int{}, nil
	}
	return readTx(ctx, s, "degrees", func(tx neo4j.ManagedTransaction) (map[string]int, error) {
		counts, err := nodeCounts(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]int, len(counts))
		for id, c := range counts {
			out[id] = c.degree
		}
		return out, nil
	})
}

// counts is what entity_degrees.cypher counts of an entity: its degree,
// and the CONTRADICTS relations ending at it when it is a claim.
type counts struct {
	degree, contradictions int
}

// nodeCounts returns the counts of each requested entity id that exists,
// within the transaction tx.
func nodeCounts(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]counts, error) {
	recs, err := run(ctx, tx, entityDegrees, map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	out := make(map[string]counts, len(recs))
	for _, rec := range recs {
		requested, err := value[string](rec, "requested")
		if err != nil {
			return nil, err
		}
		var c counts
		if c.degree, err = count(rec, "degree"); err != nil {
			return nil, err
		}
		if c.contradictions, err = count(rec, "contradictions"); err != nil {
			return nil, err
		}
		out[requested] = c
	}
	return out, nil
}
