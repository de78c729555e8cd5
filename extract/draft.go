package extract

import (
	"slices"
	"strconv"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// extraction turns the groups and relations into candidates, in text order.
func (r *relater) extraction(in Input) *Extraction {
	x := &Extraction{Document: ingest.DocumentInput{Title: title(in), PublishedAt: in.Published, URL: in.URL, Source: in.Source, Text: in.Text}}
	refs := map[*group]string{}
	used := map[string]bool{}
	firstByte := func(g *group) int {
		if len(g.spans) > 0 {
			return g.spans[0].Start
		}
		if g.first < len(r.d.toks) {
			return r.d.toks[g.first].Start
		}
		return len(r.d.text)
	}
	groups := append([]*group(nil), r.groups...)
	slices.SortStableFunc(groups, func(a, b *group) int { return firstByte(a) - firstByte(b) })
	for _, g := range groups {
		name := g.name(r.gaz)
		if len(name) > 500 || newsgraph.Slug(name) == "" {
			continue
		}
		ref := newsgraph.Slug(name)
		for n := 2; used[ref]; n++ {
			ref = newsgraph.Slug(name) + "-" + strconv.Itoa(n)
		}
		used[ref] = true
		refs[g] = ref
	}
	for _, g := range groups {
		ref, ok := refs[g]
		if !ok {
			continue
		}
		name := g.name(r.gaz)
		c := EntityCandidate{Ref: ref, Kind: g.kind, Name: name, MatchedID: g.id, Confidence: g.conf, Rule: g.rule}
		for _, a := range g.aliases(r.gaz, name) {
			if len(a) <= 500 {
				c.Aliases = append(c.Aliases, a)
			}
		}
		if g.id == "" {
			c.Description, c.Roles = g.description, g.roles
		}
		if g.kind == newsgraph.KindEvent {
			c.StartDate, c.EndDate, c.Precision = g.date.from, g.date.to, g.date.precision
			c.Place = refs[g.place]
		}
		if g.kind == newsgraph.KindClaim {
			c.ClaimText, c.Claimant = g.claimText, refs[g.claimant]
		}
		for _, m := range g.mentions {
			c.Mentions = append(c.Mentions, Span{r.d.toks[m.start].Start, r.d.toks[m.end-1].End})
		}
		c.Mentions = append(c.Mentions, g.spans...)
		x.Entities = append(x.Entities, c)
	}
	for _, rl := range r.rels {
		from, ok1 := refs[rl.from]
		to, ok2 := refs[rl.to]
		if !ok1 || !ok2 {
			continue
		}
		rc := RelationCandidate{Type: rl.typ, From: from, To: to, ValidFrom: rl.validFrom, Confidence: rl.conf, Rule: rl.rule}
		for _, s := range rl.quotes {
			rc.Quotes = append(rc.Quotes, in.Text[s.Start:s.End])
			rc.Evidence = append(rc.Evidence, s)
		}
		x.Relations = append(x.Relations, rc)
	}
	return x
}

// Draft returns the extraction as one input of the import format: known
// entities by id (with the names the text gives that they lack as
// aliases), new ones with their fields, relations with their quotes and
// confidence. It imports as it is (ingest.Service.Ingest).
func (x *Extraction) Draft() ingest.Input {
	in := ingest.Input{Document: x.Document, Entities: []ingest.EntityInput{}, Relations: []ingest.RelationInput{}}
	for _, c := range x.Entities {
		in.Entities = append(in.Entities, ingest.EntityInput{
			Ref: c.Ref, ID: c.MatchedID, Kind: c.Kind, Name: c.Name, Aliases: c.Aliases, Description: c.Description,
			Roles: c.Roles, StartDate: c.StartDate, EndDate: c.EndDate, ClaimText: c.ClaimText, Claimant: c.Claimant, Place: c.Place,
		})
	}
	for _, r := range x.Relations {
		in.Relations = append(in.Relations, ingest.RelationInput{Type: r.Type, From: r.From, To: r.To, ValidFrom: r.ValidFrom, Confidence: r.Confidence, Quotes: r.Quotes})
	}
	return in
}
