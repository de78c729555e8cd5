package neo4j

import (
	"context"
	_ "embed" // The statement is embedded from queries/.

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

//go:embed queries/delete_all.cypher
var deleteAll string

// DeleteAll deletes every node and relationship in the store's database,
// newsgraph's or not. It is for tests and benchmarks, which need an empty
// database; the store itself never calls it. The schema stays.
func DeleteAll(ctx context.Context, s *Store) error {
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer closeSession(ctx, s, session)
	s.observeStatement(deleteAll, nil)
	res, err := session.Run(ctx, deleteAll, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.storeErr("deleteAll", err)
	}
	return nil
}
