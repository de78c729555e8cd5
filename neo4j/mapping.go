package neo4j

import (
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph"
)

// This file maps domain values to the property maps the statements write
// and back. Zero values (empty strings, empty lists, zero dates) are not
// stored, so that nodes in Neo4j Browser show only what is known.

// kindLabels maps each entity kind to the label its nodes carry besides
// Entity.
var kindLabels = map[newsgraph.Kind]string{
	newsgraph.KindPerson:       "Person",
	newsgraph.KindOrganization: "Organization",
	newsgraph.KindPlace:        "Place",
	newsgraph.KindLegalConcept: "LegalConcept",
	newsgraph.KindEvent:        "Event",
	newsgraph.KindClaim:        "Claim",
}

// kindLabel returns the node label of kind k, and false for an unknown kind.
func kindLabel(k newsgraph.Kind) (string, bool) {
	l, ok := kindLabels[k]
	return l, ok
}

// searchKeysSeparator separates the folded search keys in the searchKeys
// property; the whitespace analyzer of the full-text index splits on it.
const searchKeysSeparator = "\n"

func putString(p map[string]any, key, v string) {
	if v != "" {
		p[key] = v
	}
}

func putStrings(p map[string]any, key string, v []string) {
	if len(v) > 0 {
		p[key] = append([]string(nil), v...)
	}
}

func putDate(p map[string]any, key string, d newsgraph.Date) {
	if !d.IsZero() {
		p[key] = neo4j.DateOf(d.Time())
	}
}

// entityProperties returns the properties of e's node, including the
// folded text the full-text index searches.
func entityProperties(e *newsgraph.Entity) map[string]any {
	p := map[string]any{"id": e.ID, "kind": string(e.Kind), "name": e.Name}
	putStrings(p, "aliases", e.Aliases)
	putString(p, "description", e.Description)
	putStrings(p, "roles", e.Roles)
	putDate(p, "startDate", e.StartDate)
	putDate(p, "endDate", e.EndDate)
	putString(p, "placeId", e.PlaceID)
	putString(p, "jurisdiction", e.Jurisdiction)
	putString(p, "claimText", e.ClaimText)
	putString(p, "claimantId", e.ClaimantID)
	putString(p, "verdict", string(e.Verdict))
	putString(p, "verdictNote", e.VerdictNote)
	putString(p, "counterEvidence", e.CounterEvidence)
	putString(p, "searchKeys", strings.Join(newsgraph.SearchKeys(e), searchKeysSeparator))
	putString(p, "searchDescription", newsgraph.Fold(e.Description))
	return p
}

// documentProperties returns the properties of d's node.
func documentProperties(d *newsgraph.Document) map[string]any {
	p := map[string]any{"id": d.ID, "title": d.Title, "text": d.Text}
	putDate(p, "publishedAt", d.PublishedAt)
	putString(p, "source", d.Source)
	putString(p, "url", d.URL)
	return p
}

// relationProperties returns the properties of r's relationship other than
// its evidence, which upsert_relations.cypher merges with the stored one.
func relationProperties(r *newsgraph.Relation) map[string]any {
	p := map[string]any{"id": r.ID, "confidence": r.Confidence}
	putDate(p, "validFrom", r.ValidFrom)
	putDate(p, "validTo", r.ValidTo)
	return p
}

// evidenceMaps returns r's evidence as maps {quote, documentId, start,
// end}; unknown offsets are 0, 0.
func evidenceMaps(evidence []newsgraph.Evidence) []any {
	out := make([]any, len(evidence))
	for i, ev := range evidence {
		out[i] = map[string]any{"quote": ev.Quote, "documentId": ev.DocumentID, "start": int64(ev.Start), "end": int64(ev.End)}
	}
	return out
}

// props reads typed values out of a node's or relationship's properties,
// remembering the first value of an unexpected type.
type props struct {
	m   map[string]any
	err error
}

func (p *props) fail(key string, v any, want string) {
	if p.err == nil {
		p.err = fmt.Errorf("property %s is %T, want %s", key, v, want)
	}
}

func (p *props) str(key string) string {
	switch v := p.m[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		p.fail(key, v, "a string")
		return ""
	}
}

func (p *props) strs(key string) []string {
	switch v := p.m[key].(type) {
	case nil:
		return nil
	case []string:
		return append([]string(nil), v...)
	case []any:
		out := make([]string, 0, len(v))
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				p.fail(key, item, "a list of strings")
				return nil
			}
			out = append(out, s)
		}
		return out
	default:
		p.fail(key, v, "a list of strings")
		return nil
	}
}

