package graph

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/ingest"
)

// Conversions from the GraphQL input types to package ingest's, which
// validates them.

func ingestInput(in model.IngestInput) ingest.Input {
	out := ingest.Input{
		Entities:  make([]ingest.EntityInput, 0, len(in.Entities)),
		Relations: make([]ingest.RelationInput, 0, len(in.Relations)),
	}
	if d := in.Document; d != nil {
		out.Document = ingest.DocumentInput{
			ID:          stringOr(d.ID),
			Title:       d.Title,
			PublishedAt: d.PublishedAt,
			URL:         stringOr(d.URL),
			Source:      stringOr(d.Source),
			Text:        d.Text,
		}
	}
	for _, e := range in.Entities {
		if e != nil {
			out.Entities = append(out.Entities, entityInput(*e))
		}
	}
	for _, r := range in.Relations {
		if r != nil {
			out.Relations = append(out.Relations, relationInput(*r))
		}
	}
	return out
}

func entityInput(e model.EntityInput) ingest.EntityInput {
	return ingest.EntityInput{
		Ref:             e.Ref,
		ID:              stringOr(e.ID),
		Kind:            e.Kind,
		Name:            e.Name,
		Aliases:         e.Aliases,
		Description:     stringOr(e.Description),
		StartDate:       dateOr(e.StartDate),
		EndDate:         dateOr(e.EndDate),
		Roles:           e.Roles,
		Jurisdiction:    stringOr(e.Jurisdiction),
		ClaimText:       stringOr(e.ClaimText),
		Verdict:         string(verdictOr(e.Verdict)),
		VerdictNote:     stringOr(e.VerdictNote),
		CounterEvidence: stringOr(e.CounterEvidence),
		Place:           stringOr(e.Place),
		Claimant:        stringOr(e.Claimant),
		Spans:           spans(e.Spans),
	}
}

// spans copies the spans of an input; gqlgen gives them as pointers.
func spans(in []*newsgraph.Span) []newsgraph.Span {
	var out []newsgraph.Span
	for _, s := range in {
		if s != nil {
			out = append(out, *s)
		}
	}
	return out
}

func relationInput(r model.RelationInput) ingest.RelationInput {
	out := ingest.RelationInput{
		Type:      r.Type,
		From:      r.From,
		To:        r.To,
		ValidFrom: dateOr(r.ValidFrom),
		ValidTo:   dateOr(r.ValidTo),
		Quotes:    r.Quotes,
	}
	if r.Confidence != nil {
		out.Confidence = *r.Confidence
	}
	return out
}

func dateOr(p *newsgraph.Date) newsgraph.Date {
	if p == nil {
		return newsgraph.Date{}
	}
	return *p
}
