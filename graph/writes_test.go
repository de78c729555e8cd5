package graph_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/graph"
)

func TestMutationsNeedAKeyOfTheirScope(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	const (
		ingest      = `mutation($input: IngestInput!) { ingestDocument(input: $input) { relationsCreated } }`
		merge       = `mutation { mergeEntities(into: "person:donald-trump", from: ["person:claudia-sheinbaum"]) { id } }`
		delRelation = `mutation { deleteRelation(id: "person:donald-trump|CLAIMS|claim:every-boat-knocked-out-saves-25-000-american-lives") }`
		delEntity   = `mutation { deleteEntity(id: "person:donald-trump") { relationsDeleted } }`
	)
	vars := map[string]any{"input": secondArticle()}
	tests := []struct {
		name, key, query string
		want             string
	}{
		{"ingest without a key", "", ingest, "UNAUTHENTICATED"},
		{"ingest with a read key", a.keys.read, ingest, "FORBIDDEN"},
		{"merge without a key", "", merge, "UNAUTHENTICATED"},
		{"merge with a write key", a.keys.write, merge, "FORBIDDEN"},
		{"deleteRelation with a read key", a.keys.read, delRelation, "FORBIDDEN"},
		{"deleteRelation with a write key", a.keys.write, delRelation, "FORBIDDEN"},
		{"deleteEntity without a key", "", delEntity, "UNAUTHENTICATED"},
		{"deleteEntity with a write key", a.keys.write, delEntity, "FORBIDDEN"},
		{"an unknown key", "ngk_unknown_secret", ingest, "UNAUTHENTICATED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := a.postAs(t, tt.key, tt.query, vars)
			if got := errorCode(resp); got != tt.want {
				t.Errorf("code = %q, want %q (%+v)", got, tt.want, resp.Errors)
			}
		})
	}
	var stats struct {
		Stats struct{ Entities, Relations, Documents int }
	}
	a.query(t, `{ stats { entities relations documents } }`, nil, &stats)
	if got, want := stats.Stats.Documents, 1; got != want {
		t.Errorf("documents after refused writes = %d, want %d", got, want)
	}
	if got, want := stats.Stats.Relations, 116; got != want {
		t.Errorf("relations after refused writes = %d, want %d", got, want)
	}
}

func TestWithoutKeysTheAPIIsReadOnly(t *testing.T) {
	a := seedAPI(t)
	resp, _ := a.postAs(t, "", `mutation($input: IngestInput!) { ingestDocument(input: $input) { relationsCreated } }`,
		map[string]any{"input": secondArticle()})
	if got, want := errorCode(resp), "UNAUTHENTICATED"; got != want {
		t.Errorf("code = %q, want %q", got, want)
	}
	var data struct{ Entity struct{ ID string } }
	a.query(t, `{ entity(id: "person:donald-trump") { id } }`, nil, &data)
	if got, want := data.Entity.ID, trump; got != want {
		t.Errorf("read without a key: id = %q, want %q", got, want)
	}
}

func TestRequireKeyForReads(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{RequireKeyForReads: true})
	const query = `{ entity(id: "person:donald-trump") { id } }`
	resp, status := a.postAs(t, "", query, nil)
	if got, want := status, http.StatusUnauthorized; got != want {
		t.Errorf("status without a key = %d, want %d", got, want)
	}
	if got, want := errorCode(resp), "UNAUTHENTICATED"; got != want {
		t.Errorf("code without a key = %q, want %q", got, want)
	}
	resp, status = a.postAs(t, a.keys.read, query, nil)
	if status != http.StatusOK || len(resp.Errors) > 0 {
		t.Errorf("read key: status %d, errors %+v", status, resp.Errors)
	}
}

