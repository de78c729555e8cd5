package gen_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/storetest"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

func TestDocumentsImportAsGraph(t *testing.T) {
	for _, cfg := range []gen.Config{
		{Entities: 400, Relations: 1500, Seed: 4},
		{Entities: 200, Relations: 300, Seed: 8, RelationsPerDocument: 3},
	} {
		store := teststore.Open(t)
		svc := ingest.New(store)
		line := 0
		var created, relations, corroborated int
		err := gen.Documents(cfg, func(in ingest.Input) error {
			line++
			res, err := svc.Ingest(t.Context(), in)
			if err != nil {
				t.Fatalf("%+v: line %d rejected: %v", cfg, line, err)
			}
			if len(res.Matched) != 0 {
				t.Errorf("%+v: line %d matched %d entities, want new ones only", cfg, line, len(res.Matched))
			}
			created += len(res.Created)
			relations += res.RelationsCreated
			corroborated += res.RelationsCorroborated
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if created != cfg.Entities || relations != cfg.Relations {
			t.Errorf("%+v: import created %d entities and %d relations", cfg, created, relations)
		}

		want := graph(t, cfg)
		restated := 0
		for _, r := range want.Relations {
			restated += len(r.Evidence) - 1
		}
		if restated == 0 || corroborated != restated {
			t.Errorf("%+v: import corroborated %d relations, want the %d quotes that restate a relation (some)", cfg, corroborated, restated)
		}
		stats, err := store.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := stats, (newsgraph.Stats{Entities: len(want.Entities), Relations: len(want.Relations), Documents: len(want.Documents)}); got.Entities != want.Entities || got.Relations != want.Relations || got.Documents != want.Documents {
			t.Errorf("%+v: stats %+v, want %+v", cfg, got, want)
		}
		storetest.CheckHolds(t, store, *want)
	}
}

func TestDocumentsStopOnEmitError(t *testing.T) {
	stop := newsgraph.Errorf(newsgraph.Unavailable, "stop")
	calls := 0
	err := gen.Documents(gen.Config{Entities: 100, Relations: 500, Seed: 1}, func(ingest.Input) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Documents returned %v after %d calls, want the emit error after 1", err, calls)
	}
}
