package embedded

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/newsgraph/newsgraph"
	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the layout of the database file. Version 2 stores
// documents, entities and relations in the binary layout of codec.go;
// version 1 stored them as JSON, and Open upgrades such a file in place,
// once. Open refuses any other version.
const (
	schemaVersion   = "2"
	schemaVersionV1 = "1"
)

// Bucket names and meta keys of the database file. Values are keyed by
// the item's id.
var (
	bucketMeta      = []byte("meta")
	bucketDocuments = []byte("documents")
	bucketEntities  = []byte("entities")
	bucketRelations = []byte("relations")
	// bucketRedirects maps an id merged away to its survivor's id (plain
	// text); bucketMerges holds merge records (JSON) under 8-byte
	// big-endian sequence numbers, oldest first.
	bucketRedirects = []byte("redirects")
	bucketMerges    = []byte("merges")
	keySchema       = []byte("schema")
)

// decoders decode the values of one schema version.
type decoders struct {
	document func(k, v []byte) (*newsgraph.Document, error)
	entity   func(k, v []byte) (*newsgraph.Entity, error)
	// relation returns a decoder of relations for one goroutine.
	relation func() func(k, v []byte) (*storedRelation, error)
}

// storedRelation is a relation read from the file with its key's sequence
// number (0 in a version 1 file, keyed by id).
type storedRelation struct {
	relation *newsgraph.Relation
	seq      uint64
}

var (
	binaryDecoders = decoders{document: decodeDocument, entity: decodeEntity, relation: func() func(k, v []byte) (*storedRelation, error) {
		var slab relationSlab
		var stored []storedRelation
		return func(k, v []byte) (*storedRelation, error) {
			if len(k) != 8 {
				return nil, errCorrupt
			}
			r, err := decodeRelation(v, &slab)
			if len(stored) == 0 {
				stored = make([]storedRelation, slabSize)
			}
			sr := &stored[0]
			stored = stored[1:]
			*sr = storedRelation{relation: r, seq: binary.BigEndian.Uint64(k)}
			return sr, err
		}
	}}
	jsonDecoders = decoders{document: decodeJSON[newsgraph.Document], entity: decodeJSON[newsgraph.Entity], relation: func() func(k, v []byte) (*storedRelation, error) {
		return func(k, v []byte) (*storedRelation, error) {
			r, err := decodeJSON[newsgraph.Relation](k, v)
			return &storedRelation{relation: r}, err
		}
	}}
)

func decodeJSON[T any](_, v []byte) (*T, error) {
	item := new(T)
	err := json.Unmarshal(v, item)
	if e, ok := any(item).(*newsgraph.Entity); ok {
		newsgraph.UpgradeVerdict(e)
	}
	return item, err
}

// prepare creates the buckets of a new file and returns the schema
// version of the file.
func prepare(db *bolt.DB) (string, error) {
	var version string
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
			version = schemaVersion
		case string(v) == schemaVersion || string(v) == schemaVersionV1:
			version = string(v)
		default:
			return fmt.Errorf("schema version %q is not supported: this newsgraph reads versions %s and %s; use the newsgraph release that wrote the file", v, schemaVersionV1, schemaVersion)
		}
		for _, name := range [][]byte{bucketDocuments, bucketEntities, bucketRelations, bucketRedirects, bucketMerges, bucketMentions} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	return version, err
}

