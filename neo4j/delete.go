package neo4j

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// DeleteRelation deletes the relation with the given id, in one write
// transaction with the pruning of the MENTIONS links it alone supported, and
// returns it as it was. An absent id is NotFound; so is a malformed one,
// which cannot exist and is answered without a round trip (as the embedded
// store answers it).
func (s *Store) DeleteRelation(ctx context.Context, id string) (*newsgraph.Relation, error) {
	if !wellFormedRelationID(id) {
		return nil, opError(newsgraph.NotFound, "deleteRelation", "relation %s does not exist", id)
	}
	return writeTx(ctx, s, "deleteRelation", func(tx neo4j.ManagedTransaction) (*newsgraph.Relation, error) {
		recs, err := run(ctx, tx, deleteRelation, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, opError(newsgraph.NotFound, "deleteRelation", "relation %s does not exist", id)
		}
		if len(recs) != 1 {
			return nil, resultErr(nil, len(recs))
		}
		from, err := value[string](recs[0], "from")
		if err != nil {
			return nil, err
		}
		to, err := value[string](recs[0], "to")
		if err != nil {
			return nil, err
		}
		deleted, err := value[map[string]any](recs[0], "deleted")
		if err != nil {
			return nil, err
		}
		r, err := relationFromMap(deleted, from, to)
		if err != nil {
			return nil, err
		}
		return r, prune(ctx, tx, []string{from, to})
	})
}

// DeleteEntity deletes the entity with the given id and every relation at
// either end of it, all or nothing in one write transaction, and returns
// them as they were. Documents stay; their MENTIONS links to the entity go,
// and those to its neighbours that only its relations supported are pruned.
// Events and claims naming it as their place or claimant lose that
// reference, and ids merged into it no longer resolve. An absent id, or one
// merged away, is NotFound; so is a malformed one, answered without a round
// trip.
func (s *Store) DeleteEntity(ctx context.Context, id string) (newsgraph.Deletion, error) {
	if !newsgraph.ValidEntityID(id) {
		return newsgraph.Deletion{}, opError(newsgraph.NotFound, "deleteEntity", "entity %s does not exist", id)
	}
	return writeTx(ctx, s, "deleteEntity", func(tx neo4j.ManagedTransaction) (newsgraph.Deletion, error) {
		var out newsgraph.Deletion
		recs, err := run(ctx, tx, deleteEntity, map[string]any{"id": id})
		if err != nil {
			return out, err
		}
		if len(recs) == 0 {
			return out, opError(newsgraph.NotFound, "deleteEntity", "entity %s does not exist", id)
		}
		if len(recs) != 1 {
			return out, resultErr(nil, len(recs))
		}
		props, err := value[map[string]any](recs[0], "entity")
		if err != nil {
			return out, err
		}
		if out.Entity, err = entityFromProps(props); err != nil {
			return out, err
		}
		rels, err := listOf[map[string]any](recs[0], "relations")
		if err != nil {
			return out, err
		}
		for _, item := range rels {
			from, _ := item["from"].(string)
			to, _ := item["to"].(string)
			r, err := relationFromMap(item, from, to)
			if err != nil {
				return out, err
			}
			out.Relations = append(out.Relations, r)
		}
		slices.SortFunc(out.Relations, newsgraph.CompareRelationIDs)
		others, err := listOf[string](recs[0], "others")
		if err != nil {
			return out, err
		}
		return out, prune(ctx, tx, others)
	})
}

// relationFromMap maps {type, properties} and the ends' ids to a relation.
func relationFromMap(m map[string]any, from, to string) (*newsgraph.Relation, error) {
	typ, ok := m["type"].(string)
	if !ok {
		return nil, errItem("type", m["type"])
	}
	props, ok := m["properties"].(map[string]any)
	if !ok {
		return nil, errItem("properties", m["properties"])
	}
	return relationFromProps(typ, from, to, props)
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
