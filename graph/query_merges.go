package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
)

// MergeHistory resolves Query.mergeHistory.
func (r *queryResolver) MergeHistory(ctx context.Context, id string, first *int) ([]*newsgraph.Merge, error) {
	n := intOr(first, newsgraph.DefaultMergeHistory)
	if err := newsgraph.CheckListSize("mergeHistory", n); err != nil {
		return nil, err
	}
	byID, err := r.store.Merges(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	merges := byID[id]
	merges = merges[:min(len(merges), n)]
	out := make([]*newsgraph.Merge, len(merges))
	for i := range merges {
		out[i] = &merges[i]
	}
	return out, nil
}

type mergeResolver struct{ *resolver }

// Actor resolves Merge.actor: null when the merge named no actor.
func (r *mergeResolver) Actor(_ context.Context, obj *newsgraph.Merge) (*string, error) {
	return optional(obj.Actor), nil
}
