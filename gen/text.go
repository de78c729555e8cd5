package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Vocabulary of document texts.
var (
	openers = []string{"On Monday, ", "On Tuesday, ", "On Wednesday, ", "On Thursday, ", "On Friday, ", "Earlier, ", "Meanwhile, "}
	// tails end sentences; the first timeTails of them only sentences in
	// the past tense.
	tails        = []string{" on Tuesday", " last week", " earlier this year", " on Friday", "", "", "", ", officials said", ", according to court filings", ", the ministry confirmed", ", sources said", ", witnesses said", ", a spokesperson confirmed"}
	timeTails    = 4
	sources      = []string{"The Daily Ledger", "Global Wire", "Morning Courier", "The Evening Post", "Harbour Herald", "Capital Report"}
	confidences  = []float64{0.5, 0.6, 0.7, 0.8, 0.9}
	documentRoot = "https://news.example/"
)

// documents returns the number of documents.
func (g *graph) documents() int {
	k := g.cfg.perDocument()
	return (len(g.edges) + k - 1) / k
}

// documentID returns the id of document d.
func (g *graph) documentID(d int) string {
	return "doc:gen-" + strconv.FormatUint(uint64(g.cfg.Seed), 36) + "-" + strconv.Itoa(d)
}

// corroboration is a quote of a later document that restates the relation
// of an earlier one.
type corroboration struct {
	edge  int // index of the edge in g.edges
	quote string
}

// document generates document d, the relations it first reports and the
// relations of recent documents it restates. Documents are independent of
// each other: each has its own random stream.
func (g *graph) document(d int) (*newsgraph.Document, []*newsgraph.Relation, []corroboration) {
	k := g.cfg.perDocument()
	edges := g.edges[d*k : min(len(g.edges), (d+1)*k)]
	r := rand.New(rand.NewPCG(uint64(g.cfg.Seed), streamText+uint64(d)))
	n := g.documents()
	day := min(lastDay, firstDay+int(int64(d)*int64(lastDay-firstDay)/int64(n))+r.IntN(3))
	doc := &newsgraph.Document{
		ID:          g.documentID(d),
		PublishedAt: dateOfDay(day),
		Source:      pick(r, sources),
	}
	doc.URL = documentRoot + strings.TrimPrefix(doc.ID, "doc:")

	var b strings.Builder
	b.Grow(len(edges) * 128)
	bounds := make([]int, 0, 2*len(edges))
	for i, e := range edges {
		switch {
		case i == 0:
		case i%6 == 0:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		bounds = append(bounds, b.Len())
		g.sentence(&b, r, e)
		bounds = append(bounds, b.Len())
	}
	restated := g.restated(r, d)
	for _, e := range restated {
		b.WriteString("\n\n")
		bounds = append(bounds, b.Len())
		g.sentence(&b, r, g.edges[e])
		bounds = append(bounds, b.Len())
	}
	doc.Text = b.String()
	var corroborations []corroboration
	for i, e := range restated {
		j := len(edges) + i
		corroborations = append(corroborations, corroboration{edge: e, quote: doc.Text[bounds[2*j]:bounds[2*j+1]]})
	}
	first := edges[0]
	var title strings.Builder
	writeMention(&title, g.entities[first.from], true)
	title.WriteString(" " + relationTypes[first.row].verb + " ")
	writeMention(&title, g.entities[first.to], false)
	doc.Title = title.String()

	rels := make([]*newsgraph.Relation, len(edges))
	for i, e := range edges {
		t := relationTypes[e.row]
		from, to := g.entities[e.from].ID, g.entities[e.to].ID
		rel := &newsgraph.Relation{
			ID:         newsgraph.RelationID(from, t.name, to),
			Type:       t.name,
			From:       from,
			To:         to,
			Confidence: 1,
			Evidence:   []newsgraph.Evidence{{Quote: doc.Text[bounds[2*i]:bounds[2*i+1]], DocumentID: doc.ID}},
		}
		if r.IntN(5) == 0 {
			rel.Confidence = pick64(r, confidences)
		}
		g.validity(rel, r, t, day)
		rels[i] = rel
	}
	return doc, rels, corroborations
}

// recentDocuments is how far back a document restates relations.
const recentDocuments = 50

// restated returns the indexes of the edges of a recent document that
// document d restates: none for the first document, otherwise consecutive
// edges of one of the recentDocuments documents before, up to a tenth of a
// document's relations (or up to one when that is less).
func (g *graph) restated(r *rand.Rand, d int) []int {
	if d == 0 {
		return nil
	}
	k := g.cfg.perDocument()
	n := r.IntN(max(2, k/10+1))
	if n == 0 {
		return nil
	}
	source := d - 1 - r.IntN(min(d, recentDocuments))
	first := source * k
	size := min(len(g.edges), first+k) - first
	n = min(n, size)
	start := first + r.IntN(size-n+1)
	edges := make([]int, n)
	for i := range edges {
		edges[i] = start + i
	}
	return edges
}

// sentence writes the sentence of edge e, the quote of its relation.
func (g *graph) sentence(b *strings.Builder, r *rand.Rand, e edge) {
	start := true
	if r.IntN(6) == 0 {
		b.WriteString(pick(r, openers))
		start = false
	}
	t := relationTypes[e.row]
	writeMention(b, g.entities[e.from], start)
	b.WriteByte(' ')
	b.WriteString(t.verb)
	b.WriteByte(' ')
	writeMention(b, g.entities[e.to], false)
	if t.lasting {
		b.WriteString(tails[timeTails+r.IntN(len(tails)-timeTails)])
	} else {
		b.WriteString(pick(r, tails))
	}
	b.WriteByte('.')
}

// writeMention writes how a text names e: a claim by its text.
func writeMention(b *strings.Builder, e *newsgraph.Entity, start bool) {
	if e.Kind == newsgraph.KindClaim {
		if start {
			b.WriteString("The claim that ")
		} else {
			b.WriteString("the claim that ")
		}
	}
	b.WriteString(e.Name)
}

// validity sets the validity dates of a relation reported on day: most
// lasting relations started some years before and some have ended; a few
// others held on one day shortly before.
func (g *graph) validity(rel *newsgraph.Relation, r *rand.Rand, t relationType, day int) {
	switch {
	case t.lasting && r.IntN(5) < 4:
		from := day - r.IntN(5*365)
		rel.ValidFrom = dateOfDay(from)
		if r.IntN(10) < 3 {
			rel.ValidTo = dateOfDay(from + r.IntN(day-from+1))
		}
	case !t.lasting && r.IntN(10) == 0:
		on := dateOfDay(day - r.IntN(30))
		rel.ValidFrom, rel.ValidTo = on, on
	}
}

// pick64 returns a random element of list.
func pick64(r *rand.Rand, list []float64) float64 { return list[r.IntN(len(list))] }
