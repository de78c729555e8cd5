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
// searched for, so that an input creating thousands costs at most a few
// hundred searches.
const (
	duplicateSearchLimit = 10
	maxDuplicateChecks   = 100
)

// warnDuplicates warns about the entities the input creates by name (an
// entity input with an id means that entity) that may be existing entities
// of their kind (newsgraph.PossibleDuplicate), found with a few store
// searches each (newsgraph.DuplicateQueries), for the first
// maxDuplicateChecks of them. It searches the store, so an entity planned
// by an earlier input of a group is not a candidate.
func (s *Service) warnDuplicates(ctx context.Context, in Input, res *resolver, p *plan) error {
	if s.noDuplicateWarnings {
		return nil
	}
	warned := map[string]bool{}
	for i, r := range p.result.Entities {
		e := &in.Entities[i]
		if !r.Created || e.ID != "" || warned[r.ID] {
			continue
		}
		if len(warned) == maxDuplicateChecks {
			break
		}
		warned[r.ID] = true
		planned := res.planned[r.ID].entity
		var found []string
		var names []string
		for _, q := range newsgraph.DuplicateQueries(planned.Name) {
			hits, err := s.store.Search(ctx, newsgraph.SearchQuery{Text: q, Kinds: []newsgraph.Kind{planned.Kind}, Limit: duplicateSearchLimit})
			if err != nil {
				return storeErr(err)
			}
			for _, h := range hits {
				id := h.Entity.ID
				if id == r.ID || slices.Contains(found, id) || !newsgraph.PossibleDuplicate(planned.Kind, planned.Name, h.Entity) {
					continue
				}
				found = append(found, id)
				names = append(names, fmt.Sprintf("%s (%s)", h.Entity.Name, id))
			}
		}
		if len(found) > 0 {
			p.warn(Warning{Code: WarnPossibleDuplicate, Item: fmt.Sprintf("entities[%d] (ref %q)", i, e.Ref),
				IDs:     append([]string{r.ID}, found...),
				Message: fmt.Sprintf("new %s %q (%s) may be %s: give its id to match it", planned.Kind, planned.Name, r.ID, strings.Join(names, " or "))})
		}
	}
	return nil
}
