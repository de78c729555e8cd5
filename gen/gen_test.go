package gen_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// graph generates cfg and fails the test on an error.
func graph(tb testing.TB, cfg gen.Config) *newsgraph.Batch {
	tb.Helper()
	b, err := gen.Graph(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// lines returns the import lines of cfg, JSON-encoded.
func lines(tb testing.TB, cfg gen.Config) []byte {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := gen.Documents(cfg, func(in ingest.Input) error { return enc.Encode(in) }); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// degrees returns the number of relations of every entity id.
func degrees(b *newsgraph.Batch) map[string]int {
	deg := make(map[string]int, len(b.Entities))
	for _, e := range b.Entities {
		deg[e.ID] = 0
	}
	for _, r := range b.Relations {
		deg[r.From]++
		deg[r.To]++
	}
	return deg
}

var configs = []gen.Config{
	{Entities: 12, Relations: 10, Seed: 1},
	{Entities: 300, Relations: 2000, Seed: 2},
	{Entities: 1000, Relations: 10000, Seed: -7, RelationsPerDocument: 7},
	{Entities: 50, Relations: 0, Seed: 3},
}

func TestGraphIsValidWithExactCounts(t *testing.T) {
	for _, cfg := range configs {
		b := graph(t, cfg)
		if got, want := len(b.Relations), cfg.Relations; got != want {
			t.Errorf("%+v: %d relations, want %d", cfg, got, want)
		}
		if got, want := len(b.Entities), cfg.Entities; got != want {
			t.Errorf("%+v: %d entities, want %d", cfg, got, want)
		}
		perDoc := cmpOr(cfg.RelationsPerDocument, gen.DefaultRelationsPerDocument)
		if got, want := len(b.Documents), (cfg.Relations+perDoc-1)/perDoc; got != want {
			t.Errorf("%+v: %d documents, want %d", cfg, got, want)
		}
		before, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		b.Normalize()
		if after, _ := json.Marshal(b); !bytes.Equal(before, after) {
			t.Errorf("%+v: Normalize changed the batch: Graph should return it normalised", cfg)
		}
		if err := b.Validate(); err != nil {
			t.Errorf("%+v: Validate: %v", cfg, err)
		}
		if err := b.CheckReferences(nil, nil); err != nil {
			t.Errorf("%+v: CheckReferences: %v", cfg, err)
		}
		for _, e := range b.Entities {
			if got, want := e.ID, newsgraph.EntityID(e.Kind, e.Name); got != want {
				t.Errorf("entity id %q, want %q from its name", got, want)
			}
		}
	}
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

func TestGraphLooksLikeNews(t *testing.T) {
	b := graph(t, gen.Config{Entities: 2000, Relations: 20000, Seed: 42})
	kinds := map[newsgraph.Kind]int{}
	var aliased, marked, events, claims int
	for _, e := range b.Entities {
		kinds[e.Kind]++
		if len(e.Aliases) > 0 {
			aliased++
		}
		if strings.ContainsFunc(e.Name, func(r rune) bool { return r > 127 }) {
			marked++
		}
		if e.Kind == newsgraph.KindEvent && !e.StartDate.IsZero() && e.PlaceID != "" {
			events++
		}
		if e.Kind == newsgraph.KindClaim && e.ClaimText != "" && e.ClaimantID != "" {
			claims++
		}
	}
	for _, k := range newsgraph.AllKinds {
		if kinds[k] == 0 {
			t.Errorf("no entity of kind %s", k)
		}
	}
	if kinds[newsgraph.KindPerson] < kinds[newsgraph.KindPlace] || kinds[newsgraph.KindOrganization] < kinds[newsgraph.KindLegalConcept] {
		t.Errorf("kinds %v: want persons and organisations most", kinds)
	}
	if aliased == 0 || marked == 0 {
		t.Errorf("%d entities with aliases, %d names with diacritics: want some of each", aliased, marked)
	}
	if events != kinds[newsgraph.KindEvent] || claims != kinds[newsgraph.KindClaim] {
		t.Errorf("%d of %d events dated and placed, %d of %d claims with text and claimant", events, kinds[newsgraph.KindEvent], claims, kinds[newsgraph.KindClaim])
	}

	types := map[string]bool{}
	var dated, corroborated int
	for _, r := range b.Relations {
		types[r.Type] = true
		if !r.ValidFrom.IsZero() {
			dated++
		}
		if len(r.DocumentIDs()) > 1 {
			corroborated++
		}
	}
	if corroborated == 0 || corroborated > len(b.Relations)/5 {
		t.Errorf("%d of %d relations have evidence from several documents: want a few", corroborated, len(b.Relations))
	}
	if got := len(types); got < 30 {
		t.Errorf("%d relation types, want at least 30", got)
	}
	if dated == 0 || dated == len(b.Relations) {
		t.Errorf("%d of %d relations have validFrom: want some", dated, len(b.Relations))
	}

	years := map[int]bool{}
	docs := map[string]*newsgraph.Document{}
	for _, d := range b.Documents {
		years[d.PublishedAt.Year] = true
		docs[d.ID] = d
	}
	if got := len(years); got < 5 {
		t.Errorf("documents published in %d years, want at least 5", got)
	}
	for _, r := range b.Relations {
		for _, ev := range r.Evidence {
			if d := docs[ev.DocumentID]; d == nil || !strings.Contains(d.Text, ev.Quote) {
				t.Fatalf("relation %s: quote %q is not in document %s", r.ID, ev.Quote, ev.DocumentID)
			}
		}
	}
}

func TestDegreeDistributionHasHubs(t *testing.T) {
	cfg := gen.Config{Entities: 5000, Relations: 50000, Seed: 9}
	deg := degrees(graph(t, cfg))
	values := make([]int, 0, len(deg))
	for _, d := range deg {
		values = append(values, d)
	}
	slices.Sort(values)
	median, top := values[len(values)/2], values[len(values)-1]
	if top < 50*max(median, 1) {
		t.Errorf("max degree %d, median %d: want a hub with at least 50 times the median", top, median)
	}
	hubs := gen.Hubs(cfg, 10)
	if got, want := len(hubs), 10; got != want {
		t.Fatalf("%d hubs, want %d", got, want)
	}
	if got, want := deg[hubs[0]], top; got != want {
		t.Errorf("first hub %s has degree %d, want the maximum %d", hubs[0], got, want)
	}
	for i := 1; i < len(hubs); i++ {
		if deg[hubs[i]] > deg[hubs[i-1]] {
			t.Errorf("hub %d (%s, %d) has more relations than hub %d (%d)", i, hubs[i], deg[hubs[i]], i-1, deg[hubs[i-1]])
		}
	}
	if got, want := newsgraph.KindOfID(hubs[0]), newsgraph.KindPerson; got != want {
		t.Errorf("first hub %s is a %s, want the head of state, a %s", hubs[0], got, want)
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	cfg := gen.Config{Entities: 500, Relations: 3000, Seed: 5, RelationsPerDocument: 20}
	tests := []struct {
		name string
		of   func(gen.Config) []byte
	}{
		{"Graph", func(c gen.Config) []byte {
			out, err := json.Marshal(graph(t, c))
			if err != nil {
				t.Fatal(err)
			}
			return out
		}},
		{"Documents", func(c gen.Config) []byte { return lines(t, c) }},
		{"Hubs", func(c gen.Config) []byte { return []byte(strings.Join(gen.Hubs(c, 20), " ")) }},
		{"RandomPairs", func(c gen.Config) []byte { out, _ := json.Marshal(gen.RandomPairs(c, 50, 11)); return out }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, second := tt.of(cfg), tt.of(cfg)
			if !bytes.Equal(first, second) {
				t.Errorf("two runs of the same config differ")
			}
			other := cfg
			other.Seed++
			if bytes.Equal(first, tt.of(other)) {
				t.Errorf("seeds %d and %d give the same output", cfg.Seed, other.Seed)
			}
		})
	}
}

func TestInvalidConfigs(t *testing.T) {
	for _, cfg := range []gen.Config{
		{Entities: 11, Relations: 10},
		{Entities: 100, Relations: -1},
		{Entities: 100, Relations: 10, RelationsPerDocument: gen.MaxRelationsPerDocument + 1},
		{Entities: 12, Relations: 100000},
	} {
		_, err := gen.Graph(cfg)
		if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
			t.Errorf("Graph(%+v): error %v, want code %s", cfg, err, want)
		}
		if err := gen.Documents(cfg, func(ingest.Input) error { return nil }); newsgraph.ErrorCode(err) != newsgraph.Invalid {
			t.Errorf("Documents(%+v): error %v, want code %s", cfg, err, newsgraph.Invalid)
		}
		if got := gen.Hubs(cfg, 3); got != nil {
			t.Errorf("Hubs(%+v) = %v, want nil", cfg, got)
		}
	}
}

func TestRelationTypes(t *testing.T) {
	types := gen.RelationTypes()
	if got := len(types); got < 30 {
		t.Errorf("%d relation types, want at least 30", got)
	}
	for _, typ := range types {
		if !newsgraph.ValidRelationType(typ) {
			t.Errorf("relation type %q is malformed", typ)
		}
	}
}
