// Command newsgraph-compare measures newsgraph beside its peer, the Neo4j
// GraphQL Library (@neo4j/graphql, bench/peer), on one generated graph in
// one Neo4j database and with the same queries: newsgraph serve on Neo4j,
// newsgraph serve on the embedded store, the peer on the same Neo4j, and
// the same Cypher newsgraph sends, through the Go driver in-process (the
// Neo4j store's calls, without GraphQL or HTTP). For each query kind it
// reports the median latency at concurrency 1 and the best throughput over
// the concurrency levels, with ratios to newsgraph on Neo4j.
//
//	eval "$(neo4j/server/neo4j-local start /tmp/neo4j)"
//	(cd bench/peer && npm ci)
//	go build -o newsgraph ./cmd/newsgraph
//	go run ./cmd/newsgraph-compare --server-binary ./newsgraph --relations 100000
//
// It empties the Neo4j database the NEO4J_* variables name: use a scratch
// one. It exits with status 1 when a request failed or a stage errored.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alecthomas/kong"
)

// cli is the command line.
type cli struct {
	Relations    int           `default:"100000" help:"Relations of the generated graph."`
	Seed         int64         `default:"1" help:"Seed of the generated graph and of the inputs."`
	ServerBinary string        `required:"" placeholder:"PATH" help:"The newsgraph binary, run as newsgraph serve on each store."`
	PeerDir      string        `default:"bench/peer" placeholder:"DIR" help:"The peer's directory (its node_modules installed with npm ci)."`
	Node         string        `default:"node" help:"The Node.js binary that runs the peer."`
	Concurrency  []int         `default:"1,2,4,8,16" help:"Concurrency levels of the throughput runs."`
	Duration     time.Duration `default:"3s" help:"Time of each throughput run."`
	Requests     int           `default:"200" help:"Requests of the latency run at concurrency 1, per target and query kind."`
	Warmup       int           `default:"50" help:"Requests sent before measuring, per target and query kind."`
	Markdown     string        `placeholder:"FILE" help:"Also write the report as Markdown to FILE."`
	Logs         string        `placeholder:"DIR" help:"Keep the servers' logs in DIR (default: a temporary directory, removed)."`
}

func main() {
	var c cli
	kong.Parse(&c, kong.Name("newsgraph-compare"),
		kong.Description("Measure newsgraph on Neo4j and on the embedded store beside @neo4j/graphql and the Go driver, on one generated graph."),
		kong.UsageOnError())
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := c.run(ctx, logger)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph-compare:", err)
		os.Exit(1)
	}
}
