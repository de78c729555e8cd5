package neo4j

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DocumentIDsMentioning returns, for each requested entity id that exists
// (an id merged away answers for its survivor), the ids of the documents
// recording a mention of it or holding evidence of a relation at either
// end of it, in ascending order, in one round trip. The evidence lists are
// read rather than the evidence's MENTIONS links, so that part is exact by
// construction.
func (s *Store) DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error) {
	if len(entityIDs) == 0 {
		return map[string][]string{}, nil
	}
	return readTx(ctx, s, "documentIdsMentioning", func(tx neo4j.ManagedTransaction) (map[string][]string, error) {
		recs, err := run(ctx, tx, documentsMentioning, map[string]any{"ids": unique(entityIDs)})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]string, len(recs))
		for _, rec := range recs {
			requested, err := value[string](rec, "requested")
			if err != nil {
				return nil, err
			}
			ids, err := listOf[string](rec, "documentIds")
			if err != nil {
				return nil, err
			}
			// The statement orders them already; sorting again costs little
			// and does not rely on collect keeping the order.
			slices.Sort(ids)
			out[requested] = slices.Compact(ids)
		}
		return out, nil
	})
}
