// Command newsgraph runs the newsgraph knowledge-graph server and its tools.
//
//	newsgraph serve   run the GraphQL API (embedded store by default, Neo4j when NEO4J_URI is set)
//	newsgraph seed    load the curated seed graph into the configured store
//	newsgraph import  load documents, entities and relations from JSON Lines
//	newsgraph extract draft an import line from an article's raw text
//	newsgraph export  write the graph as JSON Lines (a backup), GraphML, GEXF, Cytoscape.js, graphology or CSV
//	newsgraph keys    create, list and revoke API keys
//	newsgraph gen     write a deterministic synthetic graph as JSON Lines
//
// Every setting is a flag with a NEWSGRAPH_* (or NEO4J_*) environment
// variable; run "newsgraph --help" or "newsgraph serve --help" for the list.
// This package only parses configuration and wires packages together.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// cli is the whole command line.
type cli struct {
	Log     logFlags         `embed:"" prefix:"log-" group:"Logging"`
	Version kong.VersionFlag `help:"Print the version and exit."`

	Serve   serveCmd   `cmd:"" help:"Run the GraphQL server. The embedded store under --data is used (and seeded when empty) unless NEO4J_URI is set."`
	Seed    seedCmd    `cmd:"" help:"Load the curated seed graph into the configured store. Loading is idempotent."`
	Keys    keysCmd    `cmd:"" help:"Create, list and revoke API keys."`
	Import  importCmd  `cmd:"" help:"Import documents with their entities and relations from JSON Lines (FILE or - for standard input)."`
	Extract extractCmd `cmd:"" help:"Draft an import line from an article's raw text (FILE or - for standard input): the entities and relations it names, matched against the graph, each with verbatim evidence. Writes nothing."`
	Export  exportCmd  `cmd:"" help:"Export the graph, or a neighbourhood, as JSON Lines that import reproduces it from, or as GraphML, GEXF, Cytoscape.js or graphology JSON, or CSV."`
	Gen     genCmd     `cmd:"" help:"Write a deterministic synthetic news graph as JSON Lines for \"newsgraph import\" (for benchmarks and load tests)."`
}

func main() {
	var c cli
	kctx := kong.Parse(&c,
		kong.Name("newsgraph"),
		kong.Description("newsgraph: a knowledge graph of who did what to whom in the news, served over GraphQL."),
		kong.UsageOnError(),
		kong.Vars{"version": version},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	logger, err := c.Log.logger(os.Stderr)
	kctx.FatalIfErrorf(err)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	kctx.BindTo(ctx, (*context.Context)(nil))
	if err := kctx.Run(logger); err != nil {
		logger.Error("newsgraph failed", "command", kctx.Command(), "err", err)
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		os.Exit(1)
	}
}
