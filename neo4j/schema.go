package neo4j

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// indexWait bounds how long Open waits for new indexes to come online.
const indexWait = 300 * time.Second

// ensureSchema creates the constraints and indexes the store needs, each
// with IF NOT EXISTS so that it is a no-op on a database that has them, and
// waits for them to be online. Schema statements cannot share a transaction
// with other statements, so each runs in its own.
func (s *Store) ensureSchema(ctx context.Context) error {
	for _, stmt := range []string{
		schemaEntityIDUnique,
		schemaDocumentIDUnique,
		schemaEntityKindIndex,
		schemaEntitySearchFulltext,
		schemaEntityPlaceIDIndex,
		schemaEntityClaimantIDIndex,
		schemaRedirectIDUnique,
		schemaRedirectIntoIndex,
		schemaMergeIntoIndex,
	} {
		if err := s.runSchema(ctx, stmt, nil); err != nil {
			return s.storeErr("open: create schema", err)
		}
	}
	if err := s.runSchema(ctx, awaitIndexes, map[string]any{"timeoutSeconds": int64(indexWait / time.Second)}); err != nil {
		return s.storeErr("open: wait for indexes", err)
	}
	return nil
}

// runSchema runs a schema statement in a transaction of its own on a
// writer.
func (s *Store) runSchema(ctx context.Context, stmt string, params map[string]any) error {
	s.observeStatement(stmt, params)
	_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting())
	return err
}

// observeStatement reports stmt to the store's observer, if any, for the
// statements run outside a managed transaction.
func (s *Store) observeStatement(stmt string, params map[string]any) {
	if s.observe != nil {
		s.observe(stmt, params)
	}
}
