package seed_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/seed"
)

// articleFile is the seed article as stored in the package, read from disk
// rather than through the embedded data.
const articleFile = "data/000_9e9124713ed057f1.txt"

func mustBatch(tb testing.TB) *newsgraph.Batch {
	tb.Helper()
	b, err := seed.Batch()
	if err != nil {
		tb.Fatalf("seed.Batch: %v", err)
	}
	return b
}

func readArticle(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile(articleFile)
	if err != nil {
		tb.Fatal(err)
	}
	return string(raw)
}

func entitiesByID(b *newsgraph.Batch) map[string]*newsgraph.Entity {
	m := make(map[string]*newsgraph.Entity, len(b.Entities))
	for _, e := range b.Entities {
		m[e.ID] = e
	}
	return m
}

func TestDocument(t *testing.T) {
	b := mustBatch(t)
	if got, want := len(b.Documents), 1; got != want {
		t.Fatalf("documents: got %d, want %d", got, want)
	}
	d := b.Documents[0]
	if got, want := d.ID, seed.DocumentID; got != want {
		t.Errorf("document id: got %q, want %q", got, want)
	}
	if got, want := d.PublishedAt.String(), "2025-11-18"; got != want {
		t.Errorf("publishedAt: got %q, want %q", got, want)
	}
	if got, want := d.PublishedAt.Time().Weekday().String(), "Tuesday"; got != want {
		t.Errorf("publication weekday: got %s, want %s", got, want)
	}
	if got, want := d.Text, readArticle(t); got != want {
		t.Errorf("document text differs from %s (%d bytes, want %d)", articleFile, len(got), len(want))
	}
	if !strings.Contains(d.Title, "[editorial title]") {
		t.Errorf("title %q does not say it is editorial", d.Title)
	}
	if d.Source != "" || d.URL != "" {
		t.Errorf("source %q and url %q: want both empty (unknown)", d.Source, d.URL)
	}
}

func TestQuotesAreVerbatim(t *testing.T) {
	b := mustBatch(t)
	article := readArticle(t)
	for _, r := range b.Relations {
		if len(r.Evidence) == 0 {
			t.Errorf("%s has no evidence", r.ID)
		}
		for _, ev := range r.Evidence {
			if got, want := ev.DocumentID, seed.DocumentID; got != want {
				t.Errorf("%s: evidence document %q, want %q", r.ID, got, want)
			}
			if !strings.Contains(article, ev.Quote) {
				t.Errorf("%s: quote %q is not in %s", r.ID, ev.Quote, articleFile)
			}
			if ev.Quote != strings.TrimSpace(ev.Quote) {
				t.Errorf("%s: quote %q has leading or trailing space", r.ID, ev.Quote)
			}
		}
	}
}

func TestCounts(t *testing.T) {
	b := mustBatch(t)
	if got, min := len(b.Entities), 40; got < min {
		t.Errorf("entities: got %d, want at least %d", got, min)
	}
	if got, min := len(b.Relations), 60; got < min {
		t.Errorf("relations: got %d, want at least %d", got, min)
	}
	byKind := map[newsgraph.Kind]int{}
	for _, e := range b.Entities {
		byKind[e.Kind]++
	}
	for _, k := range newsgraph.AllKinds {
		if byKind[k] == 0 {
			t.Errorf("no entity of kind %s", k)
		}
	}
}

func TestEveryEntityIsRelated(t *testing.T) {
	b := mustBatch(t)
	related := map[string]bool{}
	for _, r := range b.Relations {
		related[r.From], related[r.To] = true, true
	}
	for _, e := range b.Entities {
		if !related[e.ID] {
			t.Errorf("entity %s takes part in no relation", e.ID)
		}
	}
}

func TestEntityIDsFollowConvention(t *testing.T) {
	for _, e := range mustBatch(t).Entities {
		if got, want := e.ID, newsgraph.EntityID(e.Kind, e.Name); got != want {
			t.Errorf("entity %q: id %q, want EntityID(%s, name) = %q", e.Name, got, e.Kind, want)
		}
	}
}

func TestKindFields(t *testing.T) {
	for _, e := range mustBatch(t).Entities {
		if strings.TrimSpace(e.Description) == "" {
			t.Errorf("%s has no description", e.ID)
		}
		switch e.Kind {
		case newsgraph.KindLegalConcept:
			if e.Jurisdiction == "" {
				t.Errorf("legal concept %s has no jurisdiction", e.ID)
			}
		case newsgraph.KindClaim:
			if e.ClaimText == "" || e.ClaimantID == "" || e.Verdict == "" {
				t.Errorf("claim %s: claimText %q, claimantId %q, verdict %q: want all set", e.ID, e.ClaimText, e.ClaimantID, e.Verdict)
			}
		}
		if e.Kind != newsgraph.KindEvent && (!e.StartDate.IsZero() || !e.EndDate.IsZero() || e.PlaceID != "") {
			t.Errorf("%s is a %s with event fields set", e.ID, e.Kind)
		}
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		id, role string
	}{
		{"person:claudia-sheinbaum", "President of Mexico"},
		{"person:donald-trump", "President of the United States"},
		{"person:marco-rubio", "US Secretary of State"},
		{"person:gianni-infantino", "President of FIFA"},
		{"person:ron-desantis", "Republican presidential candidate (2023)"},
		{"person:andres-manuel-lopez-obrador", "President of Mexico (former)"},
	}
	entities := entitiesByID(mustBatch(t))
	for _, tt := range tests {
		if e := entities[tt.id]; e == nil || !slices.Contains(e.Roles, tt.role) {
			t.Errorf("%s: want role %q", tt.id, tt.role)
		}
	}
}

