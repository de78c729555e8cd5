// Command newsgraph-load measures the newsgraph API the way a visualisation
// frontend uses it. It generates a synthetic graph with package gen (or
// opens an existing embedded store), times the direct store calls and an
// in-memory adjacency-array baseline, starts the real server on loopback
// (in-process, or the newsgraph binary), drives a mixed read workload of
// GraphQL queries and, for expanding nodes, GET /v1/subgraph requests at
// increasing concurrency, and prints throughput and
// p50/p95/p99 latency per query kind, ratios to the store call and to the
// baseline, and the targets, optionally as a Markdown file.
//
//	go run ./cmd/newsgraph-load --relations 1000000
//	go run ./cmd/newsgraph-load --relations 1000000 --server-binary ./newsgraph --markdown load.md
//
// It exits with status 1 when any request failed or a stage errored.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/alecthomas/kong"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// cli is the command line.
type cli struct {
	Relations    int           `default:"1000000" help:"Relations of the generated graph."`
	Entities     int           `help:"Entities of the generated graph; 0 means one per 10 relations (at least gen.MinEntities)."`
	Seed         int64         `default:"1" help:"Seed of the generated graph and of the workload."`
	Data         string        `placeholder:"DIR" help:"Use the embedded store in DIR instead of generating a graph."`
	Neo4j        bool          `name:"neo4j" help:"Generate the graph into the Neo4j database that NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD name (emptied first: use a scratch database) and serve it from there, instead of an embedded store."`
	Keep         bool          `help:"Keep the generated store's directory (printed) instead of removing it."`
	ServerBinary string        `placeholder:"PATH" help:"Run PATH serve (the newsgraph binary) as the server instead of serving in-process."`
	Concurrency  []int         `default:"1,2,4,8,16,32" help:"Concurrency levels of the mixed workload."`
	Duration     time.Duration `default:"5s" help:"Time spent at each concurrency level at most."`
	Requests     int64         `default:"50000" help:"Requests sent at each concurrency level at most."`
	Warmup       time.Duration `default:"2s" help:"Time spent warming the server up before measuring."`
	Inputs       int           `default:"1000" help:"Prepared inputs (ids, prefixes, pairs) of each query kind."`
	Calls        int           `default:"2000" help:"Direct store calls and baseline walks timed per query kind at most."`
	CallDuration time.Duration `default:"3s" help:"Time spent timing direct calls (and again baseline walks) per query kind at most."`
	Markdown     string        `placeholder:"FILE" help:"Also write the report as Markdown to FILE."`
	ServerLog    string        `placeholder:"FILE" help:"Write the server's logs to FILE; default: a file in the temporary directory."`
	CPUProfile   string        `placeholder:"FILE" help:"Write a CPU profile of this process while the workload runs (the server's too when in-process) to FILE."`
}

func main() {
	var c cli
	kong.Parse(&c, kong.Name("newsgraph-load"), kong.Description("Load-test the newsgraph API (GraphQL and /v1/subgraph) on a generated graph."), kong.UsageOnError())
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	failed, err := c.run(ctx, logger)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph-load:", err)
		os.Exit(1)
	}
	if failed {
		fmt.Fprintln(os.Stderr, "newsgraph-load: some requests failed; see the errors column and the server log")
		os.Exit(1)
	}
}

