package export

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// neighborhood is a subgraph read whole, with its derived attributes.
type neighborhood struct {
	nodes []*Node
	edges []*Edge
}

// openNeighborhood walks the neighbourhood and derives its attributes in a
// bounded number of batched calls: degrees from the store's indexes
// (Store.Degrees), disputes as count-only relation queries, first-seen days
// from the documents mentioning each node.
func openNeighborhood(ctx context.Context, store Reader, q Query) (*neighborhood, error) {
	sgs, err := store.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{q.neighborhood()})
	if err != nil {
		return nil, err
	}
	sg := sgs[0]
	ids := make([]string, len(sg.Nodes))
	for i, e := range sg.Nodes {
		ids[i] = e.ID
	}
	degrees, err := store.Degrees(ctx, ids)
	if err != nil {
		return nil, err
	}
	contradicted, err := newsgraph.Contradicted(ctx, store, sg.Edges)
	if err != nil {
		return nil, err
	}
	mentioning, err := store.DocumentIDsMentioning(ctx, ids)
	if err != nil {
		return nil, err
	}
	var docIDs []string
	for _, list := range mentioning {
		docIDs = append(docIDs, list...)
	}
	days, err := publicationDays(ctx, store, docIDs)
	if err != nil {
		return nil, err
	}
	g := &neighborhood{}
	for _, e := range sg.Nodes {
		first, _ := reportedRange(days, mentioning[e.ID])
		g.nodes = append(g.nodes, &Node{Entity: e, Degree: degrees[e.ID], FirstSeen: first})
	}
	for _, r := range sg.Edges {
		e := &Edge{Relation: r, Disputed: newsgraph.DisputedBy(r, contradicted)}
		e.FirstReported, e.LastReported = reportedRange(days, r.DocumentIDs())
		g.edges = append(g.edges, e)
	}
	return g, nil
}

// Nodes yields the nodes in walk order, the root first.
func (g *neighborhood) Nodes(ctx context.Context, yield func(*Node) error) error {
	for _, n := range g.nodes {
		if err := yield(n); err != nil {
			return err
		}
	}
	return nil
}

// Edges yields the edges in the order the walk took them.
func (g *neighborhood) Edges(ctx context.Context, yield func(*Edge) error) error {
	for _, e := range g.edges {
		if err := yield(e); err != nil {
			return err
		}
	}
	return nil
}

// publicationDays returns the publication day of each document of ids
// that exists, read in batches of newsgraph.MaxPageSize ids.
func publicationDays(ctx context.Context, store Reader, ids []string) (map[string]newsgraph.Date, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	days := make(map[string]newsgraph.Date, len(ids))
	for chunk := range slices.Chunk(ids, newsgraph.MaxPageSize) {
		docs, err := store.DocumentsByID(ctx, chunk)
		if err != nil {
			return nil, err
		}
		for id, d := range docs {
			days[id] = d.PublishedAt
		}
	}
	return days, nil
}
