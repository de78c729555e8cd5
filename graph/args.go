package graph

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/loaders"
)

// Argument helpers: gqlgen passes optional arguments as pointers, nil when a
// client sends an explicit null; these apply the schema's defaults then.

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func stringOr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func verdictOr(p *newsgraph.Verdict) newsgraph.Verdict {
	if p == nil {
		return ""
	}
	return *p
}

func directionOr(p *newsgraph.Direction) newsgraph.Direction {
	if p == nil {
		return newsgraph.Both
	}
	return p.OrBoth()
}

func relationFilter(f *model.RelationFilter) newsgraph.RelationFilter {
	if f == nil {
		return newsgraph.RelationFilter{}
	}
	return newsgraph.RelationFilter{
		Types:      f.Types,
		From:       stringOr(f.From),
		To:         stringOr(f.To),
		Involving:  stringOr(f.Involving),
		DocumentID: stringOr(f.DocumentID),
	}
}

// pageInfo describes a page whose last item has the given id ("" for an
// empty page).
func pageInfo(hasNextPage bool, lastID string) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: hasNextPage}
	if lastID != "" {
		c := newsgraph.EncodeCursor(lastID)
		info.EndCursor = &c
	}
	return info
}

// relationConnection is the connection of a page of relations of level l.
func relationConnection(p newsgraph.Page[*newsgraph.Relation], l *loaders.Level) *model.RelationConnection {
	conn := &model.RelationConnection{Edges: make([]*model.RelationEdge, len(p.Items)), TotalCount: p.TotalCount}
	last := ""
	for i, rel := range p.Items {
		conn.Edges[i] = &model.RelationEdge{Cursor: newsgraph.EncodeCursor(rel.ID), Node: &model.Relation{Relation: rel, L: l}}
		last = rel.ID
	}
	conn.PageInfo = pageInfo(p.HasNextPage, last)
	return conn
}

// entityConnection is the connection of a page of entities of level l.
func entityConnection(p newsgraph.Page[*newsgraph.Entity], l *loaders.Level) *model.EntityConnection {
	conn := &model.EntityConnection{Edges: make([]*model.EntityEdge, len(p.Items)), TotalCount: p.TotalCount}
	last := ""
	for i, e := range p.Items {
		conn.Edges[i] = &model.EntityEdge{Cursor: newsgraph.EncodeCursor(e.ID), Node: model.Wrap(e, l)}
		last = e.ID
	}
	conn.PageInfo = pageInfo(p.HasNextPage, last)
	return conn
}

// documentConnection is the connection of a page of documents of level l.
func documentConnection(p newsgraph.Page[*newsgraph.Document], l *loaders.Level) *model.DocumentConnection {
	conn := &model.DocumentConnection{Edges: make([]*model.DocumentEdge, len(p.Items)), TotalCount: p.TotalCount}
	last := ""
	for i, d := range p.Items {
		conn.Edges[i] = &model.DocumentEdge{Cursor: newsgraph.EncodeCursor(d.ID), Node: &model.Document{Document: d, L: l}}
		last = d.ID
	}
	conn.PageInfo = pageInfo(p.HasNextPage, last)
	return conn
}
