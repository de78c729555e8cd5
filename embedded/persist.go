package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the layout of the database file; Open refuses a file
// written with another version.
const schemaVersion = "1"

// Bucket names and meta keys of the database file. Every value is JSON
// keyed by the item's id.
var (
	bucketMeta      = []byte("meta")
	bucketDocuments = []byte("documents")
	bucketEntities  = []byte("entities")
	bucketRelations = []byte("relations")
	// bucketRedirects maps an id merged away to its survivor's id (plain
	// text); bucketMerges holds merge records under 8-byte big-endian
	// sequence numbers, oldest first. Both were added without changing
	// schemaVersion: Open creates them in older files.
	bucketRedirects = []byte("redirects")
	bucketMerges    = []byte("merges")
	keySchema       = []byte("schema")
)

// load creates the buckets of a new file, checks the schema version of an
// existing one, and reads every item into a fresh index.
func load(ctx context.Context, db *bolt.DB) (*index, error) {
	err := db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		switch v := meta.Get(keySchema); {
		case v == nil:
			if err := meta.Put(keySchema, []byte(schemaVersion)); err != nil {
				return err
			}
		case !bytes.Equal(v, []byte(schemaVersion)):
			return fmt.Errorf("schema version %q is not the supported %q", v, schemaVersion)
		}
		for _, name := range [][]byte{bucketDocuments, bucketEntities, bucketRelations, bucketRedirects, bucketMerges} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Relations decode on a second core while entities are indexed (search
	// words make that the costly part); both use read-only transactions.
	type decoded struct {
		relations []*newsgraph.Relation
		err       error
	}
	relations := make(chan decoded, 1)
	go func() {
		var d decoded
		d.err = db.View(func(tx *bolt.Tx) error { return readAll(ctx, tx.Bucket(bucketRelations), &d.relations) })
		relations <- d
	}()
	var b newsgraph.Batch
	var merges []*newsgraph.Merge
	redirects := map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		if err := readAll(ctx, tx.Bucket(bucketDocuments), &b.Documents); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if err := readAll(ctx, tx.Bucket(bucketEntities), &b.Entities); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := readAll(ctx, tx.Bucket(bucketMerges), &merges); err != nil {
			return fmt.Errorf("merges: %w", err)
		}
		return tx.Bucket(bucketRedirects).ForEach(func(k, v []byte) error {
			redirects[string(k)] = string(v)
			return nil
		})
	})
	idx := newIndex()
	if err == nil {
		idx.applyDocuments(b.Documents)
		idx.applyEntities(b.Entities)
		idx.applyRedirects(redirects, nil)
		for _, m := range merges {
			idx.merges[m.Into] = append(idx.merges[m.Into], *m)
		}
	}
	d := <-relations
	switch {
	case err != nil:
		return nil, err
	case d.err != nil:
		return nil, fmt.Errorf("relations: %w", d.err)
	}
	idx.applyRelations(d.relations)
	return idx, nil
}

// readAll decodes every value of bucket into a new item appended to items.
func readAll[T any](ctx context.Context, bucket *bolt.Bucket, items *[]*T) error {
	return bucket.ForEach(func(k, v []byte) error {
		if len(*items)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item := new(T)
		if err := json.Unmarshal(v, item); err != nil {
			return fmt.Errorf("decode %q: %w", k, err)
		}
		*items = append(*items, item)
		return nil
	})
}

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
}

// commit writes the change in one durable transaction: deletions first,
// then puts.
func commit(db *bolt.DB, c *change) error {
	return db.Update(func(tx *bolt.Tx) error {
		if err := deleteAll(tx.Bucket(bucketRelations), c.deleteRelations); err != nil {
			return fmt.Errorf("relations: %w", err)
		}
		if err := deleteAll(tx.Bucket(bucketEntities), c.deleteEntities); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := deleteAll(tx.Bucket(bucketRedirects), c.deleteRedirects); err != nil {
			return fmt.Errorf("redirects: %w", err)
		}
		b := &c.batch
		if err := putAll(tx.Bucket(bucketDocuments), b.Documents, func(d *newsgraph.Document) string { return d.ID }); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if err := putAll(tx.Bucket(bucketEntities), b.Entities, func(e *newsgraph.Entity) string { return e.ID }); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := putAll(tx.Bucket(bucketRelations), b.Relations, func(r *newsgraph.Relation) string { return r.ID }); err != nil {
			return fmt.Errorf("relations: %w", err)
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
	ix.removeEntities(c.deleteEntities)
	ix.apply(&c.batch)
	ix.applyRedirects(c.redirects, c.deleteRedirects)
	if c.merge != nil {
		ix.merges[c.merge.Into] = append(ix.merges[c.merge.Into], *c.merge)
	}
}

// putAll encodes items and puts them in key order, which keeps bbolt's page
// splits cheap for large batches.
func putAll[T any](bucket *bolt.Bucket, items []*T, id func(*T) string) error {
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b *T) int { return cmpString(id(a), id(b)) })
	for _, item := range sorted {
		v, err := json.Marshal(item)
		if err != nil {
			return err
		}
		if err := bucket.Put([]byte(id(item)), v); err != nil {
			return err
		}
	}
	return nil
}
