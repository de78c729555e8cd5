package embedded

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
	bolt "go.etcd.io/bbolt"
)

// change is everything one write does to the stored graph. commit writes
// it in one durable transaction; only then does applyChange update the
// index, so a failed write changes nothing.
type change struct {
	// batch holds the documents, entities and relations to put; relations
	// that exist already carry their merged evidence.
	batch           newsgraph.Batch
	deleteEntities  []string
	deleteRelations []string
	// redirects maps ids merged away to their survivors.
	redirects       map[string]string
	deleteRedirects []string
	// merge is the record of a merge, if the change is one.
	merge *newsgraph.Merge
	// relationKeys are the sequence numbers commit gave new relations.
	relationKeys map[string]uint64
}

// commit writes the change in one durable transaction: deletions first,
// then puts. keys are the sequence numbers of the stored relations by id;
// commit records those it gives new relations in c.relationKeys.
func commit(db *bolt.DB, c *change, keys map[string]uint64) error {
	return db.Update(func(tx *bolt.Tx) error {
		relations := tx.Bucket(bucketRelations)
		var deleted map[string]bool
		if len(c.deleteRelations) > 0 {
			deleted = make(map[string]bool, len(c.deleteRelations))
		}
		for _, id := range c.deleteRelations {
			if seq, ok := keys[id]; ok {
				if err := relations.Delete(seqKey(seq)); err != nil {
					return fmt.Errorf("relations: %w", err)
				}
			}
			deleted[id] = true
		}
		if err := deleteAll(tx.Bucket(bucketEntities), c.deleteEntities); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := deleteAll(tx.Bucket(bucketRedirects), c.deleteRedirects); err != nil {
			return fmt.Errorf("redirects: %w", err)
		}
		c.relationKeys = map[string]uint64{}
		stored := func(id string) (uint64, bool) {
			seq, ok := keys[id]
			return seq, ok && !deleted[id]
		}
		if err := putItems(tx, &c.batch, c.relationKeys, stored); err != nil {
			return err
		}
		redirects := tx.Bucket(bucketRedirects)
		for id, into := range c.redirects {
			if err := redirects.Put([]byte(id), []byte(into)); err != nil {
				return fmt.Errorf("redirects: %w", err)
			}
		}
		if c.merge != nil {
			if err := putMerge(tx.Bucket(bucketMerges), c.merge); err != nil {
				return fmt.Errorf("merges: %w", err)
			}
		}
		return nil
	})
}

// seqKey is the key of sequence number seq.
func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// putMerge appends a merge record under the bucket's next sequence number.
func putMerge(bucket *bolt.Bucket, m *newsgraph.Merge) error {
	seq, err := bucket.NextSequence()
	if err != nil {
		return err
	}
	v, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return bucket.Put(binary.BigEndian.AppendUint64(nil, seq), v)
}

// deleteAll deletes the given keys.
func deleteAll(bucket *bolt.Bucket, ids []string) error {
	for _, id := range ids {
		if err := bucket.Delete([]byte(id)); err != nil {
			return err
		}
	}
	return nil
}

// applyChange updates the index with a committed change and takes
// ownership of its items.
func (ix *index) applyChange(c *change) {
	ix.removeRelations(c.deleteRelations)
	for _, id := range c.deleteRelations {
		delete(ix.relationKeys, id)
	}
	for id, seq := range c.relationKeys {
		ix.relationKeys[id] = seq
	}
	ix.removeEntities(c.deleteEntities)
	ix.apply(&c.batch)
	ix.applyRedirects(c.redirects, c.deleteRedirects)
	if c.merge != nil {
		ix.merges[c.merge.Into] = append(ix.merges[c.merge.Into], *c.merge)
	}
}

// putItems puts the documents, entities and relations of b. A relation
// that stored (nil: none is) finds in the file is rewritten under its key;
// the others get the next sequence numbers of the bucket, recorded in
// newKeys.
func putItems(tx *bolt.Tx, b *newsgraph.Batch, newKeys map[string]uint64, stored func(id string) (uint64, bool)) error {
	if err := putAll(tx.Bucket(bucketDocuments), b.Documents, func(d *newsgraph.Document) string { return d.ID }, appendDocument); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if err := putAll(tx.Bucket(bucketEntities), b.Entities, func(e *newsgraph.Entity) string { return e.ID }, appendEntity); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if err := putRelations(tx.Bucket(bucketRelations), b.Relations, newKeys, stored); err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	return nil
}

// putRelations puts relations under their sequence numbers, in ascending
// order: new ones append to the end of the bucket, whose pages are then
// filled completely.
func putRelations(bucket *bolt.Bucket, rels []*newsgraph.Relation, newKeys map[string]uint64, stored func(id string) (uint64, bool)) error {
	type keyed struct {
		seq uint64
		r   *newsgraph.Relation
	}
	list := make([]keyed, len(rels))
	for i, r := range rels {
		if stored != nil {
			if seq, ok := stored(r.ID); ok {
				list[i] = keyed{seq, r}
				continue
			}
		}
		seq, err := bucket.NextSequence()
		if err != nil {
			return err
		}
		newKeys[r.ID] = seq
		list[i] = keyed{seq, r}
	}
	slices.SortFunc(list, func(a, b keyed) int { return cmp.Compare(a.seq, b.seq) })
	bucket.FillPercent = 1
	buf := make([]byte, 0, 64*1024)
	for _, k := range list {
		buf = binary.BigEndian.AppendUint64(buf, k.seq)
		buf = appendRelation(buf, k.r)
		if err := bucket.Put(buf[:8:8], buf[8:len(buf):len(buf)]); err != nil {
			return err
		}
		buf = buf[len(buf):]
		if cap(buf) < 4096 {
			buf = make([]byte, 0, 64*1024)
		}
	}
	return nil
}

// putAll encodes items into one buffer and puts them in key order, which
// keeps bbolt's page splits cheap for large batches. bbolt keeps the key
// and value slices until the commit, so the buffer is never reused.
func putAll[T any](bucket *bolt.Bucket, items []*T, id func(*T) string, encode func([]byte, *T) []byte) error {
	if len(items) == 0 {
		return nil
	}
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b *T) int { return cmpString(id(a), id(b)) })
	buf := make([]byte, 0, 64*1024)
	for _, item := range sorted {
		start := len(buf)
		buf = append(buf, id(item)...)
		mid := len(buf)
		buf = encode(buf, item)
		key, value := buf[start:mid:mid], buf[mid:len(buf):len(buf)]
		if err := bucket.Put(key, value); err != nil {
			return err
		}
		// The next item starts a slice of its own, so that growing it
		// copies no earlier item.
		buf = buf[len(buf):]
		if cap(buf) < 4096 {
			buf = make([]byte, 0, 64*1024)
		}
	}
	return nil
}
