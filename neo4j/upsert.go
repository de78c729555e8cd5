package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Upsert writes a batch all or nothing, in one write transaction: the batch
// is normalised and validated on its own first; then, inside the
// transaction, ids merged away are resolved to their survivors
// (applyRedirects), its references are looked up and checked
// (Batch.CheckReferences), and only then are documents, entities, relations
// and MENTIONS links written. An invalid batch writes nothing.
func (s *Store) Upsert(ctx context.Context, in newsgraph.Batch) error {
	b := cloneRelations(in)
	b.Normalize()
	if err := b.Validate(); err != nil {
		return err
	}
	if _, err := upsertRows(&b); err != nil {
		return err
	}
	_, err := writeTx(ctx, s, "upsert", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		// A retried transaction starts again from the validated batch.
		batch := b
		if err := resolveBatch(ctx, tx, &batch); err != nil {
			return struct{}{}, err
		}
		entityIDs, documentIDs := batch.References()
		entities, err := lookupEntities(ctx, tx, entityIDs)
		if err != nil {
			return struct{}{}, err
		}
		documents, err := lookupDocuments(ctx, tx, documentIDs)
		if err != nil {
			return struct{}{}, err
		}
		if err := batch.CheckReferences(entities, documents); err != nil {
			return struct{}{}, err
		}
		rows, err := upsertRows(&batch)
		if err != nil {
			return struct{}{}, err
		}
		for _, w := range []struct {
			stmt, param string
			rows        []any
		}{
			{upsertDocuments, "documents", rows.documents},
			{upsertEntities, "entities", rows.entities},
			{upsertRelations, "relations", rows.relations},
			{linkMentions, "mentions", rows.mentions},
		} {
			if len(w.rows) == 0 {
				continue
			}
			recs, err := run(ctx, tx, w.stmt, map[string]any{w.param: w.rows})
			if err != nil || len(recs) != 1 {
				return struct{}{}, resultErr(err, len(recs))
			}
			// Every row matches its nodes (the references were checked
			// above), so a shortfall means a bug: fail rather than commit a
			// partial batch.
			if n, err := count(recs[0], "written"); err != nil || n != len(w.rows) {
				return struct{}{}, cmp.Or(err, fmt.Errorf("%s: wrote %d of %d rows", w.param, n, len(w.rows)))
			}
		}
		return struct{}{}, nil
	})
	return err
}

// batchRows are the parameter rows of the write statements.
type batchRows struct {
	documents, entities, relations, mentions []any
}

// upsertRows turns a validated batch into statement parameters. Relation
// types and kind labels become a relationship type and a node label through
// dynamic types and labels, so they are checked here once more, against
// newsgraph.ValidRelationType and the fixed list of kind labels, right
// before they reach Cypher.
func upsertRows(b *newsgraph.Batch) (batchRows, error) {
	var rows batchRows
	for _, d := range b.Documents {
		rows.documents = append(rows.documents, map[string]any{"id": d.ID, "properties": documentProperties(d)})
	}
	for _, e := range b.Entities {
		label, ok := kindLabel(e.Kind)
		if !ok {
			return rows, &newsgraph.Error{Code: newsgraph.Invalid, Op: "upsert", Message: "entity " + e.ID + " has unknown kind " + string(e.Kind)}
		}
		rows.entities = append(rows.entities, map[string]any{"id": e.ID, "label": label, "properties": entityProperties(e)})
	}
	type mention struct{ document, entity string }
	seen := map[mention]bool{}
	for _, r := range b.Relations {
		if !newsgraph.ValidRelationType(r.Type) {
			return rows, &newsgraph.Error{Code: newsgraph.Invalid, Op: "upsert", Message: "relation type " + r.Type + " is malformed"}
		}
		rows.relations = append(rows.relations, map[string]any{
			"id": r.ID, "type": r.Type, "from": r.From, "to": r.To,
			"properties": relationProperties(r), "evidence": evidenceMaps(r.Evidence),
		})
		for _, ev := range r.Evidence {
			for _, id := range []string{r.From, r.To} {
				m := mention{ev.DocumentID, id}
				if !seen[m] {
					seen[m] = true
					rows.mentions = append(rows.mentions, map[string]any{"documentId": m.document, "entityId": m.entity})
				}
			}
		}
	}
	return rows, nil
}

// resolveBatch rewrites b to name survivors instead of ids merged away
// (applyRedirects). Survivors outside the batch that gain aliases from
// entities of the batch merged away are locked, read and added to the
// batch with their new aliases, so that the write replaces them whole.
func resolveBatch(ctx context.Context, tx neo4j.ManagedTransaction, b *newsgraph.Batch) error {
	redirects, err := resolveMerged(ctx, tx, namedEntityIDs(b))
	if err != nil || len(redirects) == 0 {
		return err
	}
	folds := applyRedirects(b, redirects)
	if len(folds) == 0 {
		return nil
	}
	survivors, err := lockAndLoad(ctx, tx, slices.Sorted(maps.Keys(folds)))
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(folds)) {
		// A survivor is never missing: deleting an entity deletes the
		// redirects into it. Should one be, the names have nowhere to go.
		if e := survivors[id]; e != nil && addAliases(e, folds[id]) {
			b.Entities = append(b.Entities, e)
		}
	}
	return nil
}

// cloneRelations returns b with copies of its relations, which Normalize
// changes in place, so that the caller's batch is left as it was.
func cloneRelations(b newsgraph.Batch) newsgraph.Batch {
	relations := make([]*newsgraph.Relation, len(b.Relations))
	for i, r := range b.Relations {
		if r != nil {
			c := *r
			relations[i] = &c
		}
	}
	b.Relations = relations
	return b
}
