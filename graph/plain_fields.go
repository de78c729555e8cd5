package graph

import (
	"math"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph/model"
)

// The plain fields of each object type: the fields whose value is read from
// the resolved Go value alone, written as gqlgen writes them (see plain.go).
// A field missing here (documents, relations, from, to, status, ...) makes
// a selection that asks for it go through gqlgen's executor.
var (
	subgraphFields = map[string]plainField[*model.Subgraph]{
		"nodes":     entityListField(func(s *model.Subgraph) []model.Entity { return s.Nodes }),
		"edges":     relationListField(func(s *model.Subgraph) []*newsgraph.Relation { return s.Edges }),
		"truncated": leaf(func(b []byte, s *model.Subgraph) []byte { return strconv.AppendBool(b, s.Truncated) }),
	}
	pathFields = map[string]plainField[*model.Path]{
		"length": leaf(func(b []byte, p *model.Path) []byte { return strconv.AppendInt(b, int64(p.Length), 10) }),
		"nodes":  entityListField(func(p *model.Path) []model.Entity { return p.Nodes }),
		"edges":  relationListField(func(p *model.Path) []*newsgraph.Relation { return p.Edges }),
	}
	searchHitFields = map[string]plainField[*model.SearchHit]{
		"entity": entityField(func(h *model.SearchHit) model.Entity { return h.Entity }),
		"score":  leaf(func(b []byte, h *model.SearchHit) []byte { return appendFloat(b, h.Score) }),
	}
	relationFields = map[string]plainField[*newsgraph.Relation]{
		"id":         leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendID(b, r.ID) }),
		"type":       leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendID(b, r.Type) }),
		"fromId":     leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendID(b, r.From) }),
		"toId":       leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendID(b, r.To) }),
		"validFrom":  leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendDate(b, r.ValidFrom) }),
		"validTo":    leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendDate(b, r.ValidTo) }),
		"confidence": leaf(func(b []byte, r *newsgraph.Relation) []byte { return appendFloat(b, r.Confidence) }),
		"evidence":   evidenceListField,
		"from":       endField(func(r *newsgraph.Relation) string { return r.From }),
		"to":         endField(func(r *newsgraph.Relation) string { return r.To }),
	}
	evidenceFields = map[string]plainField[newsgraph.Evidence]{
		"quote":    leaf(func(b []byte, e newsgraph.Evidence) []byte { return appendQuoted(b, e.Quote) }),
		"document": documentField,
	}
	documentFields = map[string]plainField[*newsgraph.Document]{
		"id":          leaf(func(b []byte, d *newsgraph.Document) []byte { return appendID(b, d.ID) }),
		"title":       leaf(func(b []byte, d *newsgraph.Document) []byte { return appendQuoted(b, d.Title) }),
		"publishedAt": leaf(func(b []byte, d *newsgraph.Document) []byte { return appendDate(b, d.PublishedAt) }),
		"source":      leaf(func(b []byte, d *newsgraph.Document) []byte { return appendOptional(b, d.Source) }),
		"url":         leaf(func(b []byte, d *newsgraph.Document) []byte { return appendOptional(b, d.URL) }),
		"text":        leaf(func(b []byte, d *newsgraph.Document) []byte { return appendQuoted(b, d.Text) }),
	}
	relationConnectionFields = map[string]plainField[*model.RelationConnection]{
		"edges":    listField("RelationEdge", relationEdgeFields, func(c *model.RelationConnection) []*model.RelationEdge { return c.Edges }),
		"pageInfo": objectField("PageInfo", pageInfoFields, func(c *model.RelationConnection) *model.PageInfo { return c.PageInfo }),
		"totalCount": leaf(func(b []byte, c *model.RelationConnection) []byte {
			return strconv.AppendInt(b, int64(c.TotalCount), 10)
		}),
	}
	relationEdgeFields = map[string]plainField[*model.RelationEdge]{
		"cursor": leaf(func(b []byte, e *model.RelationEdge) []byte { return appendQuoted(b, e.Cursor) }),
		"node":   objectField("Relation", relationFields, func(e *model.RelationEdge) *newsgraph.Relation { return e.Node }),
	}
	pageInfoFields = map[string]plainField[*model.PageInfo]{
		"hasNextPage": leaf(func(b []byte, p *model.PageInfo) []byte { return strconv.AppendBool(b, p.HasNextPage) }),
		"endCursor": leaf(func(b []byte, p *model.PageInfo) []byte {
			if p.EndCursor == nil {
				return append(b, "null"...)
			}
			return appendQuoted(b, *p.EndCursor)
		}),
	}
)

