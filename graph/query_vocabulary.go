package graph

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/generated"
)

// RelationVocabulary resolves Query.relationVocabulary from the domain's
// published vocabulary; it reads no store.
func (r *queryResolver) RelationVocabulary(ctx context.Context) ([]*newsgraph.RelationType, error) {
	vocab := newsgraph.Vocabulary()
	out := make([]*newsgraph.RelationType, len(vocab))
	for i := range vocab {
		out[i] = &vocab[i]
	}
	return out, nil
}

// RelationTypeInfo returns the resolver of RelationTypeInfo's fields that
// are not plain fields.
func (r *resolver) RelationTypeInfo() generated.RelationTypeInfoResolver {
	return &relationTypeInfoResolver{r}
}

type relationTypeInfoResolver struct{ *resolver }

// Inverse resolves RelationTypeInfo.inverse: null when the type has none.
func (r *relationTypeInfoResolver) Inverse(ctx context.Context, t *newsgraph.RelationType) (*string, error) {
	if t.Inverse == "" {
		return nil, nil
	}
	return &t.Inverse, nil
}
