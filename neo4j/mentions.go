package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Recorded mentions (newsgraph.Mention) are MENTIONS links from a document
// to an entity with listed = true and spans, a flat list of character
// offsets [start, end, start, end, ...]. The links evidence makes carry
// neither and are pruned when their evidence goes; listed ones go only with
// their entity (DETACH DELETE) or move with it in a merge.

// spansParam flattens spans into the stored list.
func spansParam(spans []newsgraph.Span) []any {
	out := make([]any, 0, 2*len(spans))
	for _, s := range spans {
		out = append(out, int64(s.Start), int64(s.End))
	}
	return out
}

// spansFrom reads a stored flat list of offsets.
func spansFrom(v any) ([]newsgraph.Span, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok || len(list)%2 != 0 {
		return nil, errItem("spans", v)
	}
	var out []newsgraph.Span
	for i := 0; i < len(list); i += 2 {
		start, ok1 := list[i].(int64)
		end, ok2 := list[i+1].(int64)
		if !ok1 || !ok2 {
			return nil, errItem("spans", v)
		}
		out = append(out, newsgraph.Span{Start: int(start), End: int(end)})
	}
	return out, nil
}

// mentionRows are the rows of record_mentions.cypher.
func mentionRows(ms []newsgraph.Mention) []any {
	rows := make([]any, len(ms))
	for i, m := range ms {
		rows[i] = map[string]any{"documentId": m.DocumentID, "entityId": m.EntityID, "spans": spansParam(m.Spans)}
	}
	return rows
}

// mentionsOf reads the rows {documentId, entityId, spans} of a mentions
// statement.
func mentionsOf(recs []*neo4j.Record) ([]newsgraph.Mention, error) {
	out := make([]newsgraph.Mention, 0, len(recs))
	for _, rec := range recs {
		doc, err := value[string](rec, "documentId")
		if err != nil {
			return nil, err
		}
		entity, err := value[string](rec, "entityId")
		if err != nil {
			return nil, err
		}
		raw, _ := rec.Get("spans")
		spans, err := spansFrom(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, newsgraph.Mention{DocumentID: doc, EntityID: entity, Spans: spans})
	}
	return out, nil
}

// storedMentions joins the batch's mentions with the spans stored for
// their pairs, in one round trip, and returns the rows to record.
func storedMentions(ctx context.Context, tx neo4j.ManagedTransaction, ms []newsgraph.Mention) ([]any, error) {
	if len(ms) == 0 {
		return nil, nil
	}
	pairs := make([]any, len(ms))
	for i, m := range ms {
		pairs[i] = map[string]any{"documentId": m.DocumentID, "entityId": m.EntityID}
	}
	recs, err := run(ctx, tx, mentionsOfPairs, map[string]any{"pairs": pairs})
	if err != nil {
		return nil, err
	}
	stored, err := mentionsOf(recs)
	if err != nil {
		return nil, err
	}
	return mentionRows(newsgraph.UnionMentions(stored, ms)), nil
}

// mergedMentions returns the rows that record, on the survivor into, the
// mentions of the entities mergedIDs joined with its own, in one round
// trip.
func mergedMentions(ctx context.Context, tx neo4j.ManagedTransaction, into string, mergedIDs []string) ([]any, error) {
	recs, err := run(ctx, tx, mentionsOfEntities, map[string]any{"ids": mergedIDs})
	if err != nil {
		return nil, err
	}
	moved, err := mentionsOf(recs)
	if err != nil || len(moved) == 0 {
		return nil, err
	}
	for i := range moved {
		moved[i].EntityID = into
	}
	return storedMentions(ctx, tx, newsgraph.UnionMentions(nil, moved))
}

// MentionsIn returns, for each requested document that exists, the
// mentions it records in ascending entity id order, in one round trip.
func (s *Store) MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error) {
	if len(documentIDs) == 0 {
		return map[string][]newsgraph.Mention{}, nil
	}
	return readTx(ctx, s, "mentionsIn", func(tx neo4j.ManagedTransaction) (map[string][]newsgraph.Mention, error) {
		recs, err := run(ctx, tx, mentionsInDocuments, map[string]any{"ids": unique(documentIDs)})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]newsgraph.Mention, len(recs))
		for _, rec := range recs {
			doc, err := value[string](rec, "documentId")
			if err != nil {
				return nil, err
			}
			items, err := listOf[map[string]any](rec, "mentions")
			if err != nil {
				return nil, err
			}
			list := make([]newsgraph.Mention, 0, len(items))
			for _, item := range items {
				entity, ok := item["entityId"].(string)
				if !ok {
					return nil, errItem("entityId", item["entityId"])
				}
				spans, err := spansFrom(item["spans"])
				if err != nil {
					return nil, fmt.Errorf("document %s: %w", doc, err)
				}
				list = append(list, newsgraph.Mention{DocumentID: doc, EntityID: entity, Spans: spans})
			}
			out[doc] = list
		}
		return out, nil
	})
}
