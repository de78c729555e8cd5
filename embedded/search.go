package embedded

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// searchIndex maps every folded word an entity can be found by (the words
// of its search keys and of its description) to the ids of the entities
// that have it. Words are also kept sorted so that a query word finds every
// word it is a prefix of by binary search.
type searchIndex struct {
	postings map[string][]string // word -> ascending entity ids
	words    []string            // ascending keys of postings
	// folded holds every entity's folded names and description, so that
	// scoring a candidate does not fold them again.
	folded map[string]foldedEntity
	// keys holds every entity's search keys, whole, in ascending order, so
	// that the entities a key of which starts with the query (those
	// SearchScore gives 0.8 or more) are found by binary search.
	keys []searchKey
	// fuzzy indexes the words of words for typo-tolerant candidates
	// (fuzzy.go).
	fuzzy *fuzzyIndex
}

// searchKey is one search key of an entity: the key, the entity's id and
// the index's own entity (updated in place, so that the key need not be
// looked up again), whether the key is the entity's name (the first of its
// newsgraph.SearchKeys), and whether no other key of the entity starts
// with the same three bytes, so that a query of three bytes or more that
// starts this key starts no other key of the entity.
type searchKey struct {
	key, id string
	entity  *newsgraph.Entity
	name    bool
	alone   bool
}

// distinctPrefix is the length of the key prefixes searchKey.alone
// compares.
const distinctPrefix = 3

// searchKeys returns the search keys of the entity with id and folded
// text f.
func searchKeys(id string, f foldedEntity) []searchKey {
	keys := make([]searchKey, len(f.keys))
	for i, k := range f.keys {
		keys[i] = searchKey{key: k, id: id, entity: f.entity, name: i == 0, alone: true}
		start := k[:min(len(k), distinctPrefix)]
		for j, other := range f.keys {
			if j != i && strings.HasPrefix(other, start) {
				keys[i].alone = false
			}
		}
	}
	return keys
}

func cmpSearchKey(a, b searchKey) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// foldedEntity is an entity with what newsgraph.SearchScorer.ScoreFolded
// needs of it, so that a candidate costs one lookup.
type foldedEntity struct {
	entity      *newsgraph.Entity // the index's own, updated in place
	keys        []string          // newsgraph.SearchKeys
	description string            // newsgraph.Fold of the description
}

// foldEntity returns the folded text of e.
func foldEntity(e *newsgraph.Entity) foldedEntity {
	return foldedEntity{entity: e, keys: newsgraph.SearchKeys(e), description: newsgraph.Fold(e.Description)}
}

func newSearchIndex() *searchIndex {
	return &searchIndex{postings: map[string][]string{}, folded: map[string]foldedEntity{}, fuzzy: newFuzzyIndex()}
}

// textSearch returns the search index, building it when there is none.
// The caller holds the read lock.
func (ix *index) textSearch() *searchIndex {
	return ix.search.get(func() *searchIndex { return buildSearchIndex(ix) })
}

// buildSearchIndex builds the search index of every entity of ix, their
// words on two cores. Taking the entities in ascending id order gives
// every posting list in that order.
func buildSearchIndex(ix *index) *searchIndex {
	words := make([][]string, len(ix.entityIDs))
	folded := make([]foldedEntity, len(ix.entityIDs))
	fill := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			folded[i] = foldEntity(ix.entities[ix.entityIDs[i]])
			words[i] = folded[i].words()
		}
	}
	var wg sync.WaitGroup
	half := len(words) / 2
	wg.Go(func() { fill(0, half) })
	fill(half, len(words))
	wg.Wait()
	s := newSearchIndex()
	s.folded = make(map[string]foldedEntity, len(ix.entityIDs))
	for i, id := range ix.entityIDs {
		s.folded[id] = folded[i]
		s.keys = append(s.keys, searchKeys(id, folded[i])...)
		for _, w := range words[i] {
			s.postings[w] = append(s.postings[w], id)
		}
	}
	slices.SortFunc(s.keys, cmpSearchKey)
	s.words = make([]string, 0, len(s.postings))
	for w := range s.postings {
		s.words = append(s.words, w)
	}
	slices.Sort(s.words)
	s.fuzzy.add(s.words)
	return s
}

// searchChanges returns a collector of the changes a write makes to the
// search index, or nil when the index is not built: its build will see
// the write.
func (ix *index) searchChanges() *searchChanges {
	if ix.search.built() == nil {
		return nil
	}
	return &searchChanges{added: map[string][]string{}, removed: map[string]map[string]bool{}, folded: map[string]*foldedEntity{}}
}

// applySearch applies the changes from searchChanges to the search index.
func (ix *index) applySearch(c *searchChanges) {
	if c != nil {
		ix.search.built().apply(c)
	}
}

// sameSearchText reports whether a and b are found by the same words: the
// same name, aliases and description.
func sameSearchText(a, b *newsgraph.Entity) bool {
	return a.Name == b.Name && a.Description == b.Description && slices.Equal(a.Aliases, b.Aliases)
}

