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

// This file writes a change to disk; apply.go applies it to memory.

// commit writes the change in one durable transaction: deletions first,
// then puts. ix, the index before the change, gives the sequence numbers
// of stored relations; commit records the keys of the relations it puts in
// c.seqs.
func commit(db *bolt.DB, c *change, ix *index) error {
	return db.Update(func(tx *bolt.Tx) error {
		relations := tx.Bucket(bucketRelations)
		var deleted map[string]bool
		if len(c.deleteRelations) > 0 {
			deleted = make(map[string]bool, len(c.deleteRelations))
		}
		for _, id := range c.deleteRelations {
			if seq, ok := ix.seq(id); ok {
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
		c.seqs = make([]uint64, len(c.batch.Relations))
		for i, r := range c.batch.Relations {
			switch {
			case c.slots != nil:
				if c.slots[i] >= 0 {
					c.seqs[i] = ix.seqs[c.slots[i]]
				}
			case !deleted[r.ID]:
				c.seqs[i], _ = ix.seq(r.ID)
			}
		}
		if err := putItems(tx, &c.batch, c.seqs); err != nil {
			return err
		}
		if err := commitMentions(tx, c); err != nil {
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

// putItems puts the documents, entities and relations of b; seqs holds
// the sequence numbers of the relations that are stored already, which are
// rewritten under their keys, and 0 for the others, which putItems gives
// the next numbers of the bucket.
func putItems(tx *bolt.Tx, b *newsgraph.Batch, seqs []uint64) error {
	if err := putAll(tx.Bucket(bucketDocuments), b.Documents, func(d *newsgraph.Document) string { return d.ID }, appendDocument); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if err := putAll(tx.Bucket(bucketEntities), b.Entities, func(e *newsgraph.Entity) string { return e.ID }, appendEntity); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if err := putRelations(tx.Bucket(bucketRelations), b.Relations, seqs); err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	return nil
}

// putRelations puts relations under their sequence numbers seqs, giving
// those with none the next numbers of the bucket, in ascending order: new
// ones append to the end of the bucket, whose pages are then filled
// completely.
func putRelations(bucket *bolt.Bucket, rels []*newsgraph.Relation, seqs []uint64) error {
	order := make([]int32, len(rels))
	for i := range rels {
		order[i] = int32(i)
		if seqs[i] == 0 {
			seq, err := bucket.NextSequence()
			if err != nil {
				return err
			}
			seqs[i] = seq
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(seqs[a], seqs[b]) })
	bucket.FillPercent = 1
	buf := make([]byte, 0, 64*1024)
	for _, i := range order {
		buf = binary.BigEndian.AppendUint64(buf, seqs[i])
		buf = appendRelation(buf, rels[i])
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
