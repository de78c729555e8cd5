package neo4j_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/neo4j"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  neo4j.Config
		ok   bool
	}{
		{"routing", neo4j.Config{URI: "neo4j://localhost:7687", User: "neo4j", Password: "secret"}, true},
		{"routing TLS", neo4j.Config{URI: "neo4j+s://example.databases.neo4j.io", User: "neo4j", Password: "secret"}, true},
		{"direct", neo4j.Config{URI: "bolt://localhost:7687"}, true},
		{"direct TLS", neo4j.Config{URI: "bolt+s://localhost:7687", User: "neo4j", Password: "x", Database: "news"}, true},
		{"empty", neo4j.Config{}, false},
		{"no scheme", neo4j.Config{URI: "localhost:7687"}, false},
		{"http", neo4j.Config{URI: "http://localhost:7474"}, false},
		{"password without user", neo4j.Config{URI: "neo4j://localhost", Password: "secret"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if got, want := err == nil, tt.ok; got != want {
				t.Fatalf("Validate() = %v, want ok=%v", err, want)
			}
			if err != nil {
				if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
					t.Errorf("code = %q, want %q", got, want)
				}
			}
		})
	}
}

func TestOpenRejectsInvalidConfig(t *testing.T) {
	_, err := neo4j.Open(context.Background(), neo4j.Config{URI: "http://localhost:7474"})
	if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
		t.Fatalf("Open(http URI) code = %q, want %q (err: %v)", got, want, err)
	}
}

func TestUnavailable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"connectivity", &driver.ConnectivityError{Inner: errors.New("connection refused")}, true},
		{"wrapped connectivity", fmt.Errorf("run: %w", &driver.ConnectivityError{Inner: errors.New("reset")}), true},
		{"retries exhausted", &driver.TransactionExecutionLimit{Cause: "timeout"}, true},
		// A caller's deadline is not the server's fault: callErr asks the
		// server whether it answers before calling the store unavailable.
		{"deadline", fmt.Errorf("run: %w", context.DeadlineExceeded), false},
		{"transient", &driver.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, true},
		{"not leader", &driver.Neo4jError{Code: "Neo.ClientError.Cluster.NotALeader"}, true},
		{"unauthorized", &driver.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}, true},
		{"transaction timeout", &driver.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, true},
		{"syntax", &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, false},
		{"other", errors.New("boom"), false},
	}
	for _, tt := range tests {
		if got := neo4j.Unavailable(tt.err); got != tt.want {
			t.Errorf("%s: unavailable(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
