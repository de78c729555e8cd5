package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Extract drafts an article's entities and relations; it writes nothing.
func (r *queryResolver) Extract(ctx context.Context, input model.ExtractInput) (*model.Extraction, error) {
	x, err := r.extractor.Extract(ctx, extract.Input{
		Text: input.Text, Published: input.PublishedAt,
		Title: value(input.Title), URL: value(input.URL), Source: value(input.Source),
	})
	if err != nil {
		return nil, err
	}
	return extraction(x), nil
}

func value(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optionalDate(d newsgraph.Date) *newsgraph.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// extraction maps a draft to its GraphQL shape, with offsets in UTF-16
// code units.
func extraction(x *extract.Extraction) *model.Extraction {
	text := x.Document.Text
	spans := func(ss []extract.Span) []*newsgraph.Span {
		out := make([]*newsgraph.Span, len(ss))
		for i, s := range ss {
			out[i] = &newsgraph.Span{Start: extract.UTF16Offset(text, s.Start), End: extract.UTF16Offset(text, s.End)}
		}
		return out
	}
	d := x.Document
	out := &model.Extraction{
		Document:  &model.DraftDocument{Title: d.Title, PublishedAt: d.PublishedAt, URL: optional(d.URL), Source: optional(d.Source), Text: d.Text},
		Entities:  make([]*model.EntityCandidate, len(x.Entities)),
		Relations: make([]*model.RelationCandidate, len(x.Relations)),
	}
	for i, c := range x.Entities {
		e := &model.EntityCandidate{
			Ref: c.Ref, ID: optional(c.MatchedID), Kind: c.Kind, Name: c.Name, Aliases: nonNil(c.Aliases),
			Description: optional(c.Description), Roles: nonNil(c.Roles), StartDate: optionalDate(c.StartDate),
			EndDate: optionalDate(c.EndDate), ClaimText: optional(c.ClaimText), Claimant: optional(c.Claimant),
			Place: optional(c.Place), Mentions: spans(c.Mentions), Confidence: c.Confidence, Rule: c.Rule,
		}
		if c.Precision != "" {
			p := model.DatePrecision(c.Precision)
			e.Precision = &p
		}
		out.Entities[i] = e
	}
	for i, rc := range x.Relations {
		out.Relations[i] = &model.RelationCandidate{
			Type: rc.Type, From: rc.From, To: rc.To, ValidFrom: optionalDate(rc.ValidFrom), Confidence: rc.Confidence,
			Quotes: rc.Quotes, Evidence: spans(rc.Evidence), Rule: rc.Rule,
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
