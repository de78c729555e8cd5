// Package graph serves the newsgraph API over GraphQL: reads, writes
// (mutations, which need an API key; see auth.go) and live updates (the
// graphChanged subscription over graphql-ws, fed by package events). NewHandler
// returns the http.Handler; the schema lives in package schema, the code
// gqlgen generates from it in graph/generated and graph/model, and the thin
// resolvers here: they translate arguments, apply defaults, validate with the
// domain's Validate methods and call the store; the fields of their results
// that need the store are gqlgen batch resolvers answered by the result's
// level (package loaders), so that a query costs one store call per field
// per level, whatever the list sizes.
package graph

import (
	"log/slog"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/loaders"
)

// resolver is the root of the resolvers; it holds what every resolver shares.
type resolver struct {
	store  newsgraph.Store
	ingest *ingest.Service
	// extractor drafts articles for Query.extract, matching them against
	// the store through a gazetteer rebuilt when the store changes.
	extractor extract.Extractor
	broker    *events.Broker
	logger    *slog.Logger
	ingested  func(committed, rejected, relations int) // Config.Ingested
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

// level returns a new level of an answer, reading from the store: each
// root field starts one (see package loaders).
func (r *resolver) level() *loaders.Level { return loaders.NewLevel(r.store) }
