package neo4j

import (
	"context"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// EntitiesNamed returns, for each key, the entities of its kind named by
// it (newsgraph.Entity.NamedBy), ranked by newsgraph.RankNamed, in one
// round trip: a phrase query of the full-text index on the folded search
// keys per key (entities_named.cypher). Folded names hold only letters,
// digits and single spaces, so the quoted phrase needs no escaping; keys
// that are not folded are answered with nothing, as by every store.
func (s *Store) EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
	var rows []any
	seen := make(map[newsgraph.NameKey]bool, len(keys))
	for _, k := range keys {
		if seen[k] || !k.Answerable() {
			continue
		}
		seen[k] = true
		rows = append(rows, map[string]any{
			"kind": string(k.Kind), "name": k.Name, "phrase": "searchKeys:" + strconv.Quote(k.Name),
		})
	}
	out := map[newsgraph.NameKey][]*newsgraph.Entity{}
	if len(rows) == 0 {
		return out, nil
	}
	return readTx(ctx, s, "entitiesNamed", func(tx neo4j.ManagedTransaction) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
		recs, err := run(ctx, tx, entitiesNamed, map[string]any{
			"keys": rows, "separator": searchKeysSeparator, "limit": int64(newsgraph.MaxEntitiesNamed),
		})
		if err != nil {
			return nil, err
		}
		found := make(map[newsgraph.NameKey][]*newsgraph.Entity, len(rows))
		for _, rec := range recs {
			kind, err := value[string](rec, "kind")
			if err != nil {
				return nil, err
			}
			name, err := value[string](rec, "name")
			if err != nil {
				return nil, err
			}
			e, err := entityOf(rec, "e")
			if err != nil {
				return nil, err
			}
			k := newsgraph.NameKey{Kind: newsgraph.Kind(kind), Name: name}
			found[k] = append(found[k], e)
		}
		return newsgraph.KeepNamed(found), nil
	})
}
