package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph/model"
)

// The write resolvers. @requires has checked the caller's scope before any
// of them runs. Each one writes through package ingest or the store, logs
// the write (logWrite) and publishes what changed to the subscribers.

type mutationResolver struct{ *resolver }

// IngestDocument resolves Mutation.ingestDocument through ingest.Service.
func (r *mutationResolver) IngestDocument(ctx context.Context, input model.IngestInput) (*model.IngestResult, error) {
	res, err := r.ingest.Ingest(ctx, ingestInput(input))
	if err != nil {
		return nil, err
	}
	ids := append(append([]string{}, res.CreatedRelationIDs...), res.CorroboratedRelationIDs...)
	rels, err := r.store.RelationsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	created := relationsIn(rels, res.CreatedRelationIDs)
	corroborated := relationsIn(rels, res.CorroboratedRelationIDs)
	docID := ""
	if res.Document != nil {
		docID = res.Document.ID
	}
	logWrite(ctx, r.logger, "ingestDocument", "documentId", docID,
		"entitiesCreated", len(res.Created), "entitiesMatched", len(res.Matched),
		"relationsCreated", res.RelationsCreated, "relationsCorroborated", res.RelationsCorroborated)

	now := time.Now()
	var changes []events.Change
	for _, e := range res.Created {
		changes = append(changes, events.Change{Kind: events.EntityCreated, Entity: e, At: now})
	}
	for _, rel := range created {
		changes = append(changes, events.Change{Kind: events.RelationCreated, Relation: rel, At: now})
	}
	for _, rel := range corroborated {
		changes = append(changes, events.Change{Kind: events.RelationCorroborated, Relation: rel, At: now})
	}
	r.broker.Publish(changes...)

	prime(ctx, res.Created...)
	prime(ctx, res.Matched...)
	if res.Document == nil {
		return nil, newsgraph.Errorf(newsgraph.Invalid, "the input has no document: give document.title and document.text")
	}
	return &model.IngestResult{
		Document:              res.Document,
		Created:               model.WrapAll(res.Created),
		Matched:               model.WrapAll(res.Matched),
		RelationsCreated:      res.RelationsCreated,
		RelationsCorroborated: res.RelationsCorroborated,
		CreatedRelations:      created,
		CorroboratedRelations: corroborated,
	}, nil
}

// relationsIn returns the relations of byID with the given ids, in order.
func relationsIn(byID map[string]*newsgraph.Relation, ids []string) []*newsgraph.Relation {
	out := make([]*newsgraph.Relation, 0, len(ids))
	for _, id := range ids {
		if rel, ok := byID[id]; ok {
			out = append(out, rel)
		}
	}
	return out
}

// UpsertEntity resolves Mutation.upsertEntity through ingest.Service.
func (r *mutationResolver) UpsertEntity(ctx context.Context, input model.EntityInput) (*model.UpsertEntityResult, error) {
	e, created, err := r.ingest.UpsertEntity(ctx, entityInput(input))
	if err != nil {
		return nil, err
	}
	logWrite(ctx, r.logger, "upsertEntity", "entityId", e.ID, "created", created)
	kind := events.EntityUpdated
	if created {
		kind = events.EntityCreated
	}
	r.broker.Publish(events.Change{Kind: kind, Entity: e, At: time.Now()})
	prime(ctx, e)
	return &model.UpsertEntityResult{Entity: model.Wrap(e), Created: created}, nil
}