// words returns the distinct folded words the entity is found by.
func (f foldedEntity) words() []string {
	var words []string
	for _, k := range f.keys {
		words = append(words, strings.Fields(k)...)
	}
	words = append(words, strings.Fields(f.description)...)
	slices.Sort(words)
	return slices.Compact(words)
}

// searchChanges collects the postings a batch adds and removes, so that
// each touched word's list is rewritten once per batch.
type searchChanges struct {
	added   map[string][]string
	removed map[string]map[string]bool
	folded  map[string]*foldedEntity // entity id -> its new folded text, nil when removed
}

// add records that e has its words; a nil c records nothing.
func (c *searchChanges) add(e *newsgraph.Entity) {
	if c == nil {
		return
	}
	f := foldEntity(e)
	c.folded[e.ID] = &f
	for _, w := range f.words() {
		if c.removed[w][e.ID] {
			delete(c.removed[w], e.ID) // replaced with the same word: keep it
			continue
		}
		c.added[w] = append(c.added[w], e.ID)
	}
}

// remove records that e no longer has its words; a nil c records nothing.
func (c *searchChanges) remove(e *newsgraph.Entity) {
	if c == nil {
		return
	}
	c.folded[e.ID] = nil
	for _, w := range foldEntity(e).words() {
		if c.removed[w] == nil {
			c.removed[w] = map[string]bool{}
		}
		c.removed[w][e.ID] = true
	}
}

// apply rewrites the postings of every word the changes touch and the
// sorted word list when words appear or disappear.
func (s *searchIndex) apply(c *searchChanges) {
	s.applyKeys(c)
	for id, f := range c.folded {
		if f == nil {
			delete(s.folded, id)
		} else {
			s.folded[id] = *f
		}
	}
	var newWords []string
	gone := map[string]bool{}
	for w, ids := range c.removed {
		if len(ids) == 0 {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(s.postings[w]), func(id string) bool { return ids[id] })
		if len(kept) == 0 && len(c.added[w]) == 0 {
			delete(s.postings, w)
			gone[w] = true
			continue
		}
		s.postings[w] = kept
	}
	for w, ids := range c.added {
		slices.Sort(ids)
		old, existed := s.postings[w]
		if !existed || gone[w] {
			newWords = append(newWords, w)
		}
		s.postings[w] = mergeSorted(old, ids, cmpString)
	}
	s.words = replaceSorted(s.words, gone, newWords, cmpString)
	s.fuzzy.remove(gone)
	s.fuzzy.add(newWords)
}

// applyKeys updates the sorted keys from the changed entities' old and new
// folded text; it runs before folded is updated.
func (s *searchIndex) applyKeys(c *searchChanges) {
	removed := map[searchKey]bool{}
	var added []searchKey
	for id, f := range c.folded {
		for _, sk := range searchKeys(id, s.folded[id]) {
			removed[sk] = true
		}
		if f == nil {
			continue
		}
		for _, sk := range searchKeys(id, *f) {
			if removed[sk] {
				delete(removed, sk) // kept
			} else {
				added = append(added, sk)
			}
		}
	}
	s.keys = replaceSorted(s.keys, removed, added, cmpSearchKey)
}

// prefixHits returns a hit for every entity of the given kinds (any kind
// when none) that has a search key starting with the query, scored by
// scorer, whose folded query q is: those newsgraph.SearchScore gives 0.8
// or more, since a key the query does not start scores 0.7 at most. The
// score of such an entity is the best newsgraph.SearchScorer.KeyScore of
// its keys the query starts, so it is known from the sorted keys alone,
// without the entity's other keys or its description. It checks ctx
// every scoreCheck keys.
func (s *searchIndex) prefixHits(ctx context.Context, q string, kinds []newsgraph.Kind, scorer newsgraph.SearchScorer) ([]newsgraph.SearchHit, error) {
	i, _ := slices.BinarySearchFunc(s.keys, searchKey{key: q}, cmpSearchKey)
	var hits []newsgraph.SearchHit
	// at is the hit of each entity that may have two keys the query
	// starts.
	var at map[*newsgraph.Entity]int
	for n := 0; i < len(s.keys) && strings.HasPrefix(s.keys[i].key, q); i, n = i+1, n+1 {
		if n%scoreCheck == scoreCheck-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		k := s.keys[i]
		if len(q) < 3 && len(k.key) > len(q) && k.key[len(q)] != ' ' {
			continue // a short query starts a key's first word only
		}
		e := k.entity
		if len(kinds) > 0 && !slices.Contains(kinds, e.Kind) {
			continue
		}
		score := scorer.KeyScore(k.key, k.name)
		if score < newsgraph.PrefixScore {
			continue // cannot happen: the query starts the key
		}
		if k.alone && len(q) >= distinctPrefix {
			hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
			continue
		}
		if at == nil {
			at = map[*newsgraph.Entity]int{}
		}
		if j, seen := at[e]; seen {
			hits[j].Score = max(hits[j].Score, score)
			continue
		}
		at[e] = len(hits)
		hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
	}
	return hits, nil
}

