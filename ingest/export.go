package ingest

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

// Export reads the whole graph from store and passes it to emit as Inputs
// that, ingested in order into an empty store, reproduce it: every entity
// and relation with all its fields and ids, every document, and every
// piece of evidence.
//
// There is one Input per document, in document id order, holding the
// relations with evidence from that document (with the quotes from that
// document only) and the entities the document records mentions of, with
// their spans (see newsgraph.Mention): ingesting a line records exactly
// those mentions again. An entity appears in full in the first line that
// needs it and by id, kind and name in later ones. The entities a line
// needs that its document does not mention (relation ends, places and
// claimants) come first, in an entities-only Input of their own just
// before it. A relation with evidence from several documents appears in
// each of their Inputs; the first creates it with its fields and the
// others corroborate it. A last, entities-only Input holds the entities
// no line needed. Entities are exported with their ids as both ID and Ref,
// so they are created with those ids, not resolved by name. Last come the merge records
// (Input.Merges, up to a thousand a line, read with one Merges call per
// entity), so that ids merged away resolve in the copy too; see
// exportMerges for the records a store does not list.
//
// The order of a relation's evidence after the round trip follows the
// order of the documents; everything else is reproduced exactly. The
// graph is read page by page but held in memory while exporting.
func Export(ctx context.Context, store newsgraph.Store, emit func(Input) error) error {
	g, err := readGraph(ctx, store)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	emitted := make(map[string]bool, len(g.entities))
	var need func(id string, into *[]EntityInput)
	need = func(id string, into *[]EntityInput) {
		e := g.entities[id]
		if e == nil || emitted[id] {
			return
		}
		emitted[id] = true
		need(e.PlaceID, into)
		need(e.ClaimantID, into)
		*into = append(*into, exportEntity(e))
	}
	for _, d := range g.documents {
		in := Input{Document: DocumentInput{ID: d.ID, Title: d.Title, PublishedAt: d.PublishedAt, URL: d.URL, Source: d.Source, Text: d.Text}}
		// The document's mentions come first, each entity after what it
		// needs; what the document does not mention goes to deps.
		mentioned := make(map[string]bool, len(g.mentions[d.ID]))
		for _, m := range g.mentions[d.ID] {
			mentioned[m.EntityID] = true
		}
		var deps Input
		needFor := func(id string) {
			if mentioned[id] {
				return
			}
			e := g.entities[id]
			if e == nil || emitted[id] {
				return
			}
			emitted[id] = true
			need(e.PlaceID, &deps.Entities)
			need(e.ClaimantID, &deps.Entities)
			deps.Entities = append(deps.Entities, exportEntity(e))
		}
		for _, m := range g.mentions[d.ID] {
			e := g.entities[m.EntityID]
			if e == nil {
				continue
			}
			for _, dep := range []string{e.PlaceID, e.ClaimantID} {
				needFor(dep)
			}
			var out EntityInput
			if emitted[e.ID] {
				out = EntityInput{Ref: e.ID, ID: e.ID, Kind: e.Kind, Name: e.Name}
			} else {
				emitted[e.ID] = true
				out = exportEntity(e)
			}
			out.Spans = m.Spans
			in.Entities = append(in.Entities, out)
		}
		for _, r := range g.byDocument[d.ID] {
			needFor(r.From)
			needFor(r.To)
			out := RelationInput{Type: r.Type, From: r.From, To: r.To, ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, Confidence: r.Confidence}
			for _, ev := range r.Evidence {
				if ev.DocumentID == d.ID {
					out.Quotes = append(out.Quotes, ev.Quote)
				}
			}
			in.Relations = append(in.Relations, out)
		}
		if len(deps.Entities) > 0 {
			if err := emit(deps); err != nil {
				return err
			}
		}
		if err := emit(in); err != nil {
			return err
		}
	}
	var rest Input
	for _, id := range g.entityIDs {
		need(id, &rest.Entities)
	}
	if len(rest.Entities) > 0 {
		if err := emit(rest); err != nil {
			return err
		}
	}
	lines, err := exportMerges(ctx, store, g.entityIDs)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, ms := range lines {
		if err := emit(Input{Merges: ms}); err != nil {
			return err
		}
	}
	return nil
}

// exportEntity returns the input that creates e as it is.
func exportEntity(e *newsgraph.Entity) EntityInput {
	return EntityInput{
		Ref: e.ID, ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Description: e.Description,
		StartDate: e.StartDate, EndDate: e.EndDate, Roles: e.Roles, Jurisdiction: e.Jurisdiction,
		ClaimText: e.ClaimText, Verdict: string(e.Verdict), VerdictNote: e.VerdictNote, CounterEvidence: e.CounterEvidence,
		Place: e.PlaceID, Claimant: e.ClaimantID,
	}
}

// graph is the whole graph in memory.
type graph struct {
	entities  map[string]*newsgraph.Entity
	entityIDs []string
	documents []*newsgraph.Document
	// byDocument lists, per document id, the relations with evidence from
	// it, in relation id order (the order Relations pages them in).
	byDocument map[string][]*newsgraph.Relation
	// mentions lists, per document id, its recorded mentions in entity id
	// order.
	mentions map[string][]newsgraph.Mention
}

// readGraph reads every entity, document and relation, a page at a time.
func readGraph(ctx context.Context, store newsgraph.Store) (*graph, error) {
	g := &graph{entities: map[string]*newsgraph.Entity{}, byDocument: map[string][]*newsgraph.Relation{}, mentions: map[string][]newsgraph.Mention{}}
	for after := ""; ; {
		page, err := store.Entities(ctx, newsgraph.EntityQuery{First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		for _, e := range page.Items {
			g.entities[e.ID] = e
			g.entityIDs = append(g.entityIDs, e.ID)
			after = newsgraph.EncodeCursor(e.ID)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
	}
	for after := ""; ; {
		page, err := store.Documents(ctx, newsgraph.DocumentQuery{First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		g.documents = append(g.documents, page.Items...)
		ids := make([]string, len(page.Items))
		for i, d := range page.Items {
			ids[i] = d.ID
		}
		mentions, err := store.MentionsIn(ctx, ids)
		if err != nil {
			return nil, err
		}
		for id, ms := range mentions {
			g.mentions[id] = ms
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
		after = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
	for after := ""; ; {
		pages, err := store.Relations(ctx, []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize, After: after}})
		if err != nil {
			return nil, err
		}
		page := pages[0]
		for _, r := range page.Items {
			for _, id := range r.DocumentIDs() {
				g.byDocument[id] = append(g.byDocument[id], r)
			}
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
		after = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
	return g, nil
}
