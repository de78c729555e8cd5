package ingest_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// TestDryRunReportsWhatIngestDoesAndWritesNothing rehearses the second
// article on the seed graph, checks that the store is as it was, then
// ingests it and checks that the dry run reported what the ingest did.
func TestDryRunReportsWhatIngestDoesAndWritesNothing(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	in := secondArticle(t)
	before := snapshot(t, s)

	dry, err := svc.DryRun(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	wantUnchanged(t, s, before)
	if !dry.DryRun {
		t.Error("DryRun: result.DryRun is false")
	}
	if len(dry.Entities) != len(in.Entities) {
		t.Fatalf("DryRun: %d resolutions for %d entity inputs", len(dry.Entities), len(in.Entities))
	}
	for i, r := range dry.Entities {
		if r.Ref != in.Entities[i].Ref || r.ID == "" {
			t.Errorf("resolution %d = %+v, want ref %q and an id", i, r, in.Entities[i].Ref)
		}
	}

	res := mustIngest(t, svc, in)
	if res.DryRun {
		t.Error("Ingest: result.DryRun is true")
	}
	for _, c := range []struct {
		what      string
		dry, real []string
	}{
		{"created", entityIDs(dry.Created), entityIDs(res.Created)},
		{"matched", entityIDs(dry.Matched), entityIDs(res.Matched)},
		{"created relations", relationIDs(dry.CreatedRelations), relationIDs(res.CreatedRelations)},
		{"corroborated relations", relationIDs(dry.CorroboratedRelations), relationIDs(res.CorroboratedRelations)},
	} {
		if !slices.Equal(c.dry, c.real) {
			t.Errorf("%s: dry run %v, ingest %v", c.what, c.dry, c.real)
		}
	}
	if !reflect.DeepEqual(dry.Entities, res.Entities) {
		t.Errorf("resolutions: dry run %+v, ingest %+v", dry.Entities, res.Entities)
	}
	if !reflect.DeepEqual(dry.Warnings, res.Warnings) {
		t.Errorf("warnings: dry run %v, ingest %v", dry.Warnings, res.Warnings)
	}
	// The dry run's relations are as the store holds them after the write.
	for _, r := range append(dry.CreatedRelations, dry.CorroboratedRelations...) {
		if got := mustRelation(t, s, r.ID); !reflect.DeepEqual(got.Evidence, r.Evidence) {
			t.Errorf("%s: dry run evidence %v, stored %v", r.ID, r.Evidence, got.Evidence)
		}
	}
}

func TestDryRunRejectsWhatIngestRejects(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	before := snapshot(t, s)
	bad := []ingest.Input{
		curationInput([]ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "dt", Quotes: []string{"Trump met"}}),
		curationInput([]ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "person:nobody", Quotes: []string{"Trump met"}}),
		curationInput([]ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "dt", Quotes: []string{"not in the text"}}),
	}
	for i, in := range bad {
		_, dryErr := svc.DryRun(t.Context(), in)
		_, err := ingest.New(openSeeded(t)).Ingest(t.Context(), in)
		if dryErr == nil || newsgraph.ErrorMessage(dryErr) != newsgraph.ErrorMessage(err) {
			t.Errorf("input %d: DryRun = %v, Ingest = %v: want the same rejection", i, dryErr, err)
		}
	}
	wantUnchanged(t, s, before)
}

// TestRehearsalPlansInputsInSequence checks that a rehearsal's later input
// sees what an earlier one would have written, and that nothing is written.
func TestRehearsalPlansInputsInSequence(t *testing.T) {
	s := openSeeded(t)
	svc := ingest.New(s)
	before := snapshot(t, s)
	first := curationInput([]ingest.EntityInput{{Ref: "tb", Kind: newsgraph.KindPerson, Name: "Morris Tidball-Binz"}, refTrump},
		ingest.RelationInput{Type: "MET_WITH", From: "tb", To: "dt", Quotes: []string{"Tidball-Binz spoke"}})
	second := first
	second.Document.Text += " Again."
	second.Relations = []ingest.RelationInput{{Type: "MET_WITH", From: "tb", To: "dt", Quotes: []string{"Tidball-Binz spoke."}}}
	reh := svc.Rehearse()
	var results []ingest.Result
	for _, in := range []ingest.Input{first, second} {
		c, err := ingest.Check(in)
		if err != nil {
			t.Fatal(err)
		}
		res, err := reh.Plan(t.Context(), c)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	wantUnchanged(t, s, before)
	if got := entityIDs(results[0].Created); !slices.Equal(got, []string{"person:morris-tidball-binz"}) {
		t.Errorf("first input creates %v, want Tidball-Binz", got)
	}
	if len(results[1].Created) != 0 || results[1].RelationsCreated != 0 || results[1].RelationsCorroborated != 1 {
		t.Errorf("second input: created %v, %d relations created, %d corroborated; want it to match and corroborate what the first planned",
			entityIDs(results[1].Created), results[1].RelationsCreated, results[1].RelationsCorroborated)
	}
	if ev := results[1].CorroboratedRelations; len(ev) != 1 || len(ev[0].Evidence) != 2 {
		t.Errorf("second input's relation = %v, want the evidence of both inputs", ev)
	}
}