func TestEventDates(t *testing.T) {
	tests := []struct {
		id, start, end, place string
	}{
		{"event:sheinbaum-morning-news-conference-2025-11-18", "2025-11-18", "2025-11-18", "place:mexico"},
		{"event:trump-infantino-oval-office-meeting-2025-11-17", "2025-11-17", "2025-11-17", "place:oval-office"},
		{"event:trump-review-of-mexico-city-weekend-of-2025-11-15", "2025-11-15", "2025-11-16", ""},
		{"event:us-boat-bombing-campaign", "2025-09-02", "", ""},
		{"event:missile-strikes-on-alleged-drug-smuggling-boats", "2025-09-02", "2025-11-18", ""},
		{"event:secret-order-on-military-action-against-cartels-august-2025", "2025-08-01", "2025-08-31", ""},
		{"event:trump-memo-to-congress-2025-10-02", "2025-10-02", "2025-10-02", ""},
		{"event:repatriation-of-two-boat-strike-survivors-october-2025", "2025-10-01", "2025-10-31", ""},
		{"event:desantis-pledge-to-deploy-special-forces-to-mexico-2023", "2023-01-01", "2023-12-31", ""},
		{"event:first-trump-presidency", "2017-01-20", "2021-01-20", "place:united-states"},
		{"event:second-trump-presidency", "2025-01-20", "", "place:united-states"},
	}
	entities := entitiesByID(mustBatch(t))
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := entities[tt.id]
			if e == nil {
				t.Fatalf("no entity %s", tt.id)
			}
			if got := e.StartDate.String(); got != tt.start {
				t.Errorf("startDate: got %q, want %q", got, tt.start)
			}
			if got := e.EndDate.String(); got != tt.end {
				t.Errorf("endDate: got %q, want %q", got, tt.end)
			}
			if got := e.PlaceID; got != tt.place {
				t.Errorf("placeId: got %q, want %q", got, tt.place)
			}
		})
	}
	// Weekdays named in the article.
	for id, weekday := range map[string]string{
		"event:sheinbaum-morning-news-conference-2025-11-18":      "Tuesday",
		"event:trump-infantino-oval-office-meeting-2025-11-17":    "Monday",
		"event:trump-review-of-mexico-city-weekend-of-2025-11-15": "Saturday",
	} {
		if got := entities[id].StartDate.Time().Weekday().String(); got != weekday {
			t.Errorf("%s starts on a %s, want %s", id, got, weekday)
		}
	}
}

func TestRelationsUseTheVocabulary(t *testing.T) {
	vocab := newsgraph.Vocabulary()
	known := map[string]newsgraph.RelationType{}
	for _, v := range vocab {
		if !newsgraph.ValidRelationType(v.Type) {
			t.Errorf("vocabulary type %q is not UPPER_SNAKE_CASE", v.Type)
		}
		if v.Description == "" || len(v.From) == 0 || len(v.To) == 0 {
			t.Errorf("vocabulary type %s: description, from and to must be set", v.Type)
		}
		known[v.Type] = v
	}
	if !slices.IsSortedFunc(vocab, func(a, b newsgraph.RelationType) int { return strings.Compare(a.Type, b.Type) }) {
		t.Error("Vocabulary is not sorted by type")
	}
	used := map[string]int{}
	for _, r := range mustBatch(t).Relations {
		used[r.Type]++
		v, ok := known[r.Type]
		if !ok {
			t.Errorf("%s: type %s is not in the vocabulary", r.ID, r.Type)
			continue
		}
		if !slices.Contains(v.From, newsgraph.KindOfID(r.From)) || !slices.Contains(v.To, newsgraph.KindOfID(r.To)) {
			t.Errorf("%s: kinds of the ends are not allowed for %s", r.ID, r.Type)
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("%s: confidence %v outside (0, 1]", r.ID, r.Confidence)
		}
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vocab {
		if used[v.Type] == 0 {
			continue // published for new articles; the seed does not need it
		}
		if !strings.Contains(string(doc), v.Type) {
			t.Errorf("vocabulary type %s is not documented in doc.go", v.Type)
		}
	}
}

func TestBatchIsFresh(t *testing.T) {
	a := mustBatch(t)
	a.Entities[0].Name = "changed"
	a.Relations[0].Evidence[0].Quote = "changed"
	b := mustBatch(t)
	if b.Entities[0].Name == "changed" || b.Relations[0].Evidence[0].Quote == "changed" {
		t.Error("changing one batch changed the next one")
	}
}
