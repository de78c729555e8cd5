package graph

// One resolver per Entity object type: gqlgen needs them, and each only
// delegates to the shared functions in entity_fields.go.

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

type personResolver struct{ *resolver }

// Documents resolves Person.documents.
func (r *personResolver) Documents(ctx context.Context, obj *model.Person) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves Person.firstSeen.
func (r *personResolver) FirstSeen(ctx context.Context, obj *model.Person) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves Person.relations.
func (r *personResolver) Relations(ctx context.Context, obj *model.Person, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves Person.neighbors.
func (r *personResolver) Neighbors(ctx context.Context, obj *model.Person, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

type organizationResolver struct{ *resolver }

// Documents resolves Organization.documents.
func (r *organizationResolver) Documents(ctx context.Context, obj *model.Organization) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves Organization.firstSeen.
func (r *organizationResolver) FirstSeen(ctx context.Context, obj *model.Organization) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves Organization.relations.
func (r *organizationResolver) Relations(ctx context.Context, obj *model.Organization, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves Organization.neighbors.
func (r *organizationResolver) Neighbors(ctx context.Context, obj *model.Organization, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

type placeResolver struct{ *resolver }

// Documents resolves Place.documents.
func (r *placeResolver) Documents(ctx context.Context, obj *model.Place) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves Place.firstSeen.
func (r *placeResolver) FirstSeen(ctx context.Context, obj *model.Place) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves Place.relations.
func (r *placeResolver) Relations(ctx context.Context, obj *model.Place, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves Place.neighbors.
func (r *placeResolver) Neighbors(ctx context.Context, obj *model.Place, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

type legalConceptResolver struct{ *resolver }

// Documents resolves LegalConcept.documents.
func (r *legalConceptResolver) Documents(ctx context.Context, obj *model.LegalConcept) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves LegalConcept.firstSeen.
func (r *legalConceptResolver) FirstSeen(ctx context.Context, obj *model.LegalConcept) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves LegalConcept.relations.
func (r *legalConceptResolver) Relations(ctx context.Context, obj *model.LegalConcept, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves LegalConcept.neighbors.
func (r *legalConceptResolver) Neighbors(ctx context.Context, obj *model.LegalConcept, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

type eventResolver struct{ *resolver }

// Documents resolves Event.documents.
func (r *eventResolver) Documents(ctx context.Context, obj *model.Event) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves Event.firstSeen.
func (r *eventResolver) FirstSeen(ctx context.Context, obj *model.Event) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves Event.relations.
func (r *eventResolver) Relations(ctx context.Context, obj *model.Event, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves Event.neighbors.
func (r *eventResolver) Neighbors(ctx context.Context, obj *model.Event, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

// Place resolves Event.place.
func (r *eventResolver) Place(ctx context.Context, obj *model.Event) (*model.Place, error) {
	return eventPlace(ctx, obj.E)
}

type claimResolver struct{ *resolver }

// Documents resolves Claim.documents.
func (r *claimResolver) Documents(ctx context.Context, obj *model.Claim) ([]*newsgraph.Document, error) {
	return entityDocuments(ctx, obj.E)
}

// FirstSeen resolves Claim.firstSeen.
func (r *claimResolver) FirstSeen(ctx context.Context, obj *model.Claim) (*newsgraph.Date, error) {
	return entityFirstSeen(ctx, obj.E)
}

// Relations resolves Claim.relations.
func (r *claimResolver) Relations(ctx context.Context, obj *model.Claim, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) (*model.RelationConnection, error) {
	return entityRelations(ctx, obj.E, types, direction, first, after, asOf)
}

// Neighbors resolves Claim.neighbors.
func (r *claimResolver) Neighbors(ctx context.Context, obj *model.Claim, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([]model.Entity, error) {
	return entityNeighbors(ctx, obj.E, direction, types, kinds, first, asOf)
}

// Claimant resolves Claim.claimant.
func (r *claimResolver) Claimant(ctx context.Context, obj *model.Claim) (model.Entity, error) {
	return claimClaimant(ctx, obj.E)
}