// UpsertRelation resolves Mutation.upsertRelation through
// ingest.Service.UpsertRelation, which serialises it with ingestion: the
// relation is written with evidence from the stored document documentID.
func (r *mutationResolver) UpsertRelation(ctx context.Context, input model.RelationInput, documentID string) (*model.UpsertRelationResult, error) {
	in := relationInput(input)
	id := newsgraph.RelationID(in.From, in.Type, in.To)
	before, err := r.store.RelationsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	stored, created, err := r.ingest.UpsertRelation(ctx, documentID, in)
	if err != nil {
		return nil, err
	}
	logWrite(ctx, r.logger, "upsertRelation", "relationId", stored.ID, "documentId", documentID, "created", created)
	switch old := before[id]; {
	case created:
		r.broker.Publish(events.Change{Kind: events.RelationCreated, Relation: stored, At: time.Now()})
	case old == nil || len(stored.Evidence) > len(old.Evidence):
		r.broker.Publish(events.Change{Kind: events.RelationCorroborated, Relation: stored, At: time.Now()})
	}
	return &model.UpsertRelationResult{Relation: stored, Created: created}, nil
}

// DeleteRelation resolves Mutation.deleteRelation.
func (r *mutationResolver) DeleteRelation(ctx context.Context, id string) (bool, error) {
	before, err := r.store.RelationsByID(ctx, []string{id})
	if err != nil {
		return false, err
	}
	if err := r.store.DeleteRelation(ctx, id); err != nil {
		return false, err
	}
	logWrite(ctx, r.logger, "deleteRelation", "relationId", id)
	if rel := before[id]; rel != nil {
		r.broker.Publish(events.Change{Kind: events.RelationDeleted, Relation: rel, IDs: []string{id}, At: time.Now()})
	}
	return true, nil
}

// DeleteEntity resolves Mutation.deleteEntity: the entity goes with every
// relation at either end of it.
func (r *mutationResolver) DeleteEntity(ctx context.Context, id string) (*model.DeleteEntityResult, error) {
	before, err := r.store.EntitiesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	relIDs, err := r.relationIDsInvolving(ctx, id)
	if err != nil {
		return nil, err
	}
	n, err := r.store.DeleteEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	logWrite(ctx, r.logger, "deleteEntity", "entityId", id, "relationsDeleted", n)
	if e := before[id]; e != nil && e.ID == id {
		r.broker.Publish(events.Change{Kind: events.EntityDeleted, Entity: e, IDs: relIDs, At: time.Now()})
	}
	return &model.DeleteEntityResult{ID: id, RelationsDeleted: n}, nil
}

// relationIDsInvolving returns the ids of every relation at either end of
// the entity id, paging through them.
func (r *mutationResolver) relationIDsInvolving(ctx context.Context, id string) ([]string, error) {
	var ids []string
	q := newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: id}, First: newsgraph.MaxPageSize}
	for {
		pages, err := r.store.Relations(ctx, []newsgraph.RelationQuery{q})
		if err != nil {
			return nil, err
		}
		if len(pages) != 1 {
			return nil, fmt.Errorf("store returned %d relation pages for 1 query", len(pages))
		}
		for _, rel := range pages[0].Items {
			ids = append(ids, rel.ID)
		}
		if !pages[0].HasNextPage || len(pages[0].Items) == 0 {
			return ids, nil
		}
		q.After = newsgraph.EncodeCursor(ids[len(ids)-1])
	}
}

// MergeEntities resolves Mutation.mergeEntities; the audit record names
// the caller's key id. A merge that changes nothing (already merged) is
// neither logged as a write nor published.
func (r *mutationResolver) MergeEntities(ctx context.Context, into string, from []string) (model.Entity, error) {
	before, err := r.store.Merges(ctx, into)
	if err != nil {
		return nil, err
	}
	survivor, err := r.store.MergeEntities(ctx, newsgraph.Merge{Into: into, From: from, Actor: actor(ctx)})
	if err != nil {
		return nil, err
	}
	after, err := r.store.Merges(ctx, survivor.ID)
	if err != nil {
		return nil, err
	}
	prime(ctx, survivor)
	if len(after) <= len(before) {
		return model.Wrap(survivor), nil
	}
	merged := after[len(after)-1].From
	logWrite(ctx, r.logger, "mergeEntities", "into", survivor.ID, "from", merged)
	r.broker.Publish(events.Change{Kind: events.EntitiesMerged, Entity: survivor, IDs: merged, At: time.Now()})
	return model.Wrap(survivor), nil
}
