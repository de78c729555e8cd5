package graph_test

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph"
)

const dryRunMutation = `mutation($input: IngestInput!) { ingestDocument(input: $input, dryRun: true) {
	dryRun
	document { id }
	created { id name }
	resolutions { ref id created }
	warnings { code item message ids }
	relationsCreated relationsCorroborated
	createdRelations { id type from { name } to { name } }
	corroboratedRelations { id evidenceCount }
} }`

// dryRunResult is the data of dryRunMutation.
type dryRunResult struct {
	IngestDocument struct {
		DryRun      bool
		Document    struct{ ID string }
		Created     []struct{ ID, Name string }
		Resolutions []struct {
			Ref, ID string
			Created bool
		}
		Warnings []struct {
			Code, Item, Message string
			IDs                 []string
		}
		RelationsCreated, RelationsCorroborated int
		CreatedRelations                        []struct {
			ID, Type string
			From, To struct{ Name string }
		}
		CorroboratedRelations []struct {
			ID            string
			EvidenceCount int
		}
	}
}

// seedStats returns the graph's counts.
func seedStats(tb testing.TB, a writeAPI) (entities, relations, documents int) {
	tb.Helper()
	var stats struct {
		Stats struct{ Entities, Relations, Documents int }
	}
	a.query(tb, `{ stats { entities relations documents } }`, nil, &stats)
	return stats.Stats.Entities, stats.Stats.Relations, stats.Stats.Documents
}

func TestIngestDryRunReportsAndWritesNothing(t *testing.T) {
	var logs lockedBuffer
	a := seedWriteAPI(t, graph.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	e0, r0, d0 := seedStats(t, a)
	changes := a.broker.Subscribe(t.Context(), events.Filter{})
	var got dryRunResult
	a.mutate(t, a.keys.write, dryRunMutation, map[string]any{"input": secondArticle()}, &got)
	res := got.IngestDocument
	if !res.DryRun || res.Document.ID != secondDocID {
		t.Errorf("dryRun %v, document %q; want true, %s", res.DryRun, res.Document.ID, secondDocID)
	}
	wantResolutions := []string{"trump person:donald-trump false", "sheinbaum person:claudia-sheinbaum false", "senate organization:mexican-senate true"}
	for i, r := range res.Resolutions {
		if got := strings.Join([]string{r.Ref, r.ID, map[bool]string{true: "true", false: "false"}[r.Created]}, " "); i >= len(wantResolutions) || got != wantResolutions[i] {
			t.Errorf("resolutions[%d] = %q, want %q", i, got, wantResolutions)
		}
	}
	if res.RelationsCreated != 1 || res.RelationsCorroborated != 2 {
		t.Errorf("relations created %d, corroborated %d; want 1, 2", res.RelationsCreated, res.RelationsCorroborated)
	}
	// The new entity is not stored, yet the planned relation's ends resolve.
	if len(res.CreatedRelations) != 1 || res.CreatedRelations[0].From.Name != "Mexican Senate" || res.CreatedRelations[0].To.Name != "Claudia Sheinbaum" {
		t.Errorf("created relations = %+v, want the Senate's SUPPORTS of Sheinbaum", res.CreatedRelations)
	}
	for _, rel := range res.CorroboratedRelations {
		if rel.EvidenceCount < 2 {
			t.Errorf("corroborated %s has %d evidence items, want the stored ones and the new one", rel.ID, rel.EvidenceCount)
		}
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Code != "RELATION_TYPE_UNKNOWN" || !strings.Contains(res.Warnings[0].Item, "SUPPORTS senate -> sheinbaum") {
		t.Errorf("warnings = %+v, want SUPPORTS as an unknown type", res.Warnings)
	}
	if e, r, d := seedStats(t, a); e != e0 || r != r0 || d != d0 {
		t.Errorf("stats after a dry run = %d, %d, %d; want %d, %d, %d", e, r, d, e0, r0, d0)
	}
	if strings.Contains(logs.String(), "mutation=ingestDocument") {
		t.Errorf("a dry run was logged as a write:\n%s", logs.String())
	}
	select { // Publish delivers before the mutation returns
	case c := <-changes:
		t.Errorf("a dry run published %s", c.Kind)
	default:
	}
	// The real ingest then does what the dry run said.
	var real ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &real)
	if r := real.IngestDocument; r.RelationsCreated != 1 || r.RelationsCorroborated != 2 || len(r.Created) != 1 || r.Created[0].ID != "organization:mexican-senate" {
		t.Errorf("ingest after the dry run = %+v, want what the dry run reported", r)
	}
}

func TestStrictVocabularyRejectsUnknownTypes(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{StrictVocabulary: true})
	e0, r0, d0 := seedStats(t, a)
	for _, dryRun := range []bool{true, false} {
		resp, _ := a.postAs(t, a.keys.write, `mutation($input: IngestInput!, $dry: Boolean) { ingestDocument(input: $input, dryRun: $dry) { dryRun } }`,
			map[string]any{"input": secondArticle(), "dry": dryRun})
		if got := errorCode(resp); got != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "type SUPPORTS is not in the relation vocabulary") {
			t.Errorf("dry run %v: %+v, want BAD_USER_INPUT naming SUPPORTS", dryRun, resp.Errors)
		}
	}
	if e, r, d := seedStats(t, a); e != e0 || r != r0 || d != d0 {
		t.Errorf("stats after rejected ingests = %d, %d, %d; want %d, %d, %d", e, r, d, e0, r0, d0)
	}
}

func TestRelationVocabulary(t *testing.T) {
	a := seedAPI(t)
	var got struct {
		RelationVocabulary []struct {
			Type, Description  string
			Inverse            *string
			Synonyms           []string
			FromKinds, ToKinds []string
			AllowsSelfLoop     bool
		}
	}
	a.query(t, `{ relationVocabulary { type description inverse synonyms fromKinds toKinds allowsSelfLoop } }`, nil, &got)
	vocab := newsgraph.Vocabulary()
	if len(got.RelationVocabulary) != len(vocab) {
		t.Fatalf("%d types, want %d", len(got.RelationVocabulary), len(vocab))
	}
	for i, v := range got.RelationVocabulary {
		want := vocab[i]
		inverse := ""
		if v.Inverse != nil {
			inverse = *v.Inverse
		}
		if v.Type != want.Type || v.Description != want.Description || inverse != want.Inverse || v.AllowsSelfLoop != want.AllowsSelfLoop ||
			len(v.Synonyms) != len(want.Synonyms) || len(v.FromKinds) != len(want.From) || len(v.ToKinds) != len(want.To) {
			t.Errorf("relationVocabulary[%d] = %+v, want %+v", i, v, want)
		}
		if want.Inverse == "" && v.Inverse != nil {
			t.Errorf("%s: inverse = %q, want null", v.Type, *v.Inverse)
		}
	}
}
