package neo4j_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// statementsRun records the text of every statement the package's tests
// ran on the server.
var statementsRun = statementRecord{ran: map[string]bool{}}

type statementRecord struct {
	mu  sync.Mutex
	ran map[string]bool
}

func (r *statementRecord) note(statement string, _ map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ran[statement] = true
}

// notRun returns the names of the files under queries/ whose statement
// never ran.
func (r *statementRecord) notRun() ([]string, error) {
	names, err := filepath.Glob(filepath.Join("queries", "*.cypher"))
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var missing []string
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if !r.ran[string(text)] {
			missing = append(missing, filepath.Base(name))
		}
	}
	slices.Sort(missing)
	return missing, nil
}

// TestMain runs the tests and then, on a whole run against a server (no
// -run filter, NEO4J_URI set), fails unless every statement under queries/
// ran at least once.
func TestMain(m *testing.M) {
	code := m.Run()
	if code != 0 || os.Getenv("NEO4J_URI") == "" || flag.Lookup("test.run").Value.String() != "" {
		os.Exit(code)
	}
	missing, err := statementsRun.notRun()
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "FAIL: checking which statements ran: %v\n", err)
		code = 1
	case len(missing) > 0:
		fmt.Fprintf(os.Stderr, "FAIL: %d statements under queries/ never ran against Neo4j: %s\n",
			len(missing), strings.Join(missing, ", "))
		code = 1
	default:
		fmt.Printf("every statement under queries/ ran against Neo4j (%d distinct)\n", len(statementsRun.ran))
	}
	os.Exit(code)
}