// Reading a posting costs a map lookup, scoring a candidate with
// newsgraph.SearchScore a few dozen: a query word narrows the candidates
// only when it has fewer than scoreCost postings per candidate, and never
// more than maxIntersect.
const (
	scoreCost    = 32
	maxIntersect = 4096
	// scoreCheck is how many candidates are scored between two looks at
	// the caller's context: about a tenth of a millisecond of work.
	scoreCheck = 512
)

// candidates returns the ids of the entities that have, for every query
// word, a word it is a prefix of: those of the most selective query word,
// narrowed by the other words that are selective enough to be worth it.
func (s *searchIndex) candidates(words []string) map[string]bool {
	type counted struct {
		word  string
		count int
	}
	ws := make([]counted, 0, len(words))
	for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
		ws = append(ws, counted{w, s.countPrefix(w, maxIntersect+1)})
	}
	slices.SortStableFunc(ws, func(a, b counted) int { return a.count - b.count })
	ids := map[string]bool{}
	s.eachWithPrefix(ws[0].word, func(id string) { ids[id] = true })
	for _, w := range ws[1:] {
		if len(ids) == 0 || w.count > maxIntersect || w.count > scoreCost*len(ids) {
			break
		}
		kept := make(map[string]bool, len(ids))
		s.eachWithPrefix(w.word, func(id string) {
			if ids[id] {
				kept[id] = true
			}
		})
		ids = kept
	}
	return ids
}

// eachWithPrefix calls fn with the id of every entity having a word that
// starts with prefix, once per such word.
func (s *searchIndex) eachWithPrefix(prefix string, fn func(id string)) {
	i, _ := slices.BinarySearch(s.words, prefix)
	for ; i < len(s.words) && strings.HasPrefix(s.words[i], prefix); i++ {
		for _, id := range s.postings[s.words[i]] {
			fn(id)
		}
	}
}

// countPrefix returns the number of postings of the words starting with
// prefix, or some number of at least limit when there are more.
func (s *searchIndex) countPrefix(prefix string, limit int) int {
	count := 0
	i, _ := slices.BinarySearch(s.words, prefix)
	for ; i < len(s.words) && strings.HasPrefix(s.words[i], prefix) && count < limit; i++ {
		count += len(s.postings[s.words[i]])
	}
	return count
}

// countAbove counts the hits scoring more than score.
func countAbove(hits []newsgraph.SearchHit, score float64) int {
	n := 0
	for _, h := range hits {
		if h.Score > score {
			n++
		}
	}
	return n
}

// Search returns up to q.Limit entities matching q.Text, best first. Every
// word of a query matching as typed is a prefix of some word the entity is
// found by, so only the entities found by every query word are candidates;
// when they give fewer than q.Limit hits above newsgraph.FuzzyScore, the
// entities matching with typos (fuzzyCandidates) are candidates too.
// newsgraph.SearchScore then decides and ranks.
func (s *Store) Search(ctx context.Context, q newsgraph.SearchQuery) ([]newsgraph.SearchHit, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	words := newsgraph.SearchTokens(q.Text)
	if len(words) == 0 {
		return nil, nil
	}
	scorer := newsgraph.NewSearchScorer(q.Text)
	var hits []newsgraph.SearchHit
	err := s.read(ctx, func(ix *index) error {
		search := ix.textSearch()
		// Scoring checks the caller's deadline every scoreCheck
		// candidates: a query matching most of a large graph must not
		// outlive its request.
		scored := 0
		var stopped error
		score := func(id string) {
			if stopped != nil {
				return
			}
			if scored++; scored%scoreCheck == 0 {
				if stopped = ctx.Err(); stopped != nil {
					return
				}
			}
			f := search.folded[id]
			e := f.entity
			if e == nil || (len(q.Kinds) > 0 && !slices.Contains(q.Kinds, e.Kind)) {
				return
			}
			if score := scorer.ScoreFolded(f.keys, f.description); score > 0 {
				hits = append(hits, newsgraph.SearchHit{Entity: e, Score: score})
			}
		}
		prefixed, err := search.prefixHits(ctx, strings.Join(words, " "), q.Kinds, scorer)
		if err != nil {
			return contextErr(err)
		}
		if len(prefixed) >= q.Limit {
			hits = prefixed
		} else {
			scoredIDs := search.candidates(words)
			for id := range scoredIDs {
				score(id)
			}
			// Entities matching only with a typo score FuzzyScore at
			// most: they are looked for only when fewer than Limit hits
			// score more.
			if scorer.Fuzzy() && countAbove(hits, newsgraph.FuzzyScore) < q.Limit {
				for id := range search.fuzzyCandidates(words) {
					if !scoredIDs[id] {
						score(id)
					}
				}
			}
		}
		if stopped != nil {
			return contextErr(stopped)
		}
		hits = newsgraph.TopHits(hits, q.Limit)
		for i := range hits {
			hits[i].Entity = (hits[i].Entity).Clone()
		}
		return nil
	})
	return hits, err
}