// entityFields holds, for every kind, the plain fields of its object type,
// made once rather than on every request.
var entityFields = func() map[newsgraph.Kind]map[string]plainField[*newsgraph.Entity] {
	byKind := make(map[newsgraph.Kind]map[string]plainField[*newsgraph.Entity], len(entityKinds))
	for _, k := range entityKinds {
		byKind[k] = kindFields(k)
	}
	return byKind
}()

// kindFields returns the plain fields of the object type of kind k: those
// of the Entity interface and the kind's own.
func kindFields(k newsgraph.Kind) map[string]plainField[*newsgraph.Entity] {
	fields := map[string]plainField[*newsgraph.Entity]{
		"id":          leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendID(b, e.ID) }),
		"name":        leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendQuoted(b, e.Name) }),
		"kind":        leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendID(b, string(e.Kind)) }),
		"aliases":     leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendStrings(b, e.Aliases) }),
		"description": leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendOptional(b, e.Description) }),
	}
	switch k {
	case newsgraph.KindPerson:
		fields["roles"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendStrings(b, e.Roles) })
	case newsgraph.KindLegalConcept:
		fields["jurisdiction"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendOptional(b, e.Jurisdiction) })
	case newsgraph.KindEvent:
		fields["startDate"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendDate(b, e.StartDate) })
		fields["endDate"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendDate(b, e.EndDate) })
	case newsgraph.KindClaim:
		fields["claimText"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendOptional(b, e.ClaimText) })
		fields["verdict"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendOptional(b, e.Verdict) })
		fields["counterEvidence"] = leaf(func(b []byte, e *newsgraph.Entity) []byte { return appendOptional(b, e.CounterEvidence) })
	}
	return fields
}

// entityKinds are the kinds in the order of their object types' writers.
var entityKinds = []newsgraph.Kind{
	newsgraph.KindPerson, newsgraph.KindOrganization, newsgraph.KindPlace,
	newsgraph.KindLegalConcept, newsgraph.KindEvent, newsgraph.KindClaim,
}

// compileEntity compiles a selection on the Entity interface once per
// object type; the writer picks the one of the entity's kind.
func compileEntity(c *plainCompiler, f graphql.CollectedField) (plainWriter[*newsgraph.Entity], bool) {
	byKind := make(map[newsgraph.Kind]plainWriter[*newsgraph.Entity], len(entityKinds))
	for _, k := range entityKinds {
		w, ok := compileObject(c, f.Selections, []string{model.ObjectTypeName(k), "Entity"}, entityFields[k])
		if !ok {
			return nil, false
		}
		byKind[k] = w
	}
	// model.Wrap makes an entity of an unknown kind an Organization.
	fallback := byKind[newsgraph.KindOrganization]
	return func(b []byte, e *newsgraph.Entity) []byte {
		if w, ok := byKind[e.Kind]; ok {
			return w(b, e)
		}
		return fallback(b, e)
	}, true
}

// compileWrapped is compileEntity for the model's entity wrappers.
func compileWrapped(c *plainCompiler, f graphql.CollectedField) (plainWriter[model.Entity], bool) {
	w, ok := compileEntity(c, f)
	if !ok {
		return nil, false
	}
	return func(b []byte, e model.Entity) []byte { return w(b, e.Domain()) }, true
}

