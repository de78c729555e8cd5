package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storebench"
)

// run loads the graph into both stores, starts the three servers, measures
// every target on every query kind and writes the report.
func (c *cli) run(ctx context.Context, logger *slog.Logger) error {
	work, err := os.MkdirTemp("", "newsgraph-compare-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	logDir := c.Logs
	if logDir == "" {
		logDir = work
	}

	cfg := gen.Config{Entities: max(gen.MinEntities, c.Relations/10), Relations: c.Relations, Seed: c.Seed}
	g, err := gen.Graph(cfg)
	if err != nil {
		return err
	}
	store, err := neo4j.Open(ctx, neo4jConfig())
	if err != nil {
		return fmt.Errorf("open Neo4j (NEO4J_URI=%q): %w", os.Getenv("NEO4J_URI"), err)
	}
	defer store.Close()
	if err := neo4j.DeleteAll(ctx, store); err != nil {
		return fmt.Errorf("empty Neo4j: %w", err)
	}
	start := time.Now()
	if err := storebench.Import(ctx, store, g); err != nil {
		return fmt.Errorf("import into Neo4j: %w", err)
	}
	logger.Info("imported into Neo4j", "relations", len(g.Relations), "took", time.Since(start).Round(time.Millisecond))
	dataDir := filepath.Join(work, "embedded")
	if err := importEmbedded(ctx, dataDir, g); err != nil {
		return err
	}

	in := pickInputs(cfg, g, c.Seed)
	var servers []*process
	defer func() {
		for _, p := range servers {
			p.stop()
		}
	}()
	onNeo4j, err := startNewsgraph(ctx, c.ServerBinary, dataDir+"-keys", neo4jEnv(), filepath.Join(logDir, "newsgraph-neo4j.log"))
	if err != nil {
		return err
	}
	servers = append(servers, onNeo4j)
	onEmbedded, err := startNewsgraph(ctx, c.ServerBinary, dataDir, []string{"NEO4J_URI="}, filepath.Join(logDir, "newsgraph-embedded.log"))
	if err != nil {
		return err
	}
	servers = append(servers, onEmbedded)
	peer, err := startPeer(ctx, c.Node, c.PeerDir, filepath.Join(logDir, "peer.log"))
	if err != nil {
		return err
	}
	servers = append(servers, peer)
	entityQuery := filepath.Join(work, "entity.graphql")
	if err := writeEntityQuery(ctx, c.Node, c.PeerDir, entityQuery); err != nil {
		return err
	}
	peerQueries, err := readPeerQueries(c.PeerDir, map[string]string{kindEntity: entityQuery})
	if err != nil {
		return err
	}

	targets := []target{
		newHTTPTarget("newsgraph on Neo4j", onNeo4j.url+"/graphql", newsgraphQueries, newsgraphVars(in)),
		newHTTPTarget("newsgraph on the embedded store", onEmbedded.url+"/graphql", newsgraphQueries, newsgraphVars(in)),
		newHTTPTarget("@neo4j/graphql on Neo4j", peer.url+"/graphql", peerQueries, peerVars(in)),
		driverTarget{store: store, in: in},
	}
	rep := report{graph: fmt.Sprintf("%d entities, %d relations, %d documents (gen.Config%+v)", len(g.Entities), len(g.Relations), len(g.Documents), cfg)}
	for _, kind := range kinds {
		for _, t := range targets {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := measure(ctx, t, kind, c.Warmup, c.Requests, c.Concurrency, c.Duration)
			logger.Info("measured", "query", kind, "target", t.name(), "p50_ms", ms(r.p50), "best_req_per_s", int(r.best), "at", r.bestAt, "errors", r.errors)
			if r.firstError != nil {
				logger.Error("requests failed", "query", kind, "target", t.name(), "first", r.firstError)
			}
			rep.results = append(rep.results, r)
		}
	}
	rep.write(os.Stdout)
	if c.Markdown != "" {
		f, err := os.Create(c.Markdown)
		if err != nil {
			return err
		}
		rep.write(f)
		if err := f.Close(); err != nil {
			return err
		}
	}
	for _, r := range rep.results {
		if r.errors > 0 {
			return fmt.Errorf("%d requests of %s to %s failed: %v", r.errors, r.kind, r.target, r.firstError)
		}
	}
	return nil
}

// importEmbedded imports g into a new embedded store in dir.
func importEmbedded(ctx context.Context, dir string, g *newsgraph.Batch) error {
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		return err
	}
	if err := storebench.Import(ctx, s, g); err != nil {
		s.Close()
		return fmt.Errorf("import into the embedded store: %w", err)
	}
	return s.Close()
}

// neo4jConfig is the Neo4j server the environment names.
func neo4jConfig() neo4j.Config {
	return neo4j.Config{
		URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE"),
		Logger: slog.New(slog.DiscardHandler),
	}
}

// neo4jEnv passes the Neo4j settings to a server process.
func neo4jEnv() []string {
	cfg := neo4jConfig()
	return []string{"NEO4J_URI=" + cfg.URI, "NEO4J_USER=" + cfg.User, "NEO4J_PASSWORD=" + cfg.Password, "NEO4J_DATABASE=" + cfg.Database}
}
