// Package graph serves the newsgraph API over GraphQL: reads, writes
// (mutations, which need an API key; see auth.go) and live updates (the
// graphChanged subscription over graphql-ws, fed by package events). NewHandler
// returns the http.Handler; the schema lives in package schema, the code
// gqlgen generates from it in graph/generated and graph/model, and the thin
// resolvers here: they translate arguments, apply defaults, validate with the
// domain's Validate methods and read through the per-request loaders, so that
// list fields cost one batched store call per field.
package graph

import (
	"context"
	"log/slog"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/loaders"
)

// resolver is the root of the resolvers; it holds what every resolver shares.
type resolver struct {
	store  newsgraph.Store
	ingest *ingest.Service
	broker *events.Broker
	logger *slog.Logger
}

func (r *resolver) Query() generated.QueryResolver               { return &queryResolver{r} }
func (r *resolver) Mutation() generated.MutationResolver         { return &mutationResolver{r} }
func (r *resolver) Subscription() generated.SubscriptionResolver { return &subscriptionResolver{r} }
func (r *resolver) GraphChange() generated.GraphChangeResolver   { return &graphChangeResolver{r} }
func (r *resolver) Merge() generated.MergeResolver               { return &mergeResolver{r} }
func (r *resolver) Relation() generated.RelationResolver         { return &relationResolver{r} }
func (r *resolver) Evidence() generated.EvidenceResolver         { return &evidenceResolver{r} }
func (r *resolver) Document() generated.DocumentResolver         { return &documentResolver{r} }
func (r *resolver) Person() generated.PersonResolver             { return &personResolver{r} }
func (r *resolver) Organization() generated.OrganizationResolver { return &organizationResolver{r} }
func (r *resolver) Place() generated.PlaceResolver               { return &placeResolver{r} }
func (r *resolver) LegalConcept() generated.LegalConceptResolver { return &legalConceptResolver{r} }
func (r *resolver) Event() generated.EventResolver               { return &eventResolver{r} }
func (r *resolver) Claim() generated.ClaimResolver               { return &claimResolver{r} }

type queryResolver struct{ *resolver }

// loadersFor returns the request's loaders. NewHandler always installs
// them; their absence is a wiring bug, reported as an internal error.
func loadersFor(ctx context.Context) (*loaders.Loaders, error) {
	if l := loaders.For(ctx); l != nil {
		return l, nil
	}
	return nil, newsgraph.Errorf(newsgraph.Internal, "no dataloaders in the request context: serve the API with graph.NewHandler")
}

// prime caches entities a store call already returned, so that resolving
// them again (as a relation's from or to, say) costs no store call.
func prime(ctx context.Context, es ...*newsgraph.Entity) {
	if l := loaders.For(ctx); l != nil {
		l.PrimeEntities(es...)
	}
}
