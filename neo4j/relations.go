package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// RelationsByID returns the relations with the given ids that exist, keyed
// by id, in one round trip.
func (s *Store) RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error) {
	if len(ids) == 0 {
		return map[string]*newsgraph.Relation{}, nil
	}
	return readTx(ctx, s, "relationsById", func(tx neo4j.ManagedTransaction) (map[string]*newsgraph.Relation, error) {
		recs, err := run(ctx, tx, relationsByID, map[string]any{"ids": unique(ids)})
		if err != nil {
			return nil, err
		}
		out := make(map[string]*newsgraph.Relation, len(recs))
		for _, rec := range recs {
			r, err := relationOf(rec, "r", "from", "to")
			if err != nil {
				return nil, err
			}
			out[r.ID] = r
		}
		return out, nil
	})
}

// Relations answers each query with a page of relations in ascending id
// order, all in one read transaction with one statement per query.
func (s *Store) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	if len(qs) == 0 {
		return []newsgraph.Page[*newsgraph.Relation]{}, nil
	}
	return readTx(ctx, s, "relations", func(tx neo4j.ManagedTransaction) ([]newsgraph.Page[*newsgraph.Relation], error) {
		pages := make([]newsgraph.Page[*newsgraph.Relation], len(qs))
		for i, q := range qs {
			page, err := relationPage(ctx, tx, q)
			if err != nil {
				return nil, err
			}
			pages[i] = page
		}
		return pages, nil
	})
}

// relationStatement picks the statement that answers q from an index
// lookup when a filter names an entity or a document, and its parameters.
func relationStatement(q newsgraph.RelationQuery) (string, map[string]any) {
	f := q.Filter
	after, _ := newsgraph.DecodeCursor(q.After) // Validate checked it.
	params := map[string]any{
		"from": f.From, "to": f.To, "involving": f.Involving, "documentId": f.DocumentID,
		"types": nonNil(f.Types), "asOf": asOfParam(f.AsOf), "after": after, "limit": int64(q.First + 1),
	}
	for _, anchor := range []string{f.From, f.To, f.Involving} {
		if anchor != "" {
			params["anchor"] = anchor
			return relationsAroundEntity, params
		}
	}
	if f.DocumentID != "" {
		return relationsByDocument, params
	}
	return relationsScan, params
}

// relationPage runs the statement that answers q.
func relationPage(ctx context.Context, tx neo4j.ManagedTransaction, q newsgraph.RelationQuery) (newsgraph.Page[*newsgraph.Relation], error) {
	var page newsgraph.Page[*newsgraph.Relation]
	stmt, params := relationStatement(q)
	recs, err := run(ctx, tx, stmt, params)
	if err != nil || len(recs) != 1 {
		return page, resultErr(err, len(recs))
	}
	if page.TotalCount, err = count(recs[0], "total"); err != nil {
		return page, err
	}
	items, err := listOf[map[string]any](recs[0], "page")
	if err != nil {
		return page, err
	}
	for _, item := range items {
		r, err := relationFromItem(item)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, r)
	}
	page.Items, page.HasNextPage = cut(page.Items, q.First)
	return page, nil
}

// sketchFromItem maps a row {properties, type, from, to} of
// subgraph_elements.cypher's sketches, a relationship's properties with
// only the document ids of its evidence lists, to a relation without
// Evidence and its corroboration.
func sketchFromItem(item map[string]any) (*newsgraph.Relation, int, error) {
	m, ok := item["properties"].(map[string]any)
	if !ok {
		return nil, 0, errItem("properties", item["properties"])
	}
	var ends [3]string
	for i, key := range []string{"type", "from", "to"} {
		if ends[i], ok = item[key].(string); !ok {
			return nil, 0, errItem(key, item[key])
		}
	}
	p := props{m: m}
	docs := p.strs("evidenceDocumentIds")
	if p.err != nil {
		return nil, 0, p.err
	}
	evidence := make([]newsgraph.Evidence, len(docs))
	for i, d := range docs {
		evidence[i].DocumentID = d
	}
	delete(m, "evidenceDocumentIds") // relationFromProps reads the lists as a whole
	r, err := relationFromProps(ends[0], ends[1], ends[2], m)
	if err != nil {
		return nil, 0, err
	}
	r.Evidence = nil
	return r, newsgraph.Corroboration(evidence), nil
}

// relationFromItem maps a page item {relation, from, to} to a relation.
func relationFromItem(item map[string]any) (*newsgraph.Relation, error) {
	rel, ok := item["relation"].(neo4j.Relationship)
	if !ok {
		return nil, errItem("relation", item["relation"])
	}
	from, ok := item["from"].(string)
	if !ok {
		return nil, errItem("from", item["from"])
	}
	to, ok := item["to"].(string)
	if !ok {
		return nil, errItem("to", item["to"])
	}
	return relationFromProps(rel.Type, from, to, rel.Props)
}