func (p *props) ints(key string) []int {
	switch v := p.m[key].(type) {
	case nil:
		return nil
	case []int64:
		out := make([]int, len(v))
		for i, n := range v {
			out[i] = int(n)
		}
		return out
	case []any:
		out := make([]int, 0, len(v))
		for _, item := range v {
			n, ok := item.(int64)
			if !ok {
				p.fail(key, item, "a list of integers")
				return nil
			}
			out = append(out, int(n))
		}
		return out
	default:
		p.fail(key, v, "a list of integers")
		return nil
	}
}

func (p *props) date(key string) newsgraph.Date {
	switch v := p.m[key].(type) {
	case nil:
		return newsgraph.Date{}
	case dbtype.Date:
		return newsgraph.DateOf(v.Time())
	case time.Time:
		return newsgraph.DateOf(v)
	default:
		p.fail(key, v, "a date")
		return newsgraph.Date{}
	}
}

func (p *props) float(key string) float64 {
	switch v := p.m[key].(type) {
	case nil:
		return 0
	case float64:
		return v
	case int64:
		return float64(v)
	default:
		p.fail(key, v, "a number")
		return 0
	}
}

// entityFromProps maps an :Entity node's properties to an entity.
func entityFromProps(m map[string]any) (*newsgraph.Entity, error) {
	p := props{m: m}
	e := &newsgraph.Entity{
		ID:              p.str("id"),
		Kind:            newsgraph.Kind(p.str("kind")),
		Name:            p.str("name"),
		Aliases:         p.strs("aliases"),
		Description:     p.str("description"),
		Roles:           p.strs("roles"),
		StartDate:       p.date("startDate"),
		EndDate:         p.date("endDate"),
		PlaceID:         p.str("placeId"),
		Jurisdiction:    p.str("jurisdiction"),
		ClaimText:       p.str("claimText"),
		ClaimantID:      p.str("claimantId"),
		Verdict:         newsgraph.Verdict(p.str("verdict")),
		VerdictNote:     p.str("verdictNote"),
		CounterEvidence: p.str("counterEvidence"),
	}
	if p.err != nil {
		return nil, fmt.Errorf("entity %q: %w", e.ID, p.err)
	}
	// Nodes written before verdicts were an enum hold free text.
	newsgraph.UpgradeVerdict(e)
	return e, nil
}

// documentFromProps maps a :Document node's properties to a document.
func documentFromProps(m map[string]any) (*newsgraph.Document, error) {
	p := props{m: m}
	d := &newsgraph.Document{
		ID:          p.str("id"),
		Title:       p.str("title"),
		PublishedAt: p.date("publishedAt"),
		Source:      p.str("source"),
		URL:         p.str("url"),
		Text:        p.str("text"),
	}
	if p.err != nil {
		return nil, fmt.Errorf("document %q: %w", d.ID, p.err)
	}
	return d, nil
}

// relationFromProps maps a relationship of type typ from entity from to
// entity to, with properties m, to a relation.
func relationFromProps(typ, from, to string, m map[string]any) (*newsgraph.Relation, error) {
	p := props{m: m}
	r := &newsgraph.Relation{
		ID:         p.str("id"),
		Type:       typ,
		From:       from,
		To:         to,
		ValidFrom:  p.date("validFrom"),
		ValidTo:    p.date("validTo"),
		Confidence: p.float("confidence"),
	}
	quotes, docs := p.strs("evidenceQuotes"), p.strs("evidenceDocumentIds")
	// Relations written before offsets were recorded have neither list.
	starts, ends := p.ints("evidenceStarts"), p.ints("evidenceEnds")
	if p.err != nil {
		return nil, fmt.Errorf("relation %q: %w", r.ID, p.err)
	}
	if len(quotes) != len(docs) {
		return nil, fmt.Errorf("relation %q: %d evidence quotes but %d evidence document ids", r.ID, len(quotes), len(docs))
	}
	offsets := len(starts) == len(quotes) && len(ends) == len(quotes)
	r.Evidence = make([]newsgraph.Evidence, len(quotes))
	for i := range quotes {
		r.Evidence[i] = newsgraph.Evidence{Quote: quotes[i], DocumentID: docs[i]}
		if offsets {
			r.Evidence[i].Start, r.Evidence[i].End = starts[i], ends[i]
		}
	}
	return r, nil
}
