package graph

// One resolver per Entity object type: gqlgen needs them, and each only
// delegates to the shared functions in entity_fields.go.

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

type personResolver struct{ *resolver }

// Relations resolves Person.relations.
func (r *personResolver) Relations(ctx context.Context, obj *model.Person, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves Person.neighbors.
func (r *personResolver) Neighbors(ctx context.Context, obj *model.Person, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

type organizationResolver struct{ *resolver }

// Relations resolves Organization.relations.
func (r *organizationResolver) Relations(ctx context.Context, obj *model.Organization, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves Organization.neighbors.
func (r *organizationResolver) Neighbors(ctx context.Context, obj *model.Organization, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

type placeResolver struct{ *resolver }

// Relations resolves Place.relations.
func (r *placeResolver) Relations(ctx context.Context, obj *model.Place, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves Place.neighbors.
func (r *placeResolver) Neighbors(ctx context.Context, obj *model.Place, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

type legalConceptResolver struct{ *resolver }

// Relations resolves LegalConcept.relations.
func (r *legalConceptResolver) Relations(ctx context.Context, obj *model.LegalConcept, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves LegalConcept.neighbors.
func (r *legalConceptResolver) Neighbors(ctx context.Context, obj *model.LegalConcept, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

type eventResolver struct{ *resolver }

// Relations resolves Event.relations.
func (r *eventResolver) Relations(ctx context.Context, obj *model.Event, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves Event.neighbors.
func (r *eventResolver) Neighbors(ctx context.Context, obj *model.Event, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

// Place resolves Event.place.
func (r *eventResolver) Place(ctx context.Context, obj *model.Event) (*model.Place, error) {
	return eventPlace(ctx, obj.E)
}

type claimResolver struct{ *resolver }

// Relations resolves Claim.relations.
func (r *claimResolver) Relations(ctx context.Context, obj *model.Claim, types []string, direction *newsgraph.Direction, first *int, after *string) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after)
}

// Neighbors resolves Claim.neighbors.
func (r *claimResolver) Neighbors(ctx context.Context, obj *model.Claim, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first)
}

// Claimant resolves Claim.claimant.
func (r *claimResolver) Claimant(ctx context.Context, obj *model.Claim) (model.Entity, error) {
	return claimClaimant(ctx, obj.E)
}
