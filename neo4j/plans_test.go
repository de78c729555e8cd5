package neo4j_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/neo4j"
	"github.com/newsgraph/newsgraph/storebench"
)

var (
	plansOut  = flag.String("plans", "", "TestHotQueriesSeekTheirAnchors also writes the PROFILE plans of the hot queries, as Markdown, to this file")
	plansSize = flag.String("plans-size", "", "the storebench size (10k, 100k or 1m) of the graph the hot queries are profiled on; default: a 2,000-relation graph")
)

// scans are the operators that read every node, every node of a label or
// every relationship (of a type): a hot query must start from an index
// seek instead, except where the query itself is a scan (scanAllowed).
var scans = []string{
	"AllNodesScan", "NodeByLabelScan",
	"DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
	"DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
}

// scanAllowed are the statements that scan by design: a page of relations
// filtered by type only must look at every relation, since a dynamic
// relationship type (type(r) IN $types) cannot use the type lookup index
// and no index orders relationships by id (see BENCHMARKS.md).
var scanAllowed = map[string]bool{"relations_scan.cypher": true}

// captured records the statements a store ran with their parameters.
type captured struct {
	mu   sync.Mutex
	runs []capturedRun
}

type capturedRun struct {
	statement string
	params    map[string]any
}

func (c *captured) note(statement string, params map[string]any) {
	statementsRun.note(statement, params)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.runs = append(c.runs, capturedRun{statement, params})
}

// take returns the runs recorded since the last take.
func (c *captured) take() []capturedRun {
	c.mu.Lock()
	defer c.mu.Unlock()
	runs := c.runs
	c.runs = nil
	return runs
}

// statementNames maps each statement's text to its file name.
func statementNames(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("queries", "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, f := range files {
		names[readFile(t, f)] = filepath.Base(f)
	}
	return names
}

// hotOperation is a store call of the load test's workload whose
// statements are profiled.
type hotOperation struct {
	name string
	call func(ctx context.Context, s newsgraph.Store) error
}

