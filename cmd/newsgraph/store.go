package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/neo4j"
)

// openGCPercent is the GOGC setting while the embedded store opens.
const openGCPercent = 400

// storeFlags select and configure the store. Every subcommand that touches
// the store embeds them, so all take the same flags and environment.
type storeFlags struct {
	Data          string `default:"./newsgraph-data" env:"NEWSGRAPH_DATA" placeholder:"DIR" help:"Data directory of the embedded store (used when no Neo4j URI is set; default ./newsgraph-data)."`
	Neo4jURI      string `name:"neo4j-uri" env:"NEO4J_URI,NEWSGRAPH_NEO4J_URI" placeholder:"URI" help:"Neo4j URI, such as neo4j://host:7687 (cluster routing) or bolt://host:7687. Selects the Neo4j store."`
	Neo4jUser     string `name:"neo4j-user" default:"neo4j" env:"NEO4J_USER,NEWSGRAPH_NEO4J_USER" help:"Neo4j user name."`
	Neo4jPassword string `name:"neo4j-password" env:"NEO4J_PASSWORD,NEWSGRAPH_NEO4J_PASSWORD" help:"Neo4j password (prefer the environment variable to the flag)."`
	Neo4jDatabase string `name:"neo4j-database" env:"NEO4J_DATABASE,NEWSGRAPH_NEO4J_DATABASE" help:"Neo4j database name; empty for the server's default database."`
}

// name names the configured store as metrics label it and as the
// db.system.name of its spans: "neo4j" or "embedded".
func (f storeFlags) name() string {
	if f.Neo4jURI != "" {
		return "neo4j"
	}
	return "embedded"
}

// open opens the configured store: Neo4j when a URI is set, the embedded
// store under Data otherwise.
func (f storeFlags) open(ctx context.Context, logger *slog.Logger) (newsgraph.Store, error) {
	if f.Neo4jURI != "" {
		logger.Info("opening Neo4j store", "uri", f.Neo4jURI, "user", f.Neo4jUser, "database", f.Neo4jDatabase)
		s, err := neo4j.Open(ctx, neo4j.Config{
			URI:      f.Neo4jURI,
			User:     f.Neo4jUser,
			Password: f.Neo4jPassword,
			Database: f.Neo4jDatabase,
			Logger:   logger,
		})
		if err != nil {
			return nil, fmt.Errorf("open Neo4j store at %s: %w", f.Neo4jURI, err)
		}
		return s, nil
	}
	logger.Info("opening embedded store", "dir", f.Data)
	if os.Getenv("GOGC") == "" {
		// Opening decodes and indexes the whole graph, allocating much and
		// keeping nearly all of it: collecting less often during it cuts
		// the time to ready. The previous setting comes back afterwards.
		defer debug.SetGCPercent(debug.SetGCPercent(openGCPercent))
	}
	s, err := embedded.Open(ctx, f.Data)
	if err != nil {
		return nil, fmt.Errorf("open embedded store in %s: %w", f.Data, err)
	}
	return s, nil
}
