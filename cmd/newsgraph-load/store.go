package main

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/neo4j"
)

// neo4jConfig is the Neo4j server the environment names.
func neo4jConfig() neo4j.Config {
	return neo4j.Config{
		URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// openStore opens the store under test: with --neo4j the Neo4j database of
// the environment, emptied first; otherwise the embedded store in dir.
func (c *cli) openStore(ctx context.Context, dir string) (newsgraph.Store, error) {
	if !c.Neo4j {
		s, err := embedded.Open(ctx, dir)
		if err != nil {
			return nil, fmt.Errorf("open the embedded store in %s: %w", dir, err)
		}
		return s, nil
	}
	if c.Data != "" {
		return nil, fmt.Errorf("--neo4j generates its graph: it does not take --data")
	}
	s, err := neo4j.Open(ctx, neo4jConfig())
	if err != nil {
		return nil, fmt.Errorf("open Neo4j (NEO4J_URI=%q): %w", os.Getenv("NEO4J_URI"), err)
	}
	if err := neo4j.DeleteAll(ctx, s); err != nil {
		s.Close()
		return nil, fmt.Errorf("empty the Neo4j database: %w", err)
	}
	return s, nil
}

// storeName names the store under test in the report.
func (c *cli) storeName() string {
	if c.Neo4j {
		return "Neo4j at " + os.Getenv("NEO4J_URI")
	}
	return "the embedded store"
}

// storeArgs returns the flags and environment of a "newsgraph serve" over
// the store under test: the embedded store in dir, or the Neo4j database
// of the environment.
func (c *cli) storeArgs(dir string) serveStore {
	if c.Neo4j {
		cfg := neo4jConfig()
		return serveStore{args: []string{"--data", dir}, env: []string{
			"NEO4J_URI=" + cfg.URI, "NEO4J_USER=" + cfg.User, "NEO4J_PASSWORD=" + cfg.Password, "NEO4J_DATABASE=" + cfg.Database,
		}}
	}
	return serveStore{args: []string{"--data", dir}, env: []string{"NEO4J_URI=", "NEWSGRAPH_NEO4J_URI="}}
}

// serveStore is how "newsgraph serve" is pointed at the store under test.
type serveStore struct {
	args, env []string
}
