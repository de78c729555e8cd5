package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
)

// graphInfo is what the tool knows of the graph under test: the baseline
// adjacency arrays, the entities' names (for search prefixes) and the
// relations' starts and types (for filtered relation pages).
type graphInfo struct {
	g       *csr
	names   []string // by node number
	relFrom []int32
	relType []uint16
	types   []string
}

// collector builds a graphInfo from entities and relations seen in any order.
type collector struct {
	info      graphInfo
	typeIndex map[string]uint16
	edges     [][2]int32
	ids       []string
	index     map[string]int32
}

func newCollector() *collector {
	return &collector{typeIndex: map[string]uint16{}, index: map[string]int32{}}
}

func (c *collector) entity(e *newsgraph.Entity) {
	if _, ok := c.index[e.ID]; ok {
		return
	}
	c.index[e.ID] = int32(len(c.ids))
	c.ids = append(c.ids, e.ID)
	c.info.names = append(c.info.names, e.Name)
}

func (c *collector) relation(r *newsgraph.Relation) error {
	from, okFrom := c.index[r.From]
	to, okTo := c.index[r.To]
	if !okFrom || !okTo {
		return fmt.Errorf("relation %s refers to an entity the graph lacks", r.ID)
	}
	t, ok := c.typeIndex[r.Type]
	if !ok {
		t = uint16(len(c.info.types))
		c.typeIndex[r.Type] = t
		c.info.types = append(c.info.types, r.Type)
	}
	c.edges = append(c.edges, [2]int32{from, to})
	c.info.relFrom = append(c.info.relFrom, from)
	c.info.relType = append(c.info.relType, t)
	return nil
}

func (c *collector) done() *graphInfo {
	c.info.g = newCSR(c.ids, c.edges)
	c.edges = nil
	return &c.info
}

// relationChunk is the number of relations one Upsert carries when the tool
// loads a generated graph.
const relationChunk = 100_000

// generate builds the synthetic graph cfg describes with package gen and
// writes it to w: documents and entities first, then the relations in
// chunks, so that no single transaction holds the whole graph.
func generate(ctx context.Context, cfg gen.Config, w newsgraph.Writer, logger *slog.Logger) (*graphInfo, error) {
	start := time.Now()
	b, err := gen.Graph(cfg)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	logger.Info("generated", "entities", len(b.Entities), "relations", len(b.Relations), "documents", len(b.Documents), "took", time.Since(start).Round(time.Millisecond))

	c := newCollector()
	for _, e := range b.Entities {
		c.entity(e)
	}
	for _, r := range b.Relations {
		if err := c.relation(r); err != nil {
			return nil, err
		}
	}
	info := c.done()

	start = time.Now()
	if _, err := w.Upsert(ctx, newsgraph.Batch{Documents: b.Documents, Entities: b.Entities}); err != nil {
		return nil, fmt.Errorf("load documents and entities: %w", err)
	}
	for i := 0; i < len(b.Relations); i += relationChunk {
		end := min(i+relationChunk, len(b.Relations))
		if _, err := w.Upsert(ctx, newsgraph.Batch{Relations: b.Relations[i:end]}); err != nil {
			return nil, fmt.Errorf("load relations %d to %d: %w", i, end, err)
		}
	}
	took := time.Since(start)
	logger.Info("loaded into the store", "relations", len(b.Relations), "took", took.Round(time.Millisecond),
		"relations_per_s", int(float64(len(b.Relations))/took.Seconds()))
	return info, nil
}

// readGraph reads the whole graph back from a store, a page at a time.
func readGraph(ctx context.Context, s newsgraph.Store, logger *slog.Logger) (*graphInfo, error) {
	start := time.Now()
	c := newCollector()
	after := ""
	for {
		page, err := s.Entities(ctx, newsgraph.EntityQuery{First: newsgraph.MaxPageSize, After: after})
		if err != nil {
			return nil, fmt.Errorf("read entities: %w", err)
		}
		for _, e := range page.Items {
			c.entity(e)
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
		after = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
	after = ""
	for {
		pages, err := s.Relations(ctx, []newsgraph.RelationQuery{{First: newsgraph.MaxPageSize, After: after}})
		if err != nil {
			return nil, fmt.Errorf("read relations: %w", err)
		}
		page := pages[0]
		for _, r := range page.Items {
			if err := c.relation(r); err != nil {
				return nil, err
			}
		}
		if !page.HasNextPage || len(page.Items) == 0 {
			break
		}
		after = newsgraph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
	info := c.done()
	logger.Info("read the graph from the store", "entities", len(info.names), "relations", len(info.relFrom), "took", time.Since(start).Round(time.Millisecond))
	return info, nil
}
