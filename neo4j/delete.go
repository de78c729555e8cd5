package neo4j

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// DeleteRelation deletes the relation with the given id, in one write
// transaction with the pruning of the MENTIONS links it alone supported.
// An absent id is NotFound; so is a malformed one, which cannot exist and
// is answered without a round trip (as the embedded store answers it).
func (s *Store) DeleteRelation(ctx context.Context, id string) error {
	if !wellFormedRelationID(id) {
		return opError(newsgraph.NotFound, "deleteRelation", "relation %s does not exist", id)
	}
	_, err := writeTx(ctx, s, "deleteRelation", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := run(ctx, tx, deleteRelation, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if len(recs) == 0 {
			return struct{}{}, opError(newsgraph.NotFound, "deleteRelation", "relation %s does not exist", id)
		}
		var ends []string
		for _, rec := range recs {
			for _, key := range []string{"from", "to"} {
				end, err := value[string](rec, key)
				if err != nil {
					return struct{}{}, err
				}
				ends = append(ends, end)
			}
		}
		return struct{}{}, prune(ctx, tx, ends)
	})
	return err
}

// DeleteEntity deletes the entity with the given id and every relation at
// either end of it, all or nothing in one write transaction, and returns
// the number of relations deleted. Documents stay; their MENTIONS links to
// the entity go, and those to its neighbours that only its relations
// supported are pruned. Events and claims naming it as their place or
// claimant lose that reference, and ids merged into it no longer resolve.
// An absent id, or one merged away, is NotFound; so is a malformed one,
// answered without a round trip.
func (s *Store) DeleteEntity(ctx context.Context, id string) (int, error) {
	if !newsgraph.ValidEntityID(id) {
		return 0, opError(newsgraph.NotFound, "deleteEntity", "entity %s does not exist", id)
	}
	return writeTx(ctx, s, "deleteEntity", func(tx neo4j.ManagedTransaction) (int, error) {
		recs, err := run(ctx, tx, deleteEntity, map[string]any{"id": id})
		if err != nil {
			return 0, err
		}
		if len(recs) == 0 {
			return 0, opError(newsgraph.NotFound, "deleteEntity", "entity %s does not exist", id)
		}
		if len(recs) != 1 {
			return 0, resultErr(nil, len(recs))
		}
		deleted, err := count(recs[0], "relations")
		if err != nil {
			return 0, err
		}
		others, err := listOf[string](recs[0], "others")
		if err != nil {
			return 0, err
		}
		return deleted, prune(ctx, tx, others)
	})
}

// prune removes the MENTIONS links to the given entities from documents
// that no longer hold evidence of a relation at them.
func prune(ctx context.Context, tx neo4j.ManagedTransaction, entityIDs []string) error {
	if len(entityIDs) == 0 {
		return nil
	}
	_, err := run(ctx, tx, pruneMentions, map[string]any{"ids": unique(entityIDs)})
	return err
}

// wellFormedRelationID reports whether id has the form of a relation id,
// "from|TYPE|to" with valid entity ids and type.
func wellFormedRelationID(id string) bool {
	parts := strings.Split(id, "|")
	return len(parts) == 3 && newsgraph.ValidEntityID(parts[0]) &&
		newsgraph.ValidRelationType(parts[1]) && newsgraph.ValidEntityID(parts[2])
}