// run does the whole measurement; failed reports requests that failed.
func (c *cli) run(ctx context.Context, logger *slog.Logger) (failed bool, err error) {
	dir := c.Data
	if dir == "" {
		if dir, err = os.MkdirTemp("", "newsgraph-load-"); err != nil {
			return false, err
		}
		if c.Keep {
			logger.Info("the generated store stays", "dir", dir)
		} else {
			defer os.RemoveAll(dir)
		}
	}
	store, err := c.openStore(ctx, dir)
	if err != nil {
		return false, err
	}
	storeOpen := true
	defer func() {
		if storeOpen {
			store.Close()
		}
	}()

	info, err := c.graph(ctx, store, logger)
	if err != nil {
		return false, err
	}
	w := newWorkload(info, store, uint64(c.Seed))
	kinds := w.kinds(c.Inputs)
	logger.Info("timing direct store calls and the baseline", "kinds", len(kinds))
	calls, err := timeCalls(ctx, kinds, c.Calls, c.CallDuration)
	if err != nil {
		return false, err
	}

	logPath := c.ServerLog
	if logPath == "" {
		logPath = filepath.Join(os.TempDir(), fmt.Sprintf("newsgraph-load-server-%d.log", os.Getpid()))
	}
	logs, err := os.Create(logPath)
	if err != nil {
		return false, err
	}
	defer func() {
		logs.Close()
		// A log of a clean run in the temporary directory is not kept.
		if c.ServerLog == "" && !failed && err == nil {
			os.Remove(logPath)
		}
	}()

	rep := &report{relations: len(info.relFrom), entities: len(info.names), kinds: kinds, calls: calls, store: c.storeName()}
	var srv *runningServer
	if c.ServerBinary != "" {
		// The server opens the store itself: bbolt allows one process, and
		// the memory goes back for the server's own copy.
		storeOpen = false
		if err := store.Close(); err != nil {
			return false, err
		}
		// Hand the store's memory back before the server loads its own:
		// the direct calls were the last references to it.
		for _, k := range kinds {
			k.direct = nil
		}
		w.store, store = nil, nil
		debug.FreeOSMemory()
		rep.serverMode = "newsgraph serve (" + c.ServerBinary + ")"
		rep.restart = true
		srv, err = serveBinary(ctx, c.ServerBinary, c.storeArgs(dir), logs)
	} else {
		rep.serverMode = "in-process server.Handler on loopback"
		srv, err = serveInProcess(ctx, store, logs)
	}
	if err != nil {
		return false, err
	}
	rep.ready = srv.ready
	logger.Info("server ready", "url", srv.url, "took", srv.ready.Round(time.Millisecond), "log", logPath)

	m := newMix(kinds)
	maxC := 1
	for _, n := range c.Concurrency {
		maxC = max(maxC, n)
	}
	d := newDriver(srv.url, m, uint64(c.Seed), maxC)
	if c.Warmup > 0 {
		d.run(ctx, min(4, maxC), 1<<62, c.Warmup)
	}
	if c.CPUProfile != "" {
		stopProfile, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return false, err
		}
		defer stopProfile()
	}
	for _, n := range c.Concurrency {
		if n < 1 {
			continue
		}
		l := d.run(ctx, n, c.Requests, c.Duration)
		all := l.all()
		logger.Info("level done", "concurrency", n, "requests", l.requests(), "req_per_s", int(l.throughput()),
			"errors", l.errorCount(), "p50_ms", ms(p(all, 50)), "p99_ms", ms(p(all, 99)))
		if l.firstError != "" {
			logger.Error("requests failed", "concurrency", n, "first", l.firstError)
		}
		rep.levels = append(rep.levels, l)
		if ctx.Err() != nil {
			break
		}
	}
	if err := srv.stop(); err != nil {
		logger.Warn("stopping the server", "err", err)
	}
	if len(rep.levels) == 0 {
		return false, fmt.Errorf("no concurrency level ran: %w", ctx.Err())
	}

	rep.write(os.Stdout)
	if c.Markdown != "" {
		f, err := os.Create(c.Markdown)
		if err != nil {
			return false, err
		}
		rep.write(f)
		if err := f.Close(); err != nil {
			return false, err
		}
	}
	for _, l := range rep.levels {
		if l.errorCount() > 0 {
			return true, nil
		}
	}
	return false, ctx.Err()
}

// startCPUProfile starts profiling the CPU to path; the returned function
// stops it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// graph generates the graph into store, or reads the one it holds when
// --data was given.
func (c *cli) graph(ctx context.Context, store newsgraph.Store, logger *slog.Logger) (*graphInfo, error) {
	if c.Data != "" {
		return readGraph(ctx, store, logger)
	}
	entities := c.Entities
	if entities == 0 {
		entities = max(gen.MinEntities, c.Relations/10)
	}
	cfg := gen.Config{Entities: entities, Relations: c.Relations, Seed: c.Seed}
	logger.Info("generating", "entities", entities, "relations", c.Relations, "seed", c.Seed)
	return generate(ctx, cfg, store, logger)
}
