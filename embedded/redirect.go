package embedded

import (
	"maps"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// resolveBatch rewrites a validated, normalised batch so that it names no
// id merged away (newsgraph.Batch.Redirect), and adds the names of entities
// merged away to the copies of their stored survivors, which join the
// batch when they gain something. The work is one map lookup per
// reference.
func (ix *index) resolveBatch(b *newsgraph.Batch) {
	if len(ix.redirects) == 0 {
		return
	}
	folds := b.Redirect(func(id string) (string, bool) {
		into, ok := ix.redirects[id]
		return into, ok
	})
	for _, into := range slices.Sorted(maps.Keys(folds)) {
		stored := ix.entities[into]
		if stored == nil {
			continue // Deleting an entity deletes the redirects into it.
		}
		if survivor := stored.Clone(); survivor.AddAliases(folds[into]...) {
			b.Entities = append(b.Entities, survivor)
		}
	}
}
