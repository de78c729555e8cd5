package loaders

import (
	"context"
	"errors"
	"slices"

	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph"
)

// DocumentsMentioning returns the documents that mention the entity with
// the given id (see newsgraph.DocumentReader.DocumentIDsMentioning), in
// ascending id order; none for an absent entity. Concurrent calls are
// answered by one DocumentIDsMentioning call and one DocumentsByID call for
// all their documents, which are then cached for Document.
func (l *Loaders) DocumentsMentioning(ctx context.Context, entityID string) ([]*newsgraph.Document, error) {
	docs, err := l.mentions.Load(ctx, entityID)
	switch {
	case errors.Is(err, dataloadgen.ErrNotFound):
		return []*newsgraph.Document{}, nil
	case err != nil:
		return nil, err
	}
	return docs, nil
}

// PrefetchDocumentsMentioning starts loading the documents mentioning the
// entities with the given ids without waiting for them, like
// PrefetchEntities.
func (l *Loaders) PrefetchDocumentsMentioning(ctx context.Context, entityIDs ...string) {
	for _, id := range entityIDs {
		l.mentions.LoadThunk(ctx, id)
	}
}

func (l *Loaders) fetchMentions(src Source) func(context.Context, []string) (map[string][]*newsgraph.Document, error) {
	return func(ctx context.Context, entityIDs []string) (map[string][]*newsgraph.Document, error) {
		idsByEntity, err := src.DocumentIDsMentioning(ctx, entityIDs)
		if err != nil {
			return nil, err
		}
		var docIDs []string
		for _, ids := range idsByEntity {
			docIDs = append(docIDs, ids...)
		}
		slices.Sort(docIDs)
		docIDs = slices.Compact(docIDs)
		docs := map[string]*newsgraph.Document{}
		if len(docIDs) > 0 {
			if docs, err = src.DocumentsByID(ctx, docIDs); err != nil {
				return nil, err
			}
		}
		out := make(map[string][]*newsgraph.Document, len(idsByEntity))
		for entityID, ids := range idsByEntity {
			list := make([]*newsgraph.Document, 0, len(ids))
			for _, id := range ids {
				if d, ok := docs[id]; ok {
					list = append(list, d)
					l.PrimeDocuments(d)
				}
			}
			out[entityID] = list
		}
		return out, nil
	}
}
