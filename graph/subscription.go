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
// falls too far behind (the broker closes the channel). A client dropped
// for falling behind has its whole connection closed: it is not reading.
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
		if ctx.Err() == nil {
			closeConnection(ctx) // dropped by the broker
		}
	}()
	return out, nil
}

type graphChangeResolver struct{ *resolver }

// Entity resolves GraphChange.entity: the changed entity, a level of its own.
func (r *graphChangeResolver) Entity(_ context.Context, obj *events.Change) (model.Entity, error) {
	if obj.Entity == nil {
		return nil, nil
	}
	return model.Wrap(obj.Entity, r.level().WithEntities(obj.Entity)), nil
}

// Relation resolves GraphChange.relation: the changed relation, a level of
// its own.
func (r *graphChangeResolver) Relation(_ context.Context, obj *events.Change) (*model.Relation, error) {
	if obj.Relation == nil {
		return nil, nil
	}
	return &model.Relation{Relation: obj.Relation, L: r.level().WithRelations(obj.Relation)}, nil
}

// Ids resolves GraphChange.ids, never null.
func (r *graphChangeResolver) Ids(_ context.Context, obj *events.Change) ([]string, error) {
	if obj.IDs == nil {
		return []string{}, nil
	}
	return obj.IDs, nil
}
