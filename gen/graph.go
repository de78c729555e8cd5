package gen

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Shape of the degree distribution: an entity of popularity rank i (from
// 0) within its kind is drawn with weight (i+zipfOffset)^-zipfExponent.
const (
	zipfExponent = 0.75
	zipfOffset   = 1.0
)

// Streams of the PCG generator seeded from Config.Seed: one per concern, so
// that Hubs and RandomPairs need not generate texts.
const (
	streamEntities = 0x6e616d6573
	streamEdges    = 0x6564676573
	streamText     = 0x74657874 << 32
)

// The days documents are published on: 2018 to 2025.
var (
	firstDay = dayOf(time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	lastDay  = dayOf(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))
)

// edge is a relation before it has text: entity indexes and a row of
// relationTypes.
type edge struct {
	from, to int32
	row      uint8
}

// graph is the structure of a generated graph: its entities, sorted by
// kind in newsgraph.AllKinds order and by popularity within a kind, and its
// relations as edges in document order.
type graph struct {
	cfg      Config
	entities []*newsgraph.Entity
	start    [6]int       // index of the first entity of each kind
	count    [6]int       // number of entities of each kind
	weights  [6][]float64 // cumulative popularity weights within each kind
	rowCum   []float64    // cumulative weights of relationTypes
	edges    []edge
}

// newGraph generates the entities and edges of cfg.
func newGraph(cfg Config) (*graph, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	g := &graph{cfg: cfg, entities: make([]*newsgraph.Entity, cfg.Entities)}
	g.count = kindCounts(cfg.Entities)
	next := 0
	for i, n := range g.count {
		g.start[i] = next
		next += n
		cum := make([]float64, n)
		total := 0.0
		for rank := range n {
			total += math.Pow(float64(rank)+zipfOffset, -zipfExponent)
			cum[rank] = total
		}
		g.weights[i] = cum
	}
	total := 0.0
	for _, t := range relationTypes {
		total += t.weight
		g.rowCum = append(g.rowCum, total)
	}
	g.makeEntities(rand.New(rand.NewPCG(uint64(cfg.Seed), streamEntities)))
	if err := g.drawEdges(rand.New(rand.NewPCG(uint64(cfg.Seed), streamEdges))); err != nil {
		return nil, err
	}
	return g, nil
}

// draw returns the index of an entity of the kind at index ki, drawn by
// popularity.
func (g *graph) draw(r *rand.Rand, ki int) int {
	cum := g.weights[ki]
	i, _ := slices.BinarySearch(cum, r.Float64()*cum[len(cum)-1])
	return g.start[ki] + min(i, len(cum)-1)
}

// capacity returns the number of distinct relations the table allows
// among the entities.
func (g *graph) capacity() int {
	c := 0
	for _, t := range relationTypes {
		nf, nt := g.count[kindIndex(t.from)], g.count[kindIndex(t.to)]
		if t.from == t.to {
			c += nf * (nf - 1)
		} else {
			c += nf * nt
		}
	}
	return c
}

// drawEdges draws cfg.Relations distinct edges: a row of the type table by
// weight, then both ends by popularity, again when the edge is a loop or
// already drawn.
func (g *graph) drawEdges(r *rand.Rand) error {
	m := g.cfg.Relations
	if c := g.capacity(); m > c/4 {
		return invalidf("%d relations do not fit among %d entities: at most %d; give more entities", m, g.cfg.Entities, c/4)
	}
	rowIndex := make([]int, len(relationTypes))
	for i, t := range relationTypes {
		rowIndex[i] = i
		for j := range i {
			if relationTypes[j].name == t.name {
				rowIndex[i] = j
				break
			}
		}
	}
	seen := make(map[uint64]struct{}, m)
	g.edges = make([]edge, 0, m)
	for len(g.edges) < m {
		for attempt := 0; ; attempt++ {
			if attempt > 100000 {
				return invalidf("could not draw %d distinct relations among %d entities; give more entities", m, g.cfg.Entities)
			}
			row, _ := slices.BinarySearch(g.rowCum, r.Float64()*g.rowCum[len(g.rowCum)-1])
			row = min(row, len(relationTypes)-1)
			t := relationTypes[row]
			fi, ti := kindIndex(t.from), kindIndex(t.to)
			var from, to int
			if attempt < 50 {
				from, to = g.draw(r, fi), g.draw(r, ti)
			} else {
				from, to = g.start[fi]+r.IntN(g.count[fi]), g.start[ti]+r.IntN(g.count[ti])
			}
			if from == to {
				continue
			}
			key := uint64(rowIndex[row])<<50 | uint64(from)<<25 | uint64(to)
			if _, dup := seen[key]; dup {
				continue
			}
			seen[key] = struct{}{}
			g.edges = append(g.edges, edge{from: int32(from), to: int32(to), row: uint8(row)})
			break
		}
	}
	return nil
}

// degrees returns the number of relations of each entity, both directions.
func (g *graph) degrees() []int {
	deg := make([]int, len(g.entities))
	for _, e := range g.edges {
		deg[e.from]++
		deg[e.to]++
	}
	return deg
}

// randomDay returns a day between firstDay and lastDay.
func (g *graph) randomDay(r *rand.Rand) int {
	return firstDay + r.IntN(lastDay-firstDay+1)
}

// dayOf returns the number of days from the Unix epoch to t.
func dayOf(t time.Time) int { return int(t.Unix() / 86400) }

// dateOfDay returns the calendar day of a day number.
func dateOfDay(day int) newsgraph.Date {
	return newsgraph.DateOf(time.Unix(int64(day)*86400, 0).UTC())
}