// TestHotQueriesSeekTheirAnchors runs the store calls behind the API's hot
// requests on a generated graph, profiles every statement they ran with
// the parameters the store built (writes in a transaction rolled back),
// and fails when a plan scans nodes or relationships where the query names
// its anchor (an id, a document, a full-text query). With -plans FILE it
// also writes the plans as Markdown, for BENCHMARKS.md.
func TestHotQueriesSeekTheirAnchors(t *testing.T) {
	cfg := serverConfig(t, "profiling the hot queries on Neo4j")
	genCfg := gen.Config{Entities: 400, Relations: 2000, Seed: 1}
	if *plansSize != "" {
		size, err := storebench.NewSize(*plansSize)
		if err != nil {
			t.Fatal(err)
		}
		genCfg = size.Config
	}
	g, err := gen.Graph(genCfg)
	if err != nil {
		t.Fatal(err)
	}
	var c captured
	ctx := context.Background()
	store, err := neo4j.OpenObserved(ctx, cfg, c.note)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := neo4j.DeleteAll(ctx, store); err != nil {
		t.Fatal(err)
	}
	if err := storebench.Import(ctx, store, g); err != nil {
		t.Fatalf("import: %v", err)
	}
	c.take()

	hub := gen.Hubs(genCfg, 1)[0]
	pair := gen.RandomPairs(genCfg, 1, 3)[0]
	var hubType, hubName, document string
	for _, r := range g.Relations {
		if r.From == hub || r.To == hub {
			hubType, document = r.Type, r.Evidence[0].DocumentID
			break
		}
	}
	for _, e := range g.Entities {
		if e.ID == hub {
			hubName = e.Name
		}
	}
	prefix := strings.Fields(newsgraph.Fold(hubName))[0]
	prefix = prefix[:min(len(prefix), 4)]
	newDoc := &newsgraph.Document{ID: "doc:plans", Title: "Plans", Text: "The hub met the newcomer."}
	newcomer := &newsgraph.Entity{ID: "person:plans-newcomer", Kind: newsgraph.KindPerson, Name: "Plans Newcomer"}
	ops := []hotOperation{
		{"entity by id", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.EntitiesByID(ctx, []string{hub, pair[0]})
			return err
		}},
		{"search " + prefix, func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Search(ctx, newsgraph.SearchQuery{Text: prefix, Limit: 10})
			return err
		}},
		{"hub neighbourhood, depth 2", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: hub, Depth: 2, Limit: 200}})
			return err
		}},
		{"hub neighbourhood, depth 2, induced", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: hub, Depth: 2, Limit: 200, Induced: true}})
			return err
		}},
		{"degrees of the hub and a pair", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Degrees(ctx, []string{hub, pair[0], pair[1]})
			return err
		}},
		{"shortest path", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.ShortestPath(ctx, newsgraph.PathQuery{From: pair[0], To: pair[1], MaxDepth: newsgraph.MaxPathDepth})
			return err
		}},
		{"10 paths", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Paths(ctx, newsgraph.PathQuery{From: pair[0], To: pair[1], MaxDepth: 4, Limit: 10})
			return err
		}},
		{"relations of the hub, one type", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{Involving: hub, Types: []string{hubType}}, First: 50}})
			return err
		}},
		{"relations of one type", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{Types: []string{hubType}}, First: 50}})
			return err
		}},
		{"relations of one document", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Relations(ctx, []newsgraph.RelationQuery{{Filter: newsgraph.RelationFilter{DocumentID: document}, First: 50}})
			return err
		}},
		{"evidence documents", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.DocumentsByID(ctx, []string{document})
			return err
		}},
		{"documents mentioning the hub", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.DocumentIDsMentioning(ctx, []string{hub})
			return err
		}},
		{"an article's upsert", func(ctx context.Context, s newsgraph.Store) error {
			_, err := s.Upsert(ctx, newsgraph.Batch{
				Documents: []*newsgraph.Document{newDoc},
				Entities:  []*newsgraph.Entity{newcomer},
				Relations: []*newsgraph.Relation{{From: hub, Type: "MET_WITH", To: newcomer.ID,
					Evidence: []newsgraph.Evidence{{Quote: "The hub met the newcomer.", DocumentID: newDoc.ID}}}},
			})
			return err
		}},
	}

	names := statementNames(t)
	var md strings.Builder
	fmt.Fprintf(&md, "Profiled on a generated graph of %d entities and %d relations (`gen.Config%+v`), with the parameters the store built for each call; writes in a transaction that was rolled back.\n", len(g.Entities), len(g.Relations), genCfg)
	for _, op := range ops {
		if err := op.call(ctx, store); err != nil {
			t.Fatalf("%s: %v", op.name, err)
		}
		runs := c.take()
		if len(runs) == 0 {
			t.Fatalf("%s ran no statement", op.name)
		}
		fmt.Fprintf(&md, "\n### %s\n", op.name)
		seen := map[string]bool{}
		// The last run of each statement: a neighbourhood's deepest level.
		for i := len(runs) - 1; i >= 0; i-- {
			run := runs[i]
			name := names[run.statement]
			if name == "" {
				t.Fatalf("%s ran a statement that is not a file under queries/", op.name)
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			plan, err := neo4j.Profile(ctx, store, run.statement, run.params)
			if err != nil {
				t.Fatalf("%s: PROFILE %s: %v", op.name, name, err)
			}
			var rows []planRow
			flatten(plan, 0, &rows)
			for _, row := range rows {
				if slices.Contains(scans, row.operator) && !scanAllowed[name] {
					t.Errorf("%s: %s scans: %s %s (%d db hits)", op.name, name, row.operator, row.details, row.dbHits)
				}
			}
			writePlan(&md, name, rows)
		}
	}
	if *plansOut != "" {
		if err := os.WriteFile(*plansOut, []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// planRow is one operator of a profiled plan.
type planRow struct {
	depth        int
	operator     string
	details      string
	rows, dbHits int64
}

// flatten appends plan's operators, depth first, to rows.
func flatten(plan neo4jdriver.ProfiledPlan, depth int, rows *[]planRow) {
	details, _ := plan.Arguments()["Details"].(string)
	operator, _, _ := strings.Cut(plan.Operator(), "@")
	*rows = append(*rows, planRow{depth, operator, details, plan.Records(), plan.DbHits()})
	for _, child := range plan.Children() {
		flatten(child, depth+1, rows)
	}
}

// writePlan writes one plan as a Markdown table.
func writePlan(md *strings.Builder, name string, rows []planRow) {
	var total int64
	for _, r := range rows {
		total += r.dbHits
	}
	fmt.Fprintf(md, "\n`%s`: %d db hits in all\n\n| operator | details | rows | db hits |\n| --- | --- | ---: | ---: |\n", name, total)
	for _, r := range rows {
		details := strings.NewReplacer("|", "\\|", "\n", " ").Replace(r.details)
		if len(details) > 120 {
			details = details[:117] + "..."
		}
		fmt.Fprintf(md, "| %s%s | %s | %d | %d |\n", strings.Repeat("· ", r.depth), r.operator, details, r.rows, r.dbHits)
	}
}