func TestIngestSecondArticle(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	var got ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &got)
	res := got.IngestDocument
	if res.Document.ID != secondDocID || res.Document.PublishedAt != secondDocDate {
		t.Errorf("document = %+v", res.Document)
	}
	if len(res.Created) != 1 || res.Created[0].Kind != "ORGANIZATION" || res.Created[0].Name != "Mexican Senate" {
		t.Errorf("created = %+v, want the Mexican Senate only", res.Created)
	}
	var matched []string
	for _, m := range res.Matched {
		matched = append(matched, m.ID)
	}
	if !slices.Contains(matched, trump) || !slices.Contains(matched, sheinbaum) {
		t.Errorf("matched = %v, want %s and %s among them", matched, trump, sheinbaum)
	}
	if got, want := res.RelationsCreated, 1; got != want {
		t.Errorf("relationsCreated = %d, want %d", got, want)
	}
	if got, want := res.RelationsCorroborated, 2; got != want {
		t.Errorf("relationsCorroborated = %d, want %d", got, want)
	}
	for _, rel := range res.CorroboratedRelations {
		if rel.Corroboration != 2 || rel.FirstReported != "2025-11-18" || rel.LastReported != secondDocDate {
			t.Errorf("corroborated relation %+v: want corroboration 2, reported 2025-11-18..%s", rel, secondDocDate)
		}
	}

	// Ingesting the same document again changes nothing.
	var again ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &again)
	if r := again.IngestDocument; len(r.Created) != 0 || r.RelationsCreated != 0 || r.RelationsCorroborated != 0 {
		t.Errorf("second ingest = %+v, want nothing created or corroborated", r)
	}
	var stats struct {
		Stats struct{ Entities, Relations, Documents int }
	}
	a.query(t, `{ stats { entities relations documents } }`, nil, &stats)
	if got, want := stats.Stats.Relations, 117; got != want {
		t.Errorf("relations = %d, want %d (no duplicates)", got, want)
	}
	if got, want := stats.Stats.Documents, 2; got != want {
		t.Errorf("documents = %d, want %d", got, want)
	}

	// Entity.documents and firstSeen.
	var ents struct {
		Sheinbaum, Senate struct {
			Documents []struct{ ID string }
			FirstSeen string
		}
	}
	senate := res.Created[0].ID
	a.query(t, `query($senate: ID!) {
		sheinbaum: entity(id: "person:claudia-sheinbaum") { documents { id } firstSeen }
		senate: entity(id: $senate) { documents { id } firstSeen } }`, map[string]any{"senate": senate}, &ents)
	if got, want := len(ents.Sheinbaum.Documents), 2; got != want {
		t.Errorf("Sheinbaum's documents = %+v, want %d", ents.Sheinbaum.Documents, want)
	}
	if got, want := ents.Sheinbaum.FirstSeen, "2025-11-18"; got != want {
		t.Errorf("Sheinbaum firstSeen = %q, want %q", got, want)
	}
	if len(ents.Senate.Documents) != 1 || ents.Senate.Documents[0].ID != secondDocID || ents.Senate.FirstSeen != secondDocDate {
		t.Errorf("Senate documents %+v, firstSeen %q; want only %s, %s", ents.Senate.Documents, ents.Senate.FirstSeen, secondDocID, secondDocDate)
	}
}

func TestIngestRejectsAnInvalidDocumentWhole(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	input := secondArticle()
	rels := input["relations"].([]any)
	rels[2].(map[string]any)["quotes"] = []string{"a quote the text does not hold"}
	resp, _ := a.postAs(t, a.keys.write, ingestMutation, map[string]any{"input": input})
	if got, want := errorCode(resp), "BAD_USER_INPUT"; got != want {
		t.Fatalf("code = %q, want %q (%+v)", got, want, resp.Errors)
	}
	var stats struct {
		Stats struct{ Entities, Relations, Documents int }
	}
	a.query(t, `{ stats { entities relations documents } }`, nil, &stats)
	if stats.Stats.Documents != 1 || stats.Stats.Relations != 116 || stats.Stats.Entities != 67 {
		t.Errorf("stats after a rejected ingest = %+v, want the seed's (1, 116, 67)", stats.Stats)
	}
}

