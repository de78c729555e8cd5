package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/newsgraph/newsgraph"
)

// target answers request i of a query kind.
type target interface {
	name() string
	do(ctx context.Context, kind string, i int) error
}

// httpTarget is a GraphQL server over HTTP.
type httpTarget struct {
	label   string
	url     string
	queries map[string]string
	vars    func(kind string, i int) map[string]any
	client  *http.Client
}

func newHTTPTarget(label, url string, queries map[string]string, vars func(string, int) map[string]any) httpTarget {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	return httpTarget{label: label, url: url, queries: queries, vars: vars, client: &http.Client{Transport: transport}}
}

func (t httpTarget) name() string { return t.label }

// do posts the kind's document and requires an answer with data and no
// errors.
func (t httpTarget) do(ctx context.Context, kind string, i int) error {
	body, err := json.Marshal(map[string]any{"query": t.queries[kind], "variables": t.vars(kind, i)})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(raw, []byte(`"errors"`)) || !bytes.Contains(raw, []byte(`"data"`)) {
		return fmt.Errorf("status %d: %.300s", resp.StatusCode, raw)
	}
	return nil
}

// driverTarget makes the Neo4j store's calls that newsgraph's GraphQL
// layer makes for each kind, in-process: the same Cypher through the Go
// driver, without GraphQL or HTTP.
type driverTarget struct {
	store newsgraph.Store
	in    inputs
}

func (driverTarget) name() string { return "Go driver: newsgraph's Cypher, in-process" }

func (t driverTarget) do(ctx context.Context, kind string, i int) error {
	i %= inputCount
	switch kind {
	case kindEntity:
		id := t.in.entities[i]
		if _, err := t.store.EntitiesByID(ctx, []string{id}); err != nil {
			return err
		}
		return t.relationsWithEnds(ctx, newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{Involving: id}, First: newsgraph.MaxPageSize}, false)
	case kindRelationPage:
		q := newsgraph.RelationQuery{Filter: newsgraph.RelationFilter{From: t.in.speakers[i], Types: []string{pageType}}, First: 50}
		return t.relationsWithEnds(ctx, q, true)
	case kindSearch:
		_, err := t.store.Search(ctx, newsgraph.SearchQuery{Text: t.in.prefixes[i], Limit: 10})
		return err
	case kindNeighborhood:
		_, err := t.store.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{{ID: t.in.entities[i], Depth: 2, Limit: 200}})
		return err
	default:
		_, err := t.store.ShortestPath(ctx, newsgraph.PathQuery{From: t.in.pairs[i][0], To: t.in.pairs[i][1], MaxDepth: newsgraph.MaxPathDepth})
		return err
	}
}

// relationsWithEnds reads a relation page, then its ends and, when
// documents is set, its evidence documents, one batched call each, as the
// GraphQL layer's loaders do.
func (t driverTarget) relationsWithEnds(ctx context.Context, q newsgraph.RelationQuery, documents bool) error {
	pages, err := t.store.Relations(ctx, []newsgraph.RelationQuery{q})
	if err != nil {
		return err
	}
	var ends, docs []string
	for _, r := range pages[0].Items {
		ends = append(ends, r.From, r.To)
		for _, ev := range r.Evidence {
			docs = append(docs, ev.DocumentID)
		}
	}
	if _, err := t.store.EntitiesByID(ctx, ends); err != nil {
		return err
	}
	if documents && len(docs) > 0 {
		_, err = t.store.DocumentsByID(ctx, docs)
	}
	return err
}
