package graph

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/ingest"
)

// The write resolvers. @requires has checked the caller's scope before any
// of them runs. Each validates its input before anything is written, writes
// through package ingest or the store, which report what they did, and
// then logs the write (logWrite) and publishes what changed, from that
// report: an error before or during the write logs and publishes nothing.

type mutationResolver struct{ *resolver }

// IngestDocument resolves Mutation.ingestDocument through ingest.Service;
// with dryRun set, through ingest.Service.DryRun, which writes nothing, so
// that nothing is logged, counted or published either.
func (r *mutationResolver) IngestDocument(ctx context.Context, input model.IngestInput, dryRun *bool) (*model.IngestResult, error) {
	in := ingestInput(input)
	rehearse := dryRun != nil && *dryRun
	if in.IsEntitiesOnly() {
		err := newsgraph.Errorf(newsgraph.Invalid, "document: give its title and text: ingestDocument adds an article (use upsertEntity for entities alone)")
		if !rehearse {
			r.reportIngest(ingest.Outcome{Err: err})
		}
		return nil, err
	}
	if rehearse {
		res, err := r.ingest.DryRun(ctx, in)
		if err != nil {
			return nil, err
		}
		return r.ingestResult(res), nil
	}
	res, err := r.ingest.Ingest(ctx, in)
	r.reportIngest(ingest.Outcome{Result: res, Err: err})
	if err != nil {
		return nil, err
	}
	logWrite(ctx, r.logger, "ingestDocument", "documentId", res.Document.ID,
		"entitiesCreated", len(res.Created), "entitiesMatched", len(res.Matched),
		"relationsCreated", len(res.CreatedRelations), "relationsCorroborated", len(res.CorroboratedRelations),
		"warnings", len(res.Warnings))
	now := time.Now()
	var changes []events.Change
	for _, e := range res.Created {
		changes = append(changes, events.Change{Kind: events.EntityCreated, Entity: e, At: now})
	}
	for _, rel := range res.CreatedRelations {
		changes = append(changes, events.Change{Kind: events.RelationCreated, Relation: rel, At: now})
	}
	for _, rel := range res.CorroboratedRelations {
		changes = append(changes, events.Change{Kind: events.RelationCorroborated, Relation: rel, At: now})
	}
	r.broker.Publish(changes...)
	return r.ingestResult(res), nil
}

// ingestResult maps what an ingest did, or in a dry run would do, to the
// GraphQL result. Its level knows the result's entities, so that the ends
// of its relations resolve although, in a dry run, new ones are not stored.
func (r *mutationResolver) ingestResult(res ingest.Result) *model.IngestResult {
	level := r.level().WithEntities(res.Created...).WithEntities(res.Matched...).
		WithRelations(res.CreatedRelations...).WithRelations(res.CorroboratedRelations...).WithDocuments(res.Document)
	out := &model.IngestResult{
		Document:              &model.Document{Document: res.Document, L: level},
		Created:               model.WrapAll(res.Created, level),
		Matched:               model.WrapAll(res.Matched, level),
		RelationsCreated:      len(res.CreatedRelations),
		RelationsCorroborated: len(res.CorroboratedRelations),
		CreatedRelations:      model.WrapRelations(res.CreatedRelations, level),
		CorroboratedRelations: model.WrapRelations(res.CorroboratedRelations, level),
		Resolutions:           make([]*ingest.Resolution, len(res.Entities)),
		Warnings:              make([]*ingest.Warning, len(res.Warnings)),
		DryRun:                res.DryRun,
	}
	for i := range res.Entities {
		out.Resolutions[i] = &res.Entities[i]
	}
	for i := range res.Warnings {
		out.Warnings[i] = &res.Warnings[i]
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
	return &model.UpsertEntityResult{Entity: model.Wrap(e, r.level().WithEntities(e)), Created: created}, nil
}

// UpsertRelation resolves Mutation.upsertRelation through
// ingest.Service.UpsertRelation, which serialises it with ingestion: the
// relation is written with evidence from the stored document documentID.
func (r *mutationResolver) UpsertRelation(ctx context.Context, input model.RelationInput, documentID string) (*model.UpsertRelationResult, error) {
	res, err := r.ingest.UpsertRelation(ctx, documentID, relationInput(input))
	if err != nil {
		return nil, err
	}
	logWrite(ctx, r.logger, "upsertRelation", "relationId", res.Relation.ID, "documentId", documentID, "created", res.Created)
	switch {
	case res.Created:
		r.broker.Publish(events.Change{Kind: events.RelationCreated, Relation: res.Relation, At: time.Now()})
	case res.Corroborated:
		r.broker.Publish(events.Change{Kind: events.RelationCorroborated, Relation: res.Relation, At: time.Now()})
	}
	rel := &model.Relation{Relation: res.Relation, L: r.level().WithRelations(res.Relation)}
	return &model.UpsertRelationResult{Relation: rel, Created: res.Created}, nil
}

// DeleteRelation resolves Mutation.deleteRelation.
func (r *mutationResolver) DeleteRelation(ctx context.Context, id string) (bool, error) {
	rel, err := r.store.DeleteRelation(ctx, id)
	if err != nil {
		return false, err
	}
	logWrite(ctx, r.logger, "deleteRelation", "relationId", id)
	r.broker.Publish(events.Change{Kind: events.RelationDeleted, Relation: rel, IDs: []string{id}, At: time.Now()})
	return true, nil
}

// DeleteEntity resolves Mutation.deleteEntity: the entity goes with every
// relation at either end of it.
func (r *mutationResolver) DeleteEntity(ctx context.Context, id string) (*model.DeleteEntityResult, error) {
	deleted, err := r.store.DeleteEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	relIDs := make([]string, len(deleted.Relations))
	for i, rel := range deleted.Relations {
		relIDs[i] = rel.ID
	}
	logWrite(ctx, r.logger, "deleteEntity", "entityId", id, "relationsDeleted", len(relIDs))
	r.broker.Publish(events.Change{Kind: events.EntityDeleted, Entity: deleted.Entity, IDs: relIDs, At: time.Now()})
	return &model.DeleteEntityResult{ID: id, RelationsDeleted: len(relIDs)}, nil
}

// MergeEntities resolves Mutation.mergeEntities; the audit record names
// the caller's key id. A merge that changes nothing (already merged) is
// neither logged as a write nor published.
func (r *mutationResolver) MergeEntities(ctx context.Context, into string, from []string) (model.Entity, error) {
	merged, err := r.store.MergeEntities(ctx, newsgraph.Merge{Into: into, From: from, Actor: actor(ctx)})
	if err != nil {
		return nil, err
	}
	if merged.Merge != nil {
		logWrite(ctx, r.logger, "mergeEntities", "into", merged.Survivor.ID, "from", merged.Merge.From)
		r.broker.Publish(events.Change{Kind: events.EntitiesMerged, Entity: merged.Survivor, IDs: merged.Merge.From, At: time.Now()})
	}
	return model.Wrap(merged.Survivor, r.level().WithEntities(merged.Survivor)), nil
}

// reportIngest tells Config.Ingested what an ingestDocument did.
func (r *mutationResolver) reportIngest(o ingest.Outcome) {
	switch {
	case r.ingested == nil:
	case o.Committed():
		r.ingested(1, 0, len(o.Result.CreatedRelations)+len(o.Result.CorroboratedRelations))
	case o.Rejected():
		r.ingested(0, 1, 0)
	}
}
