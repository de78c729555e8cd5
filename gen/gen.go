package gen

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// Graph generates the graph of cfg as one batch: its documents, entities
// and relations with their evidence, normalised and valid for
// Store.Upsert on an empty store. Entities are sorted by kind and, within a
// kind, by decreasing popularity; relations are in the order of the
// documents that first report them, and a few have evidence from a later
// document too.
func Graph(cfg Config) (*newsgraph.Batch, error) {
	g, err := newGraph(cfg)
	if err != nil {
		return nil, err
	}
	n := g.documents()
	b := &newsgraph.Batch{
		Documents: make([]*newsgraph.Document, n),
		Entities:  g.entities,
		Relations: make([]*newsgraph.Relation, len(g.edges)),
	}
	k := cfg.perDocument()
	restated := make([][]corroboration, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for d := w; d < n; d += workers {
				doc, rels, corroborations := g.document(d)
				b.Documents[d] = doc
				copy(b.Relations[d*k:], rels)
				restated[d] = corroborations
			}
		})
	}
	wg.Wait()
	for d, corroborations := range restated {
		for _, c := range corroborations {
			rel := b.Relations[c.edge]
			rel.Evidence = append(rel.Evidence, newsgraph.Evidence{Quote: c.quote, DocumentID: b.Documents[d].ID})
		}
	}
	// As ingesting the documents would record them.
	b.AddEvidenceOffsets()
	return b, nil
}

// Documents generates the graph of cfg as import lines, in document order,
// and calls emit with each. Each line holds one document, the relations it
// first reports and a few relations of recent documents that it restates
// (corroborates with another quote); an entity is given in full, with its id as id and ref, on the first line
// that needs it (as a relation end, an event's place or a claim's
// claimant), and named by id on later lines. Entities no relation needs
// come last, on lines without a document. Importing the lines in order
// into an empty store gives exactly Graph(cfg). An error from emit stops
// the generation and is returned.
func Documents(cfg Config, emit func(ingest.Input) error) error {
	g, err := newGraph(cfg)
	if err != nil {
		return err
	}
	index := make(map[string]int, len(g.entities))
	for i, e := range g.entities {
		index[e.ID] = i
	}
	given := make([]bool, len(g.entities))
	k := cfg.perDocument()
	// recent holds the relations of the last recentDocuments documents, as
	// first reported, by edge index modulo its length, for the documents
	// that restate them.
	recent := make([]*newsgraph.Relation, recentDocuments*k)
	var give func(in *ingest.Input, id string)
	give = func(in *ingest.Input, id string) {
		i := index[id]
		if given[i] {
			return
		}
		given[i] = true
		e := g.entities[i]
		if e.PlaceID != "" {
			give(in, e.PlaceID)
		}
		if e.ClaimantID != "" {
			give(in, e.ClaimantID)
		}
		in.Entities = append(in.Entities, entityInput(e))
	}
	for d := range g.documents() {
		doc, rels, corroborations := g.document(d)
		in := ingest.Input{
			Document: ingest.DocumentInput{
				ID: doc.ID, Title: doc.Title, PublishedAt: doc.PublishedAt,
				URL: doc.URL, Source: doc.Source, Text: doc.Text,
			},
			Relations: make([]ingest.RelationInput, 0, len(rels)+len(corroborations)),
		}
		for _, rel := range rels {
			give(&in, rel.From)
			give(&in, rel.To)
			in.Relations = append(in.Relations, relationInput(rel, rel.Evidence[0].Quote))
		}
		for _, c := range corroborations {
			in.Relations = append(in.Relations, relationInput(recent[c.edge%len(recent)], c.quote))
		}
		for i, rel := range rels {
			recent[(d*k+i)%len(recent)] = rel
		}
		if err := emit(in); err != nil {
			return err
		}
	}
	const perLine = 1000
	var in ingest.Input
	for i, e := range g.entities {
		if !given[i] {
			give(&in, e.ID)
		}
		if len(in.Entities) >= perLine || (i == len(g.entities)-1 && len(in.Entities) > 0) {
			if err := emit(in); err != nil {
				return err
			}
			in = ingest.Input{}
		}
	}
	return nil
}