// load creates the buckets of a new file, checks the schema version of an
// existing one, and reads every item into a fresh index. A version 1 file
// is rewritten in the current layout first.
func load(ctx context.Context, db *bolt.DB) (*index, error) {
	version, err := prepare(db)
	if err != nil {
		return nil, err
	}
	dec := binaryDecoders
	if version == schemaVersionV1 {
		dec = jsonDecoders
	}
	// Relations decode on every core and are indexed while entities are
	// (search words make that the costly part); both use read-only
	// transactions, and each side writes only its own fields of the index.
	// Relation lists are left unsorted: the first read of each sorts it.
	idx := newIndex()
	type decoded struct {
		relations []*storedRelation
		loaded    bool
		err       error
	}
	relations := make(chan decoded, 1)
	go func() {
		var d decoded
		d.err = db.View(func(tx *bolt.Tx) error {
			var err error
			d.relations, err = readParallel(ctx, tx.Bucket(bucketRelations), dec.relation)
			return err
		})
		if d.err == nil && version == schemaVersion {
			idx.loadRelations(splitStored(d.relations))
			d.loaded = true
		}
		relations <- d
	}()
	var b newsgraph.Batch
	var merges []*newsgraph.Merge
	var mentions []*newsgraph.Mention
	redirects := map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		if err := readAll(ctx, tx.Bucket(bucketDocuments), &b.Documents, dec.document); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if err := readAll(ctx, tx.Bucket(bucketEntities), &b.Entities, dec.entity); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := readAll(ctx, tx.Bucket(bucketMerges), &merges, decodeJSON[newsgraph.Merge]); err != nil {
			return fmt.Errorf("merges: %w", err)
		}
		if mentions, err = readMentions(ctx, tx); err != nil {
			return err
		}
		return tx.Bucket(bucketRedirects).ForEach(func(k, v []byte) error {
			redirects[string(k)] = string(v)
			return nil
		})
	})
	if err == nil {
		if len(b.Entities) > 0 {
			idx.search.set(nil) // built when first needed
		}
		idx.applyDocuments(b.Documents)
		idx.applyEntities(b.Entities)
		idx.applyRedirects(redirects, nil)
		// The records are stored in the order they were made.
		for _, m := range merges {
			idx.addMerge(*m)
		}
		for _, m := range mentions {
			idx.mentions.put(*m)
		}
	}
	d := <-relations
	switch {
	case err != nil:
		return nil, err
	case d.err != nil:
		return nil, fmt.Errorf("relations: %w", d.err)
	}
	if d.loaded {
		return idx, nil
	}
	b.Relations, _ = splitStored(d.relations)
	seqs, err := upgrade(db, &b)
	if err != nil {
		return nil, fmt.Errorf("upgrade from schema version %s to %s: %w", schemaVersionV1, schemaVersion, err)
	}
	idx.applyRelations(b.Relations, seqs, nil)
	return idx, nil
}

// splitStored returns the relations read from the file and their
// sequence numbers.
func splitStored(stored []*storedRelation) ([]*newsgraph.Relation, []uint64) {
	rels := make([]*newsgraph.Relation, len(stored))
	seqs := make([]uint64, len(stored))
	for i, sr := range stored {
		rels[i], seqs[i] = sr.relation, sr.seq
	}
	return rels, seqs
}

// upgrade rewrites every document, entity and relation of a version 1
// file in the current layout and records the new version, in one
// transaction. It returns the relations' new sequence numbers.
func upgrade(db *bolt.DB, b *newsgraph.Batch) ([]uint64, error) {
	seqs := make([]uint64, len(b.Relations))
	err := db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketRelations); err != nil {
			return err
		}
		if _, err := tx.CreateBucket(bucketRelations); err != nil {
			return err
		}
		if err := putItems(tx, b, seqs); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(schemaVersion))
	})
	return seqs, err
}

// readAll decodes every value of bucket into a new item appended to items.
func readAll[T any](ctx context.Context, bucket *bolt.Bucket, items *[]*T, decode func(k, v []byte) (*T, error)) error {
	return bucket.ForEach(func(k, v []byte) error {
		if len(*items)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item, err := decode(k, v)
		if err != nil {
			return fmt.Errorf("decode %q: %w", k, err)
		}
		*items = append(*items, item)
		return nil
	})
}

// readParallel decodes every value of bucket on all cores and returns the
// items in key order. The transaction must stay open until it returns:
// keys and values point into the memory-mapped file.
func readParallel[T any](ctx context.Context, bucket *bolt.Bucket, newDecoder func() func(k, v []byte) (*T, error)) ([]*T, error) {
	const chunkSize = 4096
	type chunk struct {
		keys, values [][]byte
		items        []*T
		err          error
		done         chan struct{}
	}
	work := make(chan *chunk, 64)
	var chunks []*chunk
	workers := runtime.GOMAXPROCS(0)
	for range workers {
		go func() {
			decode := newDecoder()
			for c := range work {
				c.items = make([]*T, len(c.keys))
				for i, k := range c.keys {
					item, err := decode(k, c.values[i])
					if err != nil {
						c.err = fmt.Errorf("decode %q: %w", k, err)
						break
					}
					c.items[i] = item
				}
				close(c.done)
			}
		}()
	}
	c := &chunk{done: make(chan struct{})}
	err := bucket.ForEach(func(k, v []byte) error {
		c.keys = append(c.keys, k)
		c.values = append(c.values, v)
		if len(c.keys) == chunkSize {
			if err := ctx.Err(); err != nil {
				return err
			}
			chunks = append(chunks, c)
			work <- c
			c = &chunk{done: make(chan struct{})}
		}
		return nil
	})
	if len(c.keys) > 0 {
		chunks = append(chunks, c)
		work <- c
	}
	close(work)
	total := 0
	for _, c := range chunks {
		<-c.done
		if c.err != nil && err == nil {
			err = c.err
		}
		total += len(c.items)
	}
	if err != nil {
		return nil, err
	}
	items := make([]*T, 0, total)
	for _, c := range chunks {
		items = append(items, c.items...)
	}
	return items, nil
}