func TestUpsertMergeAndDelete(t *testing.T) {
	a := seedWriteAPI(t, graph.Config{})
	var ingested ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &ingested)
	senate := ingested.IngestDocument.Created[0].ID

	var upserted struct {
		UpsertEntity struct {
			Entity  struct{ ID string }
			Created bool
		}
	}
	a.mutate(t, a.keys.write, `mutation { upsertEntity(input: {ref: "x", id: "person:djt", kind: PERSON, name: "DJT"}) { entity { id } created } }`, nil, &upserted)
	if !upserted.UpsertEntity.Created || upserted.UpsertEntity.Entity.ID != "person:djt" {
		t.Fatalf("upsertEntity = %+v", upserted.UpsertEntity)
	}
	var rel struct {
		UpsertRelation struct {
			Relation struct {
				ID            string
				Corroboration int
			}
			Created bool
		}
	}
	a.mutate(t, a.keys.write, `mutation($doc: ID!) { upsertRelation(documentId: $doc, input: {type: "CONSIDERED", from: "person:djt",
		to: "legal-concept:foreign-military-intervention", quotes: ["strikes on cartels remained an option"]}) { relation { id corroboration } created } }`,
		map[string]any{"doc": secondDocID}, &rel)
	if !rel.UpsertRelation.Created || rel.UpsertRelation.Relation.ID != "person:djt|CONSIDERED|legal-concept:foreign-military-intervention" {
		t.Fatalf("upsertRelation = %+v", rel.UpsertRelation)
	}

	const merge = `mutation { mergeEntities(into: "person:donald-trump", from: ["person:djt"]) { id aliases } }`
	var merged struct {
		MergeEntities struct {
			ID      string
			Aliases []string
		}
	}
	a.mutate(t, a.keys.admin, merge, nil, &merged)
	if merged.MergeEntities.ID != trump || !slices.Contains(merged.MergeEntities.Aliases, "DJT") {
		t.Errorf("merge survivor = %+v, want %s with alias DJT", merged.MergeEntities, trump)
	}
	a.mutate(t, a.keys.admin, merge, nil, &merged) // idempotent
	var after struct {
		Old          struct{ ID string }
		MergeHistory []struct {
			Into  string
			From  []string
			Actor string
		}
		Relations struct {
			Edges []struct {
				Node struct {
					ID            string
					Corroboration int
				}
			}
		}
	}
	a.query(t, `{ old: entity(id: "person:djt") { id } mergeHistory(id: "person:djt") { into from actor }
		relations(filter: {from: "person:donald-trump", types: ["CONSIDERED"], to: "legal-concept:foreign-military-intervention"}) { edges { node { id corroboration } } } }`, nil, &after)
	if got, want := after.Old.ID, trump; got != want {
		t.Errorf("entity(id: merged id) = %q, want the survivor %q", got, want)
	}
	adminKeyID, _, err := auth.ParseKey(a.keys.admin)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.MergeHistory) != 1 || after.MergeHistory[0].Actor != adminKeyID || !slices.Equal(after.MergeHistory[0].From, []string{"person:djt"}) {
		t.Errorf("mergeHistory = %+v, want one merge of person:djt by %s", after.MergeHistory, adminKeyID)
	}
	if len(after.Relations.Edges) != 1 || after.Relations.Edges[0].Node.Corroboration != 2 {
		t.Errorf("merged CONSIDERED relation = %+v, want one with corroboration 2", after.Relations.Edges)
	}

	var deleted struct {
		DeleteEntity struct {
			ID               string
			RelationsDeleted int
		}
	}
	a.mutate(t, a.keys.admin, `mutation($id: ID!) { deleteEntity(id: $id) { id relationsDeleted } }`, map[string]any{"id": senate}, &deleted)
	if got, want := deleted.DeleteEntity.RelationsDeleted, 1; got != want {
		t.Errorf("relationsDeleted = %d, want %d", got, want)
	}
	const delRelation = `mutation { deleteRelation(id: "person:claudia-sheinbaum|CLAIMS|claim:no-us-military-intervention-will-happen-in-mexico") }`
	var ok struct{ DeleteRelation bool }
	a.mutate(t, a.keys.admin, delRelation, nil, &ok)
	if !ok.DeleteRelation {
		t.Error("deleteRelation = false")
	}
	resp, _ := a.postAs(t, a.keys.admin, delRelation, nil)
	if got, want := errorCode(resp), "NOT_FOUND"; got != want {
		t.Errorf("deleting again: code = %q, want %q", got, want)
	}
	var stats struct {
		Stats struct{ Entities, Relations int }
	}
	a.query(t, `{ stats { entities relations } }`, nil, &stats)
	// The seed's 67 entities and 116 relations, plus the Senate and its
	// SUPPORTS relation (deleted), DJT (merged), and the relations of
	// the article (one deleted).
	if got, want := stats.Stats.Entities, 67; got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
	if got, want := stats.Stats.Relations, 115; got != want {
		t.Errorf("relations = %d, want %d", got, want)
	}
}