// entityInput returns the import form of e, with its id as ref.
func entityInput(e *newsgraph.Entity) ingest.EntityInput {
	return ingest.EntityInput{
		Ref: e.ID, ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases,
		Description: e.Description, StartDate: e.StartDate, EndDate: e.EndDate,
		Roles: e.Roles, Jurisdiction: e.Jurisdiction, ClaimText: e.ClaimText,
		Verdict: string(e.Verdict), CounterEvidence: e.CounterEvidence,
		Place: e.PlaceID, Claimant: e.ClaimantID,
	}
}

// relationInput returns the import form of rel with a quote of the line's
// document.
func relationInput(rel *newsgraph.Relation, quote string) ingest.RelationInput {
	in := ingest.RelationInput{
		Type: rel.Type, From: rel.From, To: rel.To,
		ValidFrom: rel.ValidFrom, ValidTo: rel.ValidTo,
		Quotes: []string{quote},
	}
	if rel.Confidence != 1 {
		in.Confidence = rel.Confidence
	}
	return in
}

// Hubs returns the ids of the n entities with the most relations (both
// directions), most first, ties by id. It returns nil for an invalid cfg.
func Hubs(cfg Config, n int) []string {
	g, err := newGraph(cfg)
	if err != nil {
		return nil
	}
	deg := g.degrees()
	order := make([]int, len(g.entities))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(deg[b], deg[a]), cmp.Compare(g.entities[a].ID, g.entities[b].ID))
	})
	ids := make([]string, 0, min(n, len(order)))
	for _, i := range order[:min(n, len(order))] {
		ids = append(ids, g.entities[i].ID)
	}
	return ids
}

// RandomPairs returns n pairs of distinct entity ids for path benchmarks,
// the same for the same cfg, n and seed. Most pairs are connected: the
// first end is the end of a random relation and the second the end of a
// short random walk from it, ignoring directions; one pair in ten has a
// second end drawn at random. It returns nil for an invalid cfg or a graph
// without relations.
func RandomPairs(cfg Config, n int, seed int64) [][2]string {
	g, err := newGraph(cfg)
	if err != nil || len(g.edges) == 0 {
		return nil
	}
	adj := g.adjacency()
	r := rand.New(rand.NewPCG(uint64(seed), uint64(cfg.Seed)))
	pairs := make([][2]string, 0, n)
	for len(pairs) < n {
		e := g.edges[r.IntN(len(g.edges))]
		a, b := int(e.from), int(e.to)
		if r.IntN(10) == 0 {
			b = r.IntN(len(g.entities))
		} else {
			for range r.IntN(4) {
				next := adj.neighbours(b)
				b = int(next[r.IntN(len(next))])
			}
		}
		if a != b {
			pairs = append(pairs, [2]string{g.entities[a].ID, g.entities[b].ID})
		}
	}
	return pairs
}

// adjacency is an undirected compressed adjacency list.
type adjacency struct {
	offsets []int32
	targets []int32
}

// neighbours returns the neighbours of entity i, with repeats.
func (a adjacency) neighbours(i int) []int32 { return a.targets[a.offsets[i]:a.offsets[i+1]] }

// adjacency builds the undirected adjacency of g.
func (g *graph) adjacency() adjacency {
	deg := g.degrees()
	a := adjacency{offsets: make([]int32, len(deg)+1), targets: make([]int32, 2*len(g.edges))}
	for i, d := range deg {
		a.offsets[i+1] = a.offsets[i] + int32(d)
	}
	fill := slices.Clone(a.offsets[:len(deg)])
	for _, e := range g.edges {
		a.targets[fill[e.from]] = e.to
		fill[e.from]++
		a.targets[fill[e.to]] = e.from
		fill[e.to]++
	}
	return a
}

// RelationTypes returns the names of the relation types the generator
// uses, in a fixed order.
func RelationTypes() []string { return typeNames() }
