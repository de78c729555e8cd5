package ingest

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// Service ingests documents into a store. It is safe for concurrent use:
// its writes are serialised (see the package documentation).
type Service struct {
	store newsgraph.Store
	// mu serialises resolution and writing, so that two ingests naming the
	// same new entity do not both decide to create it.
	mu sync.Mutex
	// strictVocabulary and noDuplicateWarnings are set by options.
	strictVocabulary    bool
	noDuplicateWarnings bool
}

// New returns a Service writing to store, configured by opts.
func New(store newsgraph.Store, opts ...Option) *Service {
	s := &Service{store: store}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Ingest validates in, resolves its entities against the graph and writes
// the document, the new entities, the aliases matched entities gain and
// the relations with their evidence in one Upsert, all or nothing. Invalid
// input is a newsgraph Invalid (or LimitExceeded) error naming the
// offending item, and nothing is written. Ingesting the same input again
// changes nothing and reports no created entities and no created or
// corroborated relations.
func (s *Service) Ingest(ctx context.Context, in Input) (Result, error) {
	if err := in.Validate(); err != nil {
		return Result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.IsMergesOnly() {
		return s.replayMerges(ctx, in)
	}
	return s.ingestLocked(ctx, in)
}

// ingestLocked plans a validated input against the store and writes it;
// the caller holds s.mu.
func (s *Service) ingestLocked(ctx context.Context, in Input) (Result, error) {
	p, err := s.plan(ctx, s.store, in)
	if err != nil {
		return Result{}, err
	}
	report, err := s.write(ctx, p.batch)
	if err != nil {
		return Result{}, err
	}
	return p.reported(indexReport(report), true), nil
}

// write upserts b unless it is empty, and returns the store's report.
func (s *Service) write(ctx context.Context, b newsgraph.Batch) (newsgraph.WriteReport, error) {
	if b.IsEmpty() {
		return newsgraph.WriteReport{}, nil
	}
	report, err := s.store.Upsert(ctx, b)
	if err != nil {
		return report, fmt.Errorf("ingest: %w", err)
	}
	return report, nil
}

// plan is what an Ingest will write and report. The result's entity lists
// hold the planned entities; its relation lists are filled from the store's
// report (reported).
type plan struct {
	batch  newsgraph.Batch
	result Result
	// written are the ids of the relations the plan writes, in input
	// order; createdRelations and corroboratedRelations say which it
	// creates and which it adds evidence to.
	written                                 []string
	createdRelations, corroboratedRelations map[string]bool
	// stored are the stored versions of the relations the plan
	// corroborates, for a dry run's report.
	stored map[string]*newsgraph.Relation
	// types and kindsChecked keep the vocabulary's answers and warnings to
	// one per type (and kinds) of an input (see relationType).
	types        map[string]canonicalType
	kindsChecked map[kindsKey]bool
}

// warn adds a warning to the plan's result.
func (p *plan) warn(w Warning) { p.result.Warnings = append(p.result.Warnings, w) }

// storedReport is a store's write report indexed by relation id, built
// once for the inputs that one write carried (a group's report covers
// thousands of inputs).
type storedReport struct {
	report                                  newsgraph.WriteReport
	relations                               map[string]*newsgraph.Relation
	createdRelations, corroboratedRelations map[string]bool
}

// indexReport indexes report by relation id.
func indexReport(report newsgraph.WriteReport) storedReport {
	sr := storedReport{
		report:                report,
		relations:             make(map[string]*newsgraph.Relation, len(report.CreatedRelations)+len(report.CorroboratedRelations)),
		createdRelations:      relationIDSet(report.CreatedRelations),
		corroboratedRelations: relationIDSet(report.CorroboratedRelations),
	}
	for _, list := range [][]*newsgraph.Relation{report.CreatedRelations, report.CorroboratedRelations} {
		for _, r := range list {
			sr.relations[r.ID] = r
		}
	}
	return sr
}

// reported returns the plan's result with what the store reported writing.
// With exact set, the store's report also decides which planned entities
// were created and which matched; otherwise (an input of a group, whose
// report covers the whole group) the plan decides, and the report only
// supplies the relations as stored.
func (p *plan) reported(sr storedReport, exact bool) Result {
	res := p.result
	created, corroborated := p.createdRelations, p.corroboratedRelations
	if exact {
		created, corroborated = sr.createdRelations, sr.corroboratedRelations
		res.Created, res.Matched = splitByCreation(append(res.Created, res.Matched...), sr.report.CreatedEntities)
	}
	res.CreatedRelations, res.CorroboratedRelations = nil, nil
	for _, id := range p.written {
		r := sr.relations[id]
		switch {
		case r == nil:
		case created[id]:
			res.CreatedRelations = append(res.CreatedRelations, r)
		case corroborated[id]:
			res.CorroboratedRelations = append(res.CorroboratedRelations, r)
		}
	}
	res.RelationsCreated, res.RelationsCorroborated = len(res.CreatedRelations), len(res.CorroboratedRelations)
	return res
}

// splitByCreation splits entities, in their order, into those the store
// reported created and the others.
func splitByCreation(entities, created []*newsgraph.Entity) (news, matched []*newsgraph.Entity) {
	isNew := make(map[string]bool, len(created))
	for _, e := range created {
		isNew[e.ID] = true
	}
	for _, e := range entities {
		if isNew[e.ID] {
			news = append(news, e)
		} else {
			matched = append(matched, e)
		}
	}
	return news, matched
}

// relationIDSet returns the ids of rs as a set.
func relationIDSet(rs []*newsgraph.Relation) map[string]bool {
	ids := make(map[string]bool, len(rs))
	for _, r := range rs {
		ids[r.ID] = true
	}
	return ids
}

// reader is what planning reads: the store itself, or a group's overlay
// of the store and the inputs planned before (see IngestGroup).
type reader interface {
	EntitiesByID(ctx context.Context, ids []string) (map[string]*newsgraph.Entity, error)
	EntitiesNamed(ctx context.Context, keys []newsgraph.NameKey) (map[newsgraph.NameKey][]*newsgraph.Entity, error)
	DocumentsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Document, error)
	MentionsIn(ctx context.Context, documentIDs []string) (map[string][]newsgraph.Mention, error)
	RelationsByID(ctx context.Context, ids []string) (map[string]*newsgraph.Relation, error)
}

// plan resolves a validated input against what rd holds and computes the
// batch to write. It only reads.
func (s *Service) plan(ctx context.Context, rd reader, in Input) (*plan, error) {
	p := &plan{createdRelations: map[string]bool{}, corroboratedRelations: map[string]bool{}, stored: map[string]*newsgraph.Relation{}}
	docID, storedDoc, err := planDocument(ctx, rd, in, p)
	if err != nil {
		return nil, err
	}
	res := newResolver(rd)
	if err := res.lookup(ctx, referencedIDs(in)); err != nil {
		return nil, storeErr(err)
	}
	if err := res.lookupNames(ctx, in.Entities); err != nil {
		return nil, storeErr(err)
	}
	refs := make(map[string]string, len(in.Entities))
	for i := range in.Entities {
		e := &in.Entities[i]
		if old := res.existing[e.ID]; old != nil && old.Kind != e.Kind {
			return nil, invalidf("entities[%d] (ref %q): id %q names a %s, not a %s", i, e.Ref, e.ID, old.Kind, e.Kind)
		}
		id, err := res.resolve(ctx, e)
		if err != nil {
			return nil, storeErr(err)
		}
		refs[e.Ref] = id
		p.result.Entities = append(p.result.Entities, Resolution{Ref: e.Ref, ID: id})
	}
	for i := range p.result.Entities {
		p.result.Entities[i].Created = res.planned[p.result.Entities[i].ID].created
	}
	idOf := func(ref string) string {
		if id, ok := refs[ref]; ok {
			return id
		}
		return res.existingID(ref)
	}
	for i := range in.Entities {
		e := &in.Entities[i]
		planned := res.planned[refs[e.Ref]]
		for _, field := range []struct {
			name, ref string
			set       *string
		}{{"place", e.Place, &planned.entity.PlaceID}, {"claimant", e.Claimant, &planned.entity.ClaimantID}} {
			if field.ref == "" {
				continue
			}
			id := idOf(field.ref)
			if id == "" {
				return nil, invalidf("entities[%d] (ref %q): %s %q names no ref of this input and no existing entity", i, e.Ref, field.name, field.ref)
			}
			if planned.created {
				*field.set = id
			}
		}
	}
	for _, id := range res.order {
		pe := res.planned[id]
		if pe.created {
			p.result.Created = append(p.result.Created, pe.entity.Clone())
		} else {
			p.result.Matched = append(p.result.Matched, pe.entity.Clone())
		}
		if pe.created || pe.changed {
			p.batch.Entities = append(p.batch.Entities, pe.entity)
		}
	}
	if err := planMentions(ctx, rd, in, docID, refs, res, storedDoc, p); err != nil {
		return nil, err
	}
	if err := s.planRelations(ctx, rd, in, docID, idOf, p); err != nil {
		return nil, err
	}
	if err := s.warnDuplicates(ctx, in, res, p); err != nil {
		return nil, err
	}
	return p, nil
}

// planDocument adds the document to the batch unless it is stored as it is,
// and returns its id and whether it is stored already. A stored document
// with the same id and another text is Invalid: its evidence quotes that
// text.
func planDocument(ctx context.Context, rd reader, in Input, p *plan) (string, bool, error) {
	if in.IsEntitiesOnly() {
		return "", false, nil
	}
	d := in.Document
	doc := &newsgraph.Document{ID: d.ID, Title: d.Title, PublishedAt: d.PublishedAt, Source: d.Source, URL: d.URL, Text: d.Text}
	if doc.ID == "" {
		doc.ID = DocumentID(d.Text)
	}
	stored, err := rd.DocumentsByID(ctx, []string{doc.ID})
	if err != nil {
		return "", false, storeErr(err)
	}
	old := stored[doc.ID]
	if old != nil && old.Text != doc.Text {
		return "", false, invalidf("document: %s exists with a different text; give the new text another id", doc.ID)
	}
	if old == nil || *old != *doc {
		p.batch.Documents = append(p.batch.Documents, doc)
	}
	c := *doc
	p.result.Document = &c
	return doc.ID, old != nil, nil
}

// planRelations resolves the relations' ends, merges relations that
// resolved to the same id, and adds to the batch the new relations and
// the existing ones that gain evidence.
func (s *Service) planRelations(ctx context.Context, rd reader, in Input, docID string, idOf func(string) string, p *plan) error {
	order := make([]string, 0, len(in.Relations))
	byID := make(map[string]*newsgraph.Relation, len(in.Relations))
	// first is the index of the first input of each relation, for messages.
	first := make(map[string]int, len(in.Relations))
	text := newsgraph.NewQuoteFinder(in.Document.Text)
	for i, r := range in.Relations {
		from, to := idOf(r.From), idOf(r.To)
		for _, end := range []struct{ name, ref, id string }{{"from", r.From, from}, {"to", r.To, to}} {
			if end.id == "" {
				return invalidf("relations[%d] (%s): %s %q names no ref of this input and no existing entity", i, r.label(), end.name, end.ref)
			}
		}
		typ, err := s.relationType(i, r, from, to, p)
		if err != nil {
			return err
		}
		id := newsgraph.RelationID(from, typ, to)
		rel := byID[id]
		if rel == nil {
			first[id] = i
			rel = &newsgraph.Relation{ID: id, Type: typ, From: from, To: to, ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, Confidence: r.Confidence}
			if rel.Confidence == 0 {
				rel.Confidence = 1
			}
			byID[id] = rel
			order = append(order, id)
		}
		for _, q := range r.Quotes {
			ev, folded, err := quoteEvidence(text, q, docID)
			if err != nil {
				return invalidf("relations[%d] (%s): %s", i, r.label(), err)
			}
			if folded {
				p.warn(Warning{Code: WarnQuoteFolded, Item: fmt.Sprintf("relations[%d] (%s)", i, r.label()), IDs: []string{from, to},
					Message: fmt.Sprintf("quote %q is in the text as %q (after folding quotes, dashes or spaces); the evidence is the text's span", q, ev.Quote)})
			}
			if !newsgraph.ContainsEvidence(rel.Evidence, ev) {
				rel.Evidence = append(rel.Evidence, ev)
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	stored, err := rd.RelationsByID(ctx, order)
	if err != nil {
		return storeErr(err)
	}
	givenByID := func(ref string) bool { // ref names an entity by its id
		for _, e := range in.Entities {
			if e.Ref == ref {
				return e.ID == ref
			}
		}
		return true
	}
	for _, id := range order {
		if err := checkSelfLoop(first[id], in.Relations[first[id]], byID[id], stored[id] != nil, givenByID); err != nil {
			return err
		}
	}
	for _, id := range order {
		rel, old := byID[id], stored[id]
		if old == nil {
			p.batch.Relations = append(p.batch.Relations, rel)
			p.result.RelationsCreated++
			p.written = append(p.written, id)
			p.createdRelations[id] = true
			continue
		}
		var added []newsgraph.Evidence
		for _, ev := range rel.Evidence {
			if !newsgraph.ContainsEvidence(old.Evidence, ev) {
				added = append(added, ev)
			}
		}
		if len(added) == 0 {
			continue
		}
		// An existing relation keeps its fields and gains this evidence.
		kept := *old
		kept.Evidence = added
		p.batch.Relations = append(p.batch.Relations, &kept)
		p.result.RelationsCorroborated++
		p.written = append(p.written, id)
		p.corroboratedRelations[id] = true
		p.stored[id] = old
	}
	return nil
}

// referencedIDs lists the strings of in that may name existing entities:
// explicit ids and the references that are not refs of the input.
func referencedIDs(in Input) []string {
	refs := make(map[string]bool, len(in.Entities))
	ids := make([]string, 0, len(in.Entities)+2*len(in.Relations))
	for _, e := range in.Entities {
		refs[e.Ref] = true
		if e.ID != "" {
			ids = append(ids, e.ID)
		}
	}
	add := func(s string) {
		if s != "" && !refs[s] {
			ids = append(ids, s)
		}
	}
	for _, e := range in.Entities {
		add(e.Place)
		add(e.Claimant)
	}
	for _, r := range in.Relations {
		add(r.From)
		add(r.To)
	}
	return ids
}

// storeErr wraps an error from the store once, keeping its code.
func storeErr(err error) error { return fmt.Errorf("ingest: %w", err) }
