package embedded

import (
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// index holds the whole graph in memory. Its maps own their items: readers
// return copies, and a write replaces items in place under the write lock,
// so that every list holding a pointer sees the new value.
type index struct {
	documents   map[string]*newsgraph.Document
	documentIDs []string // ascending

	entities  map[string]*newsgraph.Entity
	entityIDs []string                    // ascending
	kindIDs   map[newsgraph.Kind][]string // ascending per kind

	// relations maps each relation id to its slot (slots.go): rels holds
	// the relation, seqs the sequence number it is stored under in the
	// file; free lists slots that deleted relations left.
	relations map[string]int32
	rels      []*newsgraph.Relation
	seqs      []uint64
	free      []int32
	// relationList, out, in, byType and byDocument list relation slots,
	// sorted by relation id when read.
	relationList *slotList
	out          map[string]*slotList // by From
	in           map[string]*slotList // by To
	byType       map[string]*slotList
	byDocument   map[string]*slotList // by evidence document
	// selfLoops counts, for each entity with any, its relations whose
	// From and To are both it: they are on its out and in lists, and its
	// degree counts them once.
	selfLoops map[string]int32
	// sortMu serialises readers sorting lists (see index.sorted).
	sortMu sync.Mutex

	// search is the search index (search.go). A new graph's is built at
	// once, a loaded graph's by the first search (or in the background
	// after Open), so that opening a large graph does not wait for it;
	// once built, writes keep it up to date.
	search lazy[searchIndex]
	// graph caches the integer traversal view of the index (adjacency.go),
	// built by the first traversal and kept up to date by writes.
	graph lazy[adjacency]
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
	// merges holds the merge records by final survivor, in the order they
	// were made: a survivor's history includes the records of the entities
	// merged into it (addMerge).
	merges map[string][]newsgraph.Merge
	// mentions holds the mentions documents record (mentions.go).
	mentions mentionIndex
}

func newIndex() *index {
	ix := &index{
		documents:    map[string]*newsgraph.Document{},
		entities:     map[string]*newsgraph.Entity{},
		kindIDs:      map[newsgraph.Kind][]string{},
		relations:    map[string]int32{},
		relationList: &slotList{},
		out:          map[string]*slotList{},
		in:           map[string]*slotList{},
		byType:       map[string]*slotList{},
		byDocument:   map[string]*slotList{},
		selfLoops:    map[string]int32{},
		types:        map[string]string{},
		referrers:    map[string]map[string]bool{},
		redirects:    map[string]string{},
		merged:       map[string][]string{},
		merges:       map[string][]newsgraph.Merge{},
		mentions:     newMentionIndex(),
	}
	ix.search.set(newSearchIndex())
	return ix
}

// applyDocuments, applyEntities and applyRelations add validated items to
// the index and take ownership of them; relations that exist must already
// carry their merged evidence. New entity and document ids are collected,
// sorted and merged into each sorted list once, so a batch costs
// O(n log n) in its own size plus one pass over the lists it touches.
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
	if len(entities) > len(ix.entities)/8+1024 {
		// A write large for the graph, such as a bulk import, drops the
		// search index instead of merging into every long posting list;
		// the next search builds it at once.
		ix.search.set(nil)
	}
	changes := ix.searchChanges()
	for _, e := range entities {
		if old := ix.entities[e.ID]; old != nil {
			// An import mentions most entities again and again, unchanged.
			reindex := !sameSearchText(old, e)
			if reindex {
				changes.remove(old)
			}
			ix.unrefer(old)
			*old = *e
			ix.refer(old)
			if reindex {
				changes.add(old)
			}
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
	ix.applySearch(changes)
}

// applyRelations adds relations, stored under the sequence numbers seqs,
// to the index, takes ownership of them and returns the slots of those
// that are new. slots, when not nil, are the relations' slots, -1 for new
// ones, as the caller found them. New relations are appended to their
// lists, which the first read sorts.
func (ix *index) applyRelations(rels []*newsgraph.Relation, seqs []uint64, slots []int32) []int32 {
	if len(ix.relations) == 0 {
		// The first write of a new file: size the map once instead of
		// growing it step by step.
		ix.relations = make(map[string]int32, len(rels))
	}
	var added []int32
	for i, r := range rels {
		ix.intern(r)
		var s int32
		ok := false
		if slots != nil {
			s, ok = slots[i], slots[i] >= 0
		} else {
			s, ok = ix.relations[r.ID]
		}
		if !ok {
			s = ix.newSlot(r, seqs[i])
			ix.relations[r.ID] = s
			added = append(added, s)
			ix.relationList.add(s)
			addTo(ix.out, r.From, s)
			addTo(ix.in, r.To, s)
			if r.From == r.To {
				ix.selfLoops[r.From]++
			}
			addTo(ix.byType, r.Type, s)
			if len(r.Evidence) == 1 { // the usual case, without documentsOf's slice
				addTo(ix.byDocument, r.Evidence[0].DocumentID, s)
				continue
			}
			for _, doc := range documentsOf(r.Evidence, nil) {
				addTo(ix.byDocument, doc, s)
			}
			continue
		}
		old := ix.rels[s]
		for _, doc := range documentsOf(r.Evidence, old.Evidence) {
			addTo(ix.byDocument, doc, s)
		}
		*old = *r
	}
	return added
}

// intern makes r share strings with the index, so that a large graph
// holds one copy of each: its ends become substrings of its id, which
// RelationID made of them, as decodeRelation makes them; its type and
// evidence documents the index's copies.
func (ix *index) intern(r *newsgraph.Relation) {
	if len(r.ID) == len(r.From)+len(r.Type)+len(r.To)+2 {
		r.From, r.To = r.ID[:len(r.From)], r.ID[len(r.ID)-len(r.To):]
	}
	ix.internType(r)
	for i, ev := range r.Evidence {
		if d := ix.documents[ev.DocumentID]; d != nil {
			r.Evidence[i].DocumentID = d.ID
		}
	}
}

// loadRelations indexes the relations of a stored graph, just decoded in
// the order of their sequence numbers seqs, into an index that has none.
// Relation i takes slot i; the lists are built on all cores, unsorted
// (the first read of each sorts it), each goroutine writing its own fields
// of the index and of the relations.
func (ix *index) loadRelations(rels []*newsgraph.Relation, seqs []uint64) {
	n := int32(len(rels))
	group := func(key func(*newsgraph.Relation) string) map[string]*slotList {
		lists := map[string]*slotList{}
		for s, r := range rels {
			addTo(lists, key(r), int32(s))
		}
		return lists
	}
	var wg sync.WaitGroup
	wg.Go(func() { ix.out = group(func(r *newsgraph.Relation) string { return r.From }) })
	wg.Go(func() {
		ix.in = group(func(r *newsgraph.Relation) string { return r.To })
		for _, r := range rels {
			if r.From == r.To {
				ix.selfLoops[r.From]++
			}
		}
	})
	wg.Go(func() {
		for _, r := range rels {
			ix.internType(r)
		}
		ix.byType = group(func(r *newsgraph.Relation) string { return r.Type })
	})
	wg.Go(func() {
		for s, r := range rels {
			if len(r.Evidence) == 1 { // the usual case, without documentsOf's slice
				addTo(ix.byDocument, r.Evidence[0].DocumentID, int32(s))
				continue
			}
			for _, doc := range documentsOf(r.Evidence, nil) {
				addTo(ix.byDocument, doc, int32(s))
			}
		}
	})
	relations := make(map[string]int32, n)
	all := make([]int32, n)
	for s, r := range rels {
		relations[r.ID] = int32(s)
		all[s] = int32(s)
	}
	ix.relations, ix.rels, ix.seqs = relations, rels, seqs
	ix.relationList = &slotList{slots: all}
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
