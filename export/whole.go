package export

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// whole is the whole graph, filtered, read from the store as it is walked.
type whole struct {
	store Reader
	q     Query
	// days are the documents' publication days, by document id.
	days map[string]newsgraph.Date
	// entities holds what the first pass derived, by entity id.
	entities map[string]*entityFacts
	// contradicted counts the CONTRADICTS relations ending at each claim.
	contradicted map[string]int
}

// entityFacts is what an export derives for an entity from its relations.
type entityFacts struct {
	degree    int
	firstSeen newsgraph.Date
}

// openWhole makes the first pass: every document's day, then every
// relation, unfiltered, for degrees, first-seen days and disputes.
func openWhole(ctx context.Context, store Reader, q Query) (*whole, error) {
	g := &whole{store: store, q: q, days: map[string]newsgraph.Date{}, entities: map[string]*entityFacts{}, contradicted: map[string]int{}}
	for after := ""; ; {
		page, err := store.Documents(ctx, newsgraph.DocumentQuery{First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		for _, d := range page.Items {
			g.days[d.ID] = d.PublishedAt
			after = newsgraph.EncodeCursor(d.ID)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
	}
	err := pageRelations(ctx, store, newsgraph.RelationFilter{}, func(r *newsgraph.Relation) error {
		first, _ := reportedRange(g.days, r.DocumentIDs())
		for i, id := range []string{r.From, r.To} {
			if i == 1 && id == r.From {
				break // a self-loop counts once
			}
			f := g.entities[id]
			if f == nil {
				f = &entityFacts{}
				g.entities[id] = f
			}
			f.degree++
			f.firstSeen = earliest(f.firstSeen, first)
		}
		if r.Type == newsgraph.ContradictsType {
			g.contradicted[r.To]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// Nodes pages through the entities of the kinds kept.
func (g *whole) Nodes(ctx context.Context, yield func(*Node) error) error {
	for after := ""; ; {
		page, err := g.store.Entities(ctx, newsgraph.EntityQuery{Kinds: g.q.Kinds, First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return err
		}
		for _, e := range page.Items {
			n := &Node{Entity: e}
			if f := g.entities[e.ID]; f != nil {
				n.Degree, n.FirstSeen = f.degree, f.firstSeen
			}
			if err := yield(n); err != nil {
				return err
			}
			after = newsgraph.EncodeCursor(e.ID)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			return nil
		}
	}
}

// Edges pages through the relations of the types kept, valid on the day
// kept, between entities of the kinds kept.
func (g *whole) Edges(ctx context.Context, yield func(*Edge) error) error {
	f := newsgraph.RelationFilter{Types: g.q.Types, AsOf: g.q.AsOf}
	return pageRelations(ctx, g.store, f, func(r *newsgraph.Relation) error {
		if !keepsKind(g.q.Kinds, newsgraph.KindOfID(r.From)) || !keepsKind(g.q.Kinds, newsgraph.KindOfID(r.To)) {
			return nil
		}
		e := &Edge{Relation: r, Disputed: newsgraph.DisputedBy(r, g.contradicted)}
		e.FirstReported, e.LastReported = reportedRange(g.days, r.DocumentIDs())
		return yield(e)
	})
}

// pageRelations calls fn for every relation f matches, a page at a time.
func pageRelations(ctx context.Context, store Reader, f newsgraph.RelationFilter, fn func(*newsgraph.Relation) error) error {
	for after := ""; ; {
		pages, err := store.Relations(ctx, []newsgraph.RelationQuery{{Filter: f, First: newsgraph.MaxPageSize, After: after}})
		if err != nil {
			return err
		}
		page := pages[0]
		for _, r := range page.Items {
			if err := fn(r); err != nil {
				return err
			}
			after = newsgraph.EncodeCursor(r.ID)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			return nil
		}
	}
}
