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
// (Batch.CheckReferences), the batch's mentions are joined with the stored
// ones, and only then are documents, entities, relations and MENTIONS links
// written. An invalid batch writes nothing. The write
// statements say what they created and which relations gained evidence,
// which the report holds.
func (s *Store) Upsert(ctx context.Context, in newsgraph.Batch) (newsgraph.WriteReport, error) {
	b := cloneRelations(in)
	b.Normalize()
	if err := b.Validate(); err != nil {
		return newsgraph.WriteReport{}, err
	}
	if _, err := upsertRows(&b); err != nil {
		return newsgraph.WriteReport{}, err
	}
	return writeTx(ctx, s, "upsert", func(tx neo4j.ManagedTransaction) (newsgraph.WriteReport, error) {
		var report newsgraph.WriteReport
		// A retried transaction starts again from the validated batch.
		batch := b
		if err := resolveBatch(ctx, tx, &batch); err != nil {
			return report, err
		}
		entityIDs, documentIDs := batch.References()
		entities, err := lookupEntities(ctx, tx, entityIDs)
		if err != nil {
			return report, err
		}
		documents, err := lookupDocuments(ctx, tx, documentIDs)
		if err != nil {
			return report, err
		}
		if err := batch.CheckReferences(entities, documents); err != nil {
			return report, err
		}
		rows, err := upsertRows(&batch)
		if err != nil {
			return report, err
		}
		recorded, err := storedMentions(ctx, tx, batch.Mentions)
		if err != nil {
			return report, err
		}
		for _, w := range []struct {
			stmt, param string
			rows        []any
			report      func(*neo4j.Record) error
		}{
			{upsertDocuments, "documents", rows.documents, nil},
			{upsertEntities, "entities", rows.entities, func(rec *neo4j.Record) error {
				created, err := listOf[string](rec, "created")
				report.CreatedEntities, report.UpdatedEntities = splitCreated(batch.Entities, created)
				return err
			}},
			{upsertRelations, "relations", rows.relations, func(rec *neo4j.Record) (err error) {
				if report.CreatedRelations, err = relationItems(rec, "created"); err != nil {
					return err
				}
				report.CorroboratedRelations, err = relationItems(rec, "corroborated")
				return err
			}},
			{linkMentions, "mentions", rows.mentions, nil},
			{recordMentions, "mentions", recorded, nil},
		} {
			if len(w.rows) == 0 {
				continue
			}
			recs, err := run(ctx, tx, w.stmt, map[string]any{w.param: w.rows})
			if err != nil || len(recs) != 1 {
				return report, resultErr(err, len(recs))
			}
			// Every row matches its nodes (the references were checked
			// above), so a shortfall means a bug: fail rather than commit a
			// partial batch.
			if n, err := count(recs[0], "written"); err != nil || n != len(w.rows) {
				return report, cmp.Or(err, fmt.Errorf("%s: wrote %d of %d rows", w.param, n, len(w.rows)))
			}
			if w.report != nil {
				if err := w.report(recs[0]); err != nil {
					return report, err
				}
			}
		}
		return report, nil
	})
}

// splitCreated returns copies of the entities whose ids are in created, and
// of the others, in ascending id order.
func splitCreated(entities []*newsgraph.Entity, created []string) (news, updated []*newsgraph.Entity) {
	defer func() {
		slices.SortFunc(news, newsgraph.CompareEntityIDs)
		slices.SortFunc(updated, newsgraph.CompareEntityIDs)
	}()
	isNew := make(map[string]bool, len(created))
	for _, id := range created {
		isNew[id] = true
	}
	for _, e := range entities {
		if isNew[e.ID] {
			news = append(news, e.Clone())
		} else {
			updated = append(updated, e.Clone())
		}
	}
	return news, updated
}

// relationItems returns the relations of the list column key of rec, maps
// {relation, from, to}, in ascending id order.
func relationItems(rec *neo4j.Record, key string) ([]*newsgraph.Relation, error) {
	items, err := listOf[map[string]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]*newsgraph.Relation, 0, len(items))
	for _, item := range items {
		r, err := relationFromItem(item)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	slices.SortFunc(out, newsgraph.CompareRelationIDs)
	return out, nil
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
// (newsgraph.Batch.Redirect). Survivors outside the batch that gain aliases from
// entities of the batch merged away are locked, read and added to the
// batch with their new aliases, so that the write replaces them whole.
func resolveBatch(ctx context.Context, tx neo4j.ManagedTransaction, b *newsgraph.Batch) error {
	redirects, err := resolveMerged(ctx, tx, namedEntityIDs(b))
	if err != nil || len(redirects) == 0 {
		return err
	}
	folds := b.Redirect(func(id string) (string, bool) {
		into, ok := redirects[id]
		return into, ok
	})
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
		if e := survivors[id]; e != nil && e.AddAliases(folds[id]...) {
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
