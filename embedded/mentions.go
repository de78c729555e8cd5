package embedded

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	bolt "go.etcd.io/bbolt"
)

// This file keeps the mentions documents record (newsgraph.Mention): their
// bucket in the file, their index in memory, and the reads over them.
//
// The mentions bucket is keyed by document id, a NUL byte and entity id
// (ids hold no NUL), so that one document's mentions are adjacent; the
// value is the spans: a uvarint count, then each span's start and length as
// uvarints. A file written before mentions existed has no such bucket; Open
// creates it empty, so such a file loads unchanged, its documents
// mentioning what their evidence supports.

// bucketMentions holds the recorded mentions.
var bucketMentions = []byte("mentions")

// mentionKey is the key of the mention of entity by document.
func mentionKey(document, entity string) []byte {
	k := make([]byte, 0, len(document)+1+len(entity))
	k = append(k, document...)
	k = append(k, 0)
	return append(k, entity...)
}

// appendSpans appends the encoding of spans.
func appendSpans(b []byte, spans []newsgraph.Span) []byte {
	b = binary.AppendUvarint(b, uint64(len(spans)))
	for _, s := range spans {
		b = binary.AppendUvarint(b, uint64(s.Start))
		b = binary.AppendUvarint(b, uint64(s.End-s.Start))
	}
	return b
}

// decodeMention decodes a key and value of the mentions bucket.
func decodeMention(k, v []byte) (*newsgraph.Mention, error) {
	doc, entity, ok := strings.Cut(string(k), "\x00")
	if !ok {
		return nil, errCorrupt
	}
	d := decoder{s: string(v)}
	m := &newsgraph.Mention{DocumentID: doc, EntityID: entity}
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.s)) {
		return nil, errCorrupt
	}
	for range n {
		start := int(d.uvarint())
		m.Spans = append(m.Spans, newsgraph.Span{Start: start, End: start + int(d.uvarint())})
	}
	return m, d.done()
}

// commitMentions deletes and puts the mentions of a change.
func commitMentions(tx *bolt.Tx, c *change) error {
	bucket := tx.Bucket(bucketMentions)
	for _, m := range c.deleteMentions {
		if err := bucket.Delete(mentionKey(m.DocumentID, m.EntityID)); err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
	}
	for _, m := range c.batch.Mentions {
		if err := bucket.Put(mentionKey(m.DocumentID, m.EntityID), appendSpans(nil, m.Spans)); err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
	}
	return nil
}

// readMentions reads every stored mention.
func readMentions(ctx context.Context, tx *bolt.Tx) ([]*newsgraph.Mention, error) {
	var out []*newsgraph.Mention
	if err := readAll(ctx, tx.Bucket(bucketMentions), &out, decodeMention); err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return out, nil
}

// mentionIndex holds the recorded mentions both ways: the spans by
// document and entity, and the documents mentioning each entity.
type mentionIndex struct {
	byDocument map[string]map[string][]newsgraph.Span
	byEntity   map[string]map[string]bool
}

func newMentionIndex() mentionIndex {
	return mentionIndex{byDocument: map[string]map[string][]newsgraph.Span{}, byEntity: map[string]map[string]bool{}}
}

// put records m, replacing the spans of its pair, and takes its spans.
func (mi mentionIndex) put(m newsgraph.Mention) {
	if mi.byDocument[m.DocumentID] == nil {
		mi.byDocument[m.DocumentID] = map[string][]newsgraph.Span{}
	}
	mi.byDocument[m.DocumentID][m.EntityID] = m.Spans
	if mi.byEntity[m.EntityID] == nil {
		mi.byEntity[m.EntityID] = map[string]bool{}
	}
	mi.byEntity[m.EntityID][m.DocumentID] = true
}

// remove forgets the mention of m's pair.
func (mi mentionIndex) remove(m newsgraph.Mention) {
	if byEntity := mi.byDocument[m.DocumentID]; byEntity != nil {
		delete(byEntity, m.EntityID)
		if len(byEntity) == 0 {
			delete(mi.byDocument, m.DocumentID)
		}
	}
	if docs := mi.byEntity[m.EntityID]; docs != nil {
		delete(docs, m.DocumentID)
		if len(docs) == 0 {
			delete(mi.byEntity, m.EntityID)
		}
	}
}

// spans returns the stored spans of the pair and whether it is stored.
func (mi mentionIndex) spans(document, entity string) ([]newsgraph.Span, bool) {
	s, ok := mi.byDocument[document][entity]
	return s, ok
}

// of returns the stored mentions of entity, in document id order.
func (mi mentionIndex) of(entity string) []newsgraph.Mention {
	var out []newsgraph.Mention
	for _, doc := range sortedKeys(mi.byEntity[entity]) {
		out = append(out, newsgraph.Mention{DocumentID: doc, EntityID: entity, Spans: mi.byDocument[doc][entity]})
	}
	return out
}

// applyMentions applies the mention changes of a committed change.
func (ix *index) applyMentions(c *change) {
	for _, m := range c.deleteMentions {
		ix.mentions.remove(m)
	}
	for _, m := range c.batch.Mentions {
		ix.mentions.put(m)
	}
}

// planMentions gives the batch's mentions the union of their stored and
// new spans, so that the change holds each mention as it is to be stored.
func (ix *index) planMentions(b *newsgraph.Batch) {
	for i, m := range b.Mentions {
		if stored, ok := ix.mentions.spans(m.DocumentID, m.EntityID); ok {
			b.Mentions[i].Spans = newsgraph.UnionSpans(stored, m.Spans)
		}
	}
}

// planMergeMentions adds to c the moves of the mentions of the entities
// from to into.
func (ix *index) planMergeMentions(c *change, into string, from []string) {
	var moved []newsgraph.Mention
	for _, id := range from {
		for _, m := range ix.mentions.of(id) {
			c.deleteMentions = append(c.deleteMentions, m)
			m.EntityID = into
			if stored, ok := ix.mentions.spans(m.DocumentID, into); ok {
				m.Spans = newsgraph.UnionSpans(stored, m.Spans)
			}
			moved = append(moved, m)
		}
	}
	c.batch.Mentions = newsgraph.UnionMentions(nil, moved)
}

// MentionsIn returns, for each requested document that exists, the
// mentions it records in ascending entity id order.
func (s *Store) MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error) {
	out := make(map[string][]newsgraph.Mention, len(documentIDs))
	err := s.read(ctx, func(ix *index) error {
		for _, id := range documentIDs {
			if ix.documents[id] == nil {
				continue
			}
			list := []newsgraph.Mention{}
			byEntity := ix.mentions.byDocument[id]
			for _, entity := range sortedKeys(boolSet(byEntity)) {
				list = append(list, newsgraph.Mention{DocumentID: id, EntityID: entity, Spans: slices.Clone(byEntity[entity])})
			}
			out[id] = list
		}
		return nil
	})
	return out, err
}
