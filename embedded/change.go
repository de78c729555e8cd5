package embedded

import "github.com/newsgraph/newsgraph"

// change is everything one write does to the stored graph. commit writes
// it in one durable transaction; only then does applyChange update the
// index, so a failed write changes nothing.
type change struct {
	// batch holds the documents, entities and relations to put; relations
	// that exist already carry their merged evidence.
	batch           newsgraph.Batch
	deleteEntities  []string
	deleteRelations []string
	// deleteMentions are the (document, entity) pairs whose mentions go;
	// batch.Mentions are put after them, as they are to be stored.
	deleteMentions []newsgraph.Mention
	// redirects maps ids merged away to their survivors.
	redirects       map[string]string
	deleteRedirects []string
	// merge is the record of a merge, if the change is one.
	merge *newsgraph.Merge
	// slots are the slots of batch.Relations in the index, -1 for new
	// ones, when the plan looked them up (it then deletes no relations);
	// nil otherwise.
	slots []int32
	// seqs are the sequence numbers batch.Relations are stored under,
	// given new ones by commit.
	seqs []uint64
}