// endField is Relation.from or Relation.to, whose entity is among the
// nodes of the subgraph or path being written (see bindEnds).
func endField(end func(*newsgraph.Relation) string) plainField[*newsgraph.Relation] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[*newsgraph.Relation], bool) {
		w, ok := compileEntity(c, f)
		if !ok {
			return nil, false
		}
		c.usesEnds = true
		return func(b []byte, r *newsgraph.Relation) []byte { return w(b, c.ends[end(r)]) }, true
	}
}

// entityField is a plain field holding one entity, never null.
func entityField[T any](get func(T) model.Entity) plainField[T] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool) {
		w, ok := compileWrapped(c, f)
		if !ok {
			return nil, false
		}
		return func(b []byte, v T) []byte { return w(b, get(v)) }, true
	}
}

// entityListField is a plain field holding a list of entities.
func entityListField[T any](get func(T) []model.Entity) plainField[T] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool) {
		w, ok := compileWrapped(c, f)
		if !ok {
			return nil, false
		}
		return func(b []byte, v T) []byte { return appendList(b, get(v), w) }, true
	}
}

// relationListField is a plain field holding a list of relations.
func relationListField[T any](get func(T) []*newsgraph.Relation) plainField[T] {
	return func(c *plainCompiler, f graphql.CollectedField) (plainWriter[T], bool) {
		w, ok := compileObject(c, f.Selections, []string{"Relation"}, relationFields)
		if !ok {
			return nil, false
		}
		return func(b []byte, v T) []byte { return appendList(b, get(v), w) }, true
	}
}

// documentField is Evidence.document, among the documents bind loaded.
func documentField(c *plainCompiler, f graphql.CollectedField) (plainWriter[newsgraph.Evidence], bool) {
	w, ok := compileObject(c, f.Selections, []string{"Document"}, documentFields)
	if !ok {
		return nil, false
	}
	c.usesDocuments = true
	return func(b []byte, e newsgraph.Evidence) []byte { return w(b, c.documents[e.DocumentID]) }, true
}

// evidenceListField is Relation.evidence when only quotes are asked for.
func evidenceListField(c *plainCompiler, f graphql.CollectedField) (plainWriter[*newsgraph.Relation], bool) {
	w, ok := compileObject(c, f.Selections, []string{"Evidence"}, evidenceFields)
	if !ok {
		return nil, false
	}
	return func(b []byte, r *newsgraph.Relation) []byte { return appendList(b, r.Evidence, w) }, true
}

// appendQuoted appends s as a JSON string escaped exactly as gqlgen's
// graphql.MarshalString escapes it: control characters, '"' and '\' only,
// other bytes as they are (FuzzAppendQuoted checks the two agree).
func appendQuoted(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if jsonSafe[c] {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '\t':
			b = append(b, `\t`...)
		case '\r':
			b = append(b, `\r`...)
		case '\n':
			b = append(b, `\n`...)
		case '\\':
			b = append(b, `\\`...)
		case '"':
			b = append(b, `\"`...)
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendID appends an id, a relation type or a kind as a JSON string.
// They are checked on every write (newsgraph.ValidEntityID and its
// siblings) to consist of letters, digits and "-:|_", which JSON strings
// hold as they are: no escaping to look for. An id is most of the bytes of
// a drawn subgraph.
func appendID(b []byte, id string) []byte {
	b = append(b, '"')
	b = append(b, id...)
	return append(b, '"')
}

// jsonSafe tells the bytes appendQuoted copies as they are.
var jsonSafe = func() (safe [256]bool) {
	for c := range safe {
		safe[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return safe
}()

// appendStrings appends a list of strings; nil is the empty list.
func appendStrings(b []byte, list []string) []byte {
	return appendList(b, list, appendQuoted)
}

// appendOptional appends a string that is null when empty, as the model's
// optional fields are.
func appendOptional(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendQuoted(b, s)
}

// appendDate appends a Date as model.MarshalDate writes it: null when zero.
func appendDate(b []byte, d newsgraph.Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	return strconv.AppendQuote(b, d.String())
}

// appendFloat appends a float as gqlgen's Float does (%g). Stored floats
// are validated finite; a non-finite one is written as null rather than as
// invalid JSON.
func appendFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}
