package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// duplicateSearchLimit bounds the hits of each search for possible
// duplicates; maxDuplicateChecks bounds the new entities of one input
// searched for, so that an input creating thousands costs at most that
// many searches (each one typo-tolerant, about 0.2 ms on the embedded
// store, more on a graph of many similar names).
const (
	duplicateSearchLimit = 10
	maxDuplicateChecks   = 50
)

// warnDuplicates warns about the entities the input creates by name (an
// entity input with an id means that entity) that may be existing entities
// of their kind (newsgraph.PossibleDuplicate), for the first
// maxDuplicateChecks of them: each is found by one store search of its name
// (newsgraph.DuplicateQuery), and a PERSON's shorter forms by one exact
// lookup of the parts of every name (newsgraph.NameParts), batched for the
// whole input. It reads the store, so an entity planned by an earlier input
// of a group is not a candidate.
func (s *Service) warnDuplicates(ctx context.Context, in Input, res *resolver, p *plan) error {
	if s.noDuplicateWarnings {
		return nil
	}
	var checked []int // indexes of the entity inputs to check
	seen := map[string]bool{}
	var keys []newsgraph.NameKey
	for i, r := range p.result.Entities {
		if !r.Created || in.Entities[i].ID != "" || seen[r.ID] || len(checked) == maxDuplicateChecks {
			continue
		}
		seen[r.ID] = true
		checked = append(checked, i)
		if e := res.planned[r.ID].entity; e.Kind == newsgraph.KindPerson {
			for _, part := range newsgraph.NameParts(e.Name) {
				keys = append(keys, newsgraph.NameKey{Kind: e.Kind, Name: part})
			}
		}
	}
	var named map[newsgraph.NameKey][]*newsgraph.Entity
	if len(keys) > 0 {
		var err error
		if named, err = s.store.EntitiesNamed(ctx, keys); err != nil {
			return storeErr(err)
		}
	}
	for _, i := range checked {
		r := p.result.Entities[i]
		planned := res.planned[r.ID].entity
		hits, err := s.store.Search(ctx, newsgraph.SearchQuery{Text: newsgraph.DuplicateQuery(planned.Name), Kinds: []newsgraph.Kind{planned.Kind}, Limit: duplicateSearchLimit})
		if err != nil {
			return storeErr(err)
		}
		candidates := make([]*newsgraph.Entity, 0, len(hits))
		for _, h := range hits {
			candidates = append(candidates, h.Entity)
		}
		if planned.Kind == newsgraph.KindPerson {
			for _, part := range newsgraph.NameParts(planned.Name) {
				candidates = append(candidates, named[newsgraph.NameKey{Kind: planned.Kind, Name: part}]...)
			}
		}
		var found, names []string
		for _, c := range candidates {
			if c.ID == r.ID || slices.Contains(found, c.ID) || !newsgraph.PossibleDuplicate(planned.Kind, planned.Name, c) {
				continue
			}
			found = append(found, c.ID)
			names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.ID))
		}
		if len(found) > 0 {
			p.warn(Warning{Code: WarnPossibleDuplicate, Item: fmt.Sprintf("entities[%d] (ref %q)", i, in.Entities[i].Ref),
				IDs:     append([]string{r.ID}, found...),
				Message: fmt.Sprintf("new %s %q (%s) may be %s: give its id to match it", planned.Kind, planned.Name, r.ID, strings.Join(names, " or "))})
		}
	}
	return nil
}
