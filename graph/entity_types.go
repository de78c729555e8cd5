package graph

// One batch resolver per Entity object type and field: gqlgen needs them,
// and each only hands its siblings to the shared functions in
// entity_fields.go.

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

type personResolver struct{ *resolver }

// Documents resolves Person.documents.
func (r *personResolver) Documents(ctx context.Context, objs []*model.Person, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves Person.degree.
func (r *personResolver) Degree(ctx context.Context, objs []*model.Person) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves Person.firstSeen.
func (r *personResolver) FirstSeen(ctx context.Context, objs []*model.Person) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves Person.relations.
func (r *personResolver) Relations(ctx context.Context, objs []*model.Person, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves Person.neighbors.
func (r *personResolver) Neighbors(ctx context.Context, objs []*model.Person, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

type organizationResolver struct{ *resolver }

// Documents resolves Organization.documents.
func (r *organizationResolver) Documents(ctx context.Context, objs []*model.Organization, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves Organization.degree.
func (r *organizationResolver) Degree(ctx context.Context, objs []*model.Organization) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves Organization.firstSeen.
func (r *organizationResolver) FirstSeen(ctx context.Context, objs []*model.Organization) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves Organization.relations.
func (r *organizationResolver) Relations(ctx context.Context, objs []*model.Organization, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves Organization.neighbors.
func (r *organizationResolver) Neighbors(ctx context.Context, objs []*model.Organization, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

type placeResolver struct{ *resolver }

// Documents resolves Place.documents.
func (r *placeResolver) Documents(ctx context.Context, objs []*model.Place, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves Place.degree.
func (r *placeResolver) Degree(ctx context.Context, objs []*model.Place) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves Place.firstSeen.
func (r *placeResolver) FirstSeen(ctx context.Context, objs []*model.Place) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves Place.relations.
func (r *placeResolver) Relations(ctx context.Context, objs []*model.Place, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves Place.neighbors.
func (r *placeResolver) Neighbors(ctx context.Context, objs []*model.Place, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

type legalConceptResolver struct{ *resolver }

// Documents resolves LegalConcept.documents.
func (r *legalConceptResolver) Documents(ctx context.Context, objs []*model.LegalConcept, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves LegalConcept.degree.
func (r *legalConceptResolver) Degree(ctx context.Context, objs []*model.LegalConcept) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves LegalConcept.firstSeen.
func (r *legalConceptResolver) FirstSeen(ctx context.Context, objs []*model.LegalConcept) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves LegalConcept.relations.
func (r *legalConceptResolver) Relations(ctx context.Context, objs []*model.LegalConcept, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves LegalConcept.neighbors.
func (r *legalConceptResolver) Neighbors(ctx context.Context, objs []*model.LegalConcept, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

type eventResolver struct{ *resolver }

// Documents resolves Event.documents.
func (r *eventResolver) Documents(ctx context.Context, objs []*model.Event, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves Event.degree.
func (r *eventResolver) Degree(ctx context.Context, objs []*model.Event) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves Event.firstSeen.
func (r *eventResolver) FirstSeen(ctx context.Context, objs []*model.Event) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves Event.relations.
func (r *eventResolver) Relations(ctx context.Context, objs []*model.Event, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves Event.neighbors.
func (r *eventResolver) Neighbors(ctx context.Context, objs []*model.Event, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

type claimResolver struct{ *resolver }

// Documents resolves Claim.documents.
func (r *claimResolver) Documents(ctx context.Context, objs []*model.Claim, first *int) ([][]*model.Document, error) {
	return entityDocuments(ctx, nodesOf(objs), first)
}

// Degree resolves Claim.degree.
func (r *claimResolver) Degree(ctx context.Context, objs []*model.Claim) ([]int, error) {
	return entityDegree(ctx, nodesOf(objs))
}

// FirstSeen resolves Claim.firstSeen.
func (r *claimResolver) FirstSeen(ctx context.Context, objs []*model.Claim) ([]*newsgraph.Date, error) {
	return entityFirstSeen(ctx, nodesOf(objs))
}

// Relations resolves Claim.relations.
func (r *claimResolver) Relations(ctx context.Context, objs []*model.Claim, types []string, direction *newsgraph.Direction, first *int, after *string, asOf *newsgraph.Date) ([]*model.RelationConnection, error) {
	return entityRelations(ctx, nodesOf(objs), types, direction, first, after, asOf)
}

// Neighbors resolves Claim.neighbors.
func (r *claimResolver) Neighbors(ctx context.Context, objs []*model.Claim, direction *newsgraph.Direction, types []string, kinds []newsgraph.Kind, first *int, asOf *newsgraph.Date) ([][]model.Entity, error) {
	return entityNeighbors(ctx, nodesOf(objs), direction, types, kinds, first, asOf)
}

// Place resolves Event.place: null unless the event names a stored PLACE.
func (r *eventResolver) Place(ctx context.Context, objs []*model.Event) ([]*model.Place, error) {
	found, err := referenced(ctx, nodesOf(objs), func(e *newsgraph.Entity) string { return e.PlaceID }, newsgraph.KindPlace)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Place, len(found))
	for i, e := range found {
		if p, ok := e.(model.Place); ok {
			out[i] = &p
		}
	}
	return out, nil
}

// Claimant resolves Claim.claimant: null unless the claim names a stored
// entity.
func (r *claimResolver) Claimant(ctx context.Context, objs []*model.Claim) ([]model.Entity, error) {
	return referenced(ctx, nodesOf(objs), func(e *newsgraph.Entity) string { return e.ClaimantID }, "")
}
