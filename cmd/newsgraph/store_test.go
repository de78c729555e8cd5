package main_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// graphHome is where the newsgraph processes of a test keep their graph: a
// data directory (which also holds the API keys), and, when the tests run
// against Neo4j (NEO4J_URI set), the Neo4j database, passed to each process
// through its environment.
type graphHome struct {
	dir   string
	neo4j *neo4j.Config
}

// newGraphHome returns an empty home on the store under test: on Neo4j,
// the database is emptied.
func newGraphHome(t *testing.T) graphHome {
	t.Helper()
	h := graphHome{dir: t.TempDir()}
	if cfg, ok := teststore.Neo4jConfig(); ok {
		if err := teststore.OpenNeo4j(t, cfg).Close(); err != nil {
			t.Fatal(err)
		}
		h.neo4j = &cfg
	}
	return h
}

// newReferenceHome returns an empty home on the embedded store, for tests
// that need a second graph beside newGraphHome's.
func newReferenceHome(t *testing.T) graphHome {
	t.Helper()
	return graphHome{dir: t.TempDir()}
}

// env is the environment of the home's processes.
func (h graphHome) env() []string {
	env := cleanEnv()
	if h.neo4j != nil {
		env = append(env, "NEO4J_URI="+h.neo4j.URI, "NEO4J_USER="+h.neo4j.User,
			"NEO4J_PASSWORD="+h.neo4j.Password, "NEO4J_DATABASE="+h.neo4j.Database)
	}
	return env
}

// run runs the binary on the home's graph with args (and --data) and
// returns its standard output, standard error and exit code.
func (h graphHome) run(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	return runWith(t, h.env(), stdin, append(args, "--data", h.dir)...)
}

// open opens the home's graph, once the binary is done with it; the test
// closes it.
func (h graphHome) open(t *testing.T) newsgraph.Store {
	t.Helper()
	var s newsgraph.Store
	if h.neo4j != nil {
		n, err := neo4j.Open(context.Background(), *h.neo4j)
		if err != nil {
			t.Fatalf("open Neo4j: %v", err)
		}
		s = n
	} else {
		s = teststore.OpenEmbedded(t, h.dir)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// cleanEnv is the environment without store settings, so that a developer's
// NEO4J_URI or NEWSGRAPH_ settings reach a process only through a graphHome.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NEO4J_") || strings.HasPrefix(kv, "NEWSGRAPH_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
