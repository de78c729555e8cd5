package embedded

import (
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// index holds the whole graph in memory. Its maps own their items: readers
// return copies, and apply replaces items in place under the write lock, so
// that every list holding a pointer sees the new value.
type index struct {
	documents   map[string]*newsgraph.Document
	documentIDs []string // ascending

	entities  map[string]*newsgraph.Entity
	entityIDs []string                    // ascending
	kindIDs   map[newsgraph.Kind][]string // ascending per kind

	relations map[string]*newsgraph.Relation
	// relationKeys maps each relation id to the sequence number it is
	// stored under in the file.
	relationKeys map[string]uint64
	// relationList, out, in, byType and byDocument hold relations in
	// ascending id order.
	relationList []*newsgraph.Relation
	out          map[string][]*newsgraph.Relation // by From
	in           map[string][]*newsgraph.Relation // by To
	byType       map[string][]*newsgraph.Relation
	byDocument   map[string][]*newsgraph.Relation // by evidence document

	search *searchIndex
	// graph caches the integer traversal view of the index (adjacency.go),
	// rebuilt by the first reader after a write changed the graph.
	graph adjacencyCache
	// types holds one copy of every relation type string.
	types map[string]string

	// referrers maps an entity id to the set of ids of the entities whose
	// PlaceID or ClaimantID names it, so that a merge or a delete finds
	// them without a scan.
	referrers map[string]map[string]bool
	// redirects maps every id merged away to its survivor, always one that
	// is not itself merged away; merged lists, for each survivor, the ids
	// that redirect to it.
	redirects map[string]string
	merged    map[string][]string
	// merges holds the merge records by survivor, oldest first.
	merges map[string][]newsgraph.Merge
}

func newIndex() *index {
	return &index{
		documents:    map[string]*newsgraph.Document{},
		entities:     map[string]*newsgraph.Entity{},
		kindIDs:      map[newsgraph.Kind][]string{},
		relations:    map[string]*newsgraph.Relation{},
		relationKeys: map[string]uint64{},
		out:          map[string][]*newsgraph.Relation{},
		in:           map[string][]*newsgraph.Relation{},
		byType:       map[string][]*newsgraph.Relation{},
		byDocument:   map[string][]*newsgraph.Relation{},
		search:       newSearchIndex(),
		types:        map[string]string{},
		referrers:    map[string]map[string]bool{},
		redirects:    map[string]string{},
		merged:       map[string][]string{},
		merges:       map[string][]newsgraph.Merge{},
	}
}

// apply adds a validated batch to the index and takes ownership of its
// items. Relations that exist must already carry their merged evidence.
// New ids are collected, sorted and merged into each sorted list once, so a
// batch costs O(n log n) in its own size plus one pass over the lists it
// touches.
func (ix *index) apply(b *newsgraph.Batch) {
	ix.applyDocuments(b.Documents)
	ix.applyEntities(b.Entities)
	ix.applyRelations(b.Relations, false)
}

func (ix *index) applyDocuments(docs []*newsgraph.Document) {
	var added []string
	for _, d := range docs {
		if old := ix.documents[d.ID]; old != nil {
			*old = *d
			continue
		}
		ix.documents[d.ID] = d
		added = append(added, d.ID)
	}
	slices.Sort(added)
	ix.documentIDs = mergeSorted(ix.documentIDs, added, cmpString)
}

func (ix *index) applyEntities(entities []*newsgraph.Entity) {
	added := map[newsgraph.Kind][]string{}
	changes := ix.search.newChanges()
	for _, e := range entities {
		if old := ix.entities[e.ID]; old != nil {
			changes.remove(old)
			ix.unrefer(old)
			*old = *e
			changes.add(old)
			ix.refer(old)
			continue
		}
		ix.entities[e.ID] = e
		ix.refer(e)
		added[e.Kind] = append(added[e.Kind], e.ID)
		changes.add(e)
	}
	var all []string
	for kind, ids := range added {
		slices.Sort(ids)
		ix.kindIDs[kind] = mergeSorted(ix.kindIDs[kind], ids, cmpString)
		all = append(all, ids...)
	}
	slices.Sort(all)
	ix.entityIDs = mergeSorted(ix.entityIDs, all, cmpString)
	ix.search.apply(changes)
}

// applyRelations adds relations to the index and takes ownership of them.
// decoded reports relations just read from the file, whose strings share
// one allocation per relation already (see decodeRelation): only their
// types are recorded, where others are interned.
func (ix *index) applyRelations(rels []*newsgraph.Relation, decoded bool) {
	if len(ix.relations) == 0 {
		// The first write of a new file, or the load of a stored graph:
		// size the maps once instead of growing them step by step.
		ix.relations = make(map[string]*newsgraph.Relation, len(rels))
	}
	added := make([]*newsgraph.Relation, 0, len(rels))
	byDocument := make(map[string][]*newsgraph.Relation, min(len(rels), 1024))
	for _, r := range rels {
		if decoded {
			ix.internType(r)
		} else {
			ix.intern(r)
		}
		old := ix.relations[r.ID]
		if old == nil {
			ix.relations[r.ID] = r
			added = append(added, r)
			for _, doc := range documentsOf(r.Evidence, nil) {
				byDocument[doc] = append(byDocument[doc], r)
			}
			continue
		}
		for _, doc := range documentsOf(r.Evidence, old.Evidence) {
			byDocument[doc] = append(byDocument[doc], old)
		}
		*old = *r
	}
	slices.SortFunc(added, cmpRelation)
	ix.relationList = mergeSorted(ix.relationList, added, cmpRelation)
	ends := min(len(added), len(ix.entities))
	ix.out = mergeGroups(ix.out, added, ends, func(r *newsgraph.Relation) string { return r.From })
	ix.in = mergeGroups(ix.in, added, ends, func(r *newsgraph.Relation) string { return r.To })
	ix.byType = mergeGroups(ix.byType, added, len(ix.types), func(r *newsgraph.Relation) string { return r.Type })
	for doc, list := range byDocument {
		slices.SortFunc(list, cmpRelation)
		ix.byDocument[doc] = mergeSorted(ix.byDocument[doc], list, cmpRelation)
	}
}

// intern makes r share the strings of its ends, type and evidence
// documents with the index, so that a large graph holds one copy of each
// id however many relations name it.
func (ix *index) intern(r *newsgraph.Relation) {
	if e := ix.entities[r.From]; e != nil {
		r.From = e.ID
	}
	if e := ix.entities[r.To]; e != nil {
		r.To = e.ID
	}
	ix.internType(r)
	for i, ev := range r.Evidence {
		if d := ix.documents[ev.DocumentID]; d != nil {
			r.Evidence[i].DocumentID = d.ID
		}
	}
}

// loadRelations indexes the relations of a stored graph, just decoded and
// sorted by id, into an index that has none; keys are their sequence
// numbers in the file and entities the number of entities. The lists are
// built on all cores; each goroutine writes its own fields of the index
// and of the relations.
func (ix *index) loadRelations(rels []*newsgraph.Relation, keys map[string]uint64, entities int) {
	var wg sync.WaitGroup
	ends := min(len(rels), entities)
	wg.Go(func() { ix.out = mergeGroups(ix.out, rels, ends, func(r *newsgraph.Relation) string { return r.From }) })
	wg.Go(func() { ix.in = mergeGroups(ix.in, rels, ends, func(r *newsgraph.Relation) string { return r.To }) })
	wg.Go(func() {
		for _, r := range rels {
			ix.internType(r)
		}
		ix.byType = mergeGroups(ix.byType, rels, len(ix.types), func(r *newsgraph.Relation) string { return r.Type })
	})
	wg.Go(func() {
		for _, r := range rels {
			if len(r.Evidence) == 1 { // the usual case, without documentsOf's slice
				doc := r.Evidence[0].DocumentID
				ix.byDocument[doc] = append(ix.byDocument[doc], r)
				continue
			}
			for _, doc := range documentsOf(r.Evidence, nil) {
				ix.byDocument[doc] = append(ix.byDocument[doc], r)
			}
		}
	})
	relations := make(map[string]*newsgraph.Relation, len(rels))
	for _, r := range rels {
		relations[r.ID] = r
	}
	ix.relations, ix.relationKeys, ix.relationList = relations, keys, rels
	wg.Wait()
}

// internType makes r share the index's copy of its type string, recording
// the type when it is new.
func (ix *index) internType(r *newsgraph.Relation) {
	if t, ok := ix.types[r.Type]; ok {
		r.Type = t
	} else {
		ix.types[r.Type] = r.Type
	}
}

// documentsOf returns the distinct document ids of evidence that are not
// among the documents of old.
func documentsOf(evidence, old []newsgraph.Evidence) []string {
	var docs []string
	if len(evidence)+len(old) <= 16 {
		// Few quotes, the usual case: no map needed.
		for i, ev := range evidence {
			known := func(e newsgraph.Evidence) bool { return e.DocumentID == ev.DocumentID }
			if !slices.ContainsFunc(old, known) && !slices.ContainsFunc(evidence[:i], known) {
				docs = append(docs, ev.DocumentID)
			}
		}
		return docs
	}
	seen := map[string]bool{}
	for _, ev := range old {
		seen[ev.DocumentID] = true
	}
	for _, ev := range evidence {
		if !seen[ev.DocumentID] {
			seen[ev.DocumentID] = true
			docs = append(docs, ev.DocumentID)
		}
	}
	return docs
}

// mergeGroups groups rels, sorted by id, by key and merges each group into
// the list of its key, and returns lists; keys is a guess of the number
// of distinct keys.
func mergeGroups(lists map[string][]*newsgraph.Relation, rels []*newsgraph.Relation, keys int, key func(*newsgraph.Relation) string) map[string][]*newsgraph.Relation {
	// Groups are held by pointer, so that adding to one costs one map
	// lookup.
	groups := make(map[string]*[]*newsgraph.Relation, keys)
	for _, r := range rels {
		k := key(r)
		g := groups[k]
		if g == nil {
			g = new([]*newsgraph.Relation)
			groups[k] = g
		}
		*g = append(*g, r)
	}
	if len(lists) == 0 {
		lists = make(map[string][]*newsgraph.Relation, len(groups))
	}
	for k, g := range groups {
		lists[k] = mergeSorted(lists[k], *g, cmpRelation)
	}
	return lists
}
