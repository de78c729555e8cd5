package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph/model"
)

type subscriptionResolver struct{ *resolver }

// GraphChanged resolves Subscription.graphChanged: the broker's changes
// matching kinds and types, until the client unsubscribes (ctx ends) or
// falls too far behind (the broker closes the channel).
func (r *subscriptionResolver) GraphChanged(ctx context.Context, kinds []newsgraph.Kind, types []string) (<-chan *events.Change, error) {
	if err := newsgraph.CheckRelationTypes(types); err != nil {
		return nil, err
	}
	in := r.broker.Subscribe(ctx, events.Filter{Kinds: kinds, Types: types})
	out := make(chan *events.Change)
	go func() {
		defer close(out)
		for c := range in {
			select {
			case out <- &c:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

type graphChangeResolver struct{ *resolver }

// Entity resolves GraphChange.entity.
func (r *graphChangeResolver) Entity(_ context.Context, obj *events.Change) (model.Entity, error) {
	return model.Wrap(obj.Entity), nil
}

// Ids resolves GraphChange.ids, never null.
func (r *graphChangeResolver) Ids(_ context.Context, obj *events.Change) ([]string, error) {
	if obj.IDs == nil {
		return []string{}, nil
	}
	return obj.IDs, nil
}
