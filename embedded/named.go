package embedded

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// EntitiesNamed returns, for each key, the entities of its kind named by
// it (newsgraph.Entity.NamedBy), ranked by newsgraph.RankNamed: a binary
// search of the search index's sorted keys per key, then a check of the
// few entities holding that key.
func (s *Store) EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error) {
	out := make(map[newsgraph.NameKey][]*newsgraph.Entity, len(keys))
	err := s.read(ctx, func(ix *index) error {
		search := ix.textSearch()
		for _, k := range keys {
			if _, done := out[k]; done || !k.Answerable() {
				continue
			}
			var found []*newsgraph.Entity
			i, _ := slices.BinarySearchFunc(search.keys, searchKey{key: k.Name}, cmpSearchKey)
			for ; i < len(search.keys) && search.keys[i].key == k.Name; i++ {
				if e := search.keys[i].entity; e.Kind == k.Kind {
					found = append(found, e)
				}
			}
			out[k] = found
		}
		newsgraph.KeepNamed(out)
		for _, found := range out {
			cloneEntities(found)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
