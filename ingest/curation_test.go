package ingest_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// curationText is the document of the curation tests.
const curationText = "Claudia Sheinbaum criticised Donald Trump. Trump met Trump's envoy. Tidball-Binz spoke. Sheinbaun replied."

// curationInput is an input about curationText with the given entities
// and relations.
func curationInput(entities []ingest.EntityInput, relations ...ingest.RelationInput) ingest.Input {
	return ingest.Input{
		Document:  ingest.DocumentInput{Title: "Curation", PublishedAt: newsgraph.MustParseDate("2025-11-20"), Text: curationText},
		Entities:  entities,
		Relations: relations,
	}
}

var (
	refSheinbaum = ingest.EntityInput{Ref: "cs", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum"}
	refTrump     = ingest.EntityInput{Ref: "dt", Kind: newsgraph.KindPerson, Name: "Donald Trump"}
	refTrump2    = ingest.EntityInput{Ref: "trump", Kind: newsgraph.KindPerson, Name: "Trump"}
	refMexico    = ingest.EntityInput{Ref: "mx", Kind: newsgraph.KindPlace, Name: "Mexico"}
)

// warningCodes returns the codes of ws, in order.
func warningCodes(ws []ingest.Warning) []ingest.WarningCode {
	codes := make([]ingest.WarningCode, len(ws))
	for i, w := range ws {
		codes[i] = w.Code
	}
	return codes
}

// wantUnchanged fails tb unless s holds the graph before describes.
func wantUnchanged(tb testing.TB, s newsgraph.Store, before []ingest.Input) {
	tb.Helper()
	if after := snapshot(tb, s); !reflect.DeepEqual(after, before) {
		tb.Errorf("the store changed: %d export lines before, %d after", len(before), len(after))
	}
}

func TestRelationTypesFollowTheVocabulary(t *testing.T) {
	rel := func(typ, from, to string) ingest.RelationInput {
		return ingest.RelationInput{Type: typ, From: from, To: to, Quotes: []string{"Claudia Sheinbaum criticised Donald Trump"}}
	}
	tests := []struct {
		name         string
		rel          ingest.RelationInput
		strict       bool
		wantType     string
		wantWarnings []ingest.WarningCode
		wantErr      string // with strict: the rejection
	}{
		{name: "Known", rel: rel("CRITICIZED", "cs", "dt"), wantType: "CRITICIZED"},
		{name: "BritishSpelling", rel: rel("CRITICISED", "cs", "dt"), wantType: "CRITICIZED", wantWarnings: []ingest.WarningCode{ingest.WarnRelationTypeMapped}},
		{name: "Synonym", rel: rel("CONDEMNED", "cs", "dt"), wantType: "DENOUNCED", wantWarnings: []ingest.WarningCode{ingest.WarnRelationTypeMapped}},
		{name: "Unknown", rel: rel("SCOLDED", "cs", "dt"), wantType: "SCOLDED", wantWarnings: []ingest.WarningCode{ingest.WarnRelationTypeUnknown}},
		{name: "Kinds", rel: rel("MET_WITH", "cs", "mx"), wantType: "MET_WITH", wantWarnings: []ingest.WarningCode{ingest.WarnRelationKinds}},
		{name: "StrictKnown", rel: rel("CRITICISED", "cs", "dt"), strict: true, wantType: "CRITICIZED", wantWarnings: []ingest.WarningCode{ingest.WarnRelationTypeMapped}},
		{name: "StrictUnknown", rel: rel("SCOLDED", "cs", "dt"), strict: true, wantErr: "relations[0] (SCOLDED cs -> dt): type SCOLDED is not in the relation vocabulary"},
		{name: "StrictKinds", rel: rel("MET_WITH", "cs", "mx"), strict: true, wantErr: "MET_WITH cannot go to a PLACE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			var opts []ingest.Option
			if tt.strict {
				opts = append(opts, ingest.StrictVocabulary())
			}
			svc := ingest.New(s, opts...)
			in := curationInput([]ingest.EntityInput{refSheinbaum, refTrump, refMexico}, tt.rel)
			before := snapshot(t, s)
			res, err := svc.Ingest(t.Context(), in)
			if tt.wantErr != "" {
				if got := newsgraph.ErrorCode(err); got != newsgraph.Invalid || !strings.Contains(newsgraph.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("Ingest = %v (%s), want Invalid %q", err, got, tt.wantErr)
				}
				wantUnchanged(t, s, before)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := warningCodes(res.Warnings); !slices.Equal(got, tt.wantWarnings) {
				t.Errorf("warnings = %v (%v), want %v", got, res.Warnings, tt.wantWarnings)
			}
			if len(res.CreatedRelations) != 1 || res.CreatedRelations[0].Type != tt.wantType {
				t.Fatalf("created relations = %v, want one of type %s", relationIDs(res.CreatedRelations), tt.wantType)
			}
			mustRelation(t, s, res.CreatedRelations[0].ID)
		})
	}
}

func TestSelfLoopsNeedATypeThatAllowsThem(t *testing.T) {
	quote := []string{"Trump met Trump's envoy"}
	tests := []struct {
		name     string
		entities []ingest.EntityInput
		rel      ingest.RelationInput
		wantErr  string
	}{
		{"SameRef", []ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "dt", Quotes: quote},
			"relations[0] (MET_WITH dt -> dt): both ends are person:donald-trump: MET_WITH does not allow"},
		{"RefsResolvingToOne", []ingest.EntityInput{refTrump, {Ref: "t", Kind: newsgraph.KindPerson, Name: "Donald  TRUMP"}},
			ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "t", Quotes: quote}, "both ends resolve to person:donald-trump"},
		{"UnknownType", []ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "PRAISED", From: "dt", To: "dt", Quotes: quote}, "PRAISED does not allow"},
		{"Allowed", []ingest.EntityInput{refTrump}, ingest.RelationInput{Type: "CRITICIZED", From: "dt", To: "dt", Quotes: quote}, ""},
		// As an export writes a self-loop that merging made: meant.
		{"ByIDAsExportWritesIt", []ingest.EntityInput{{Ref: "person:trump", ID: "person:trump", Kind: newsgraph.KindPerson, Name: "Trump"}},
			ingest.RelationInput{Type: "MET_WITH", From: "person:trump", To: "person:trump", Quotes: quote}, ""},
		{"RefNamedLikeAnotherID", []ingest.EntityInput{{Ref: "person:trump", Kind: newsgraph.KindPerson, Name: "Donald Trump"}},
			ingest.RelationInput{Type: "MET_WITH", From: "person:trump", To: "person:trump", Quotes: quote}, "both ends are person:donald-trump"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			svc := ingest.New(s)
			before := snapshot(t, s)
			res, err := svc.Ingest(t.Context(), curationInput(tt.entities, tt.rel))
			if tt.wantErr == "" {
				if err != nil || res.RelationsCreated != 1 {
					t.Fatalf("Ingest = %d created, %v; want 1 created", res.RelationsCreated, err)
				}
				return
			}
			if got := newsgraph.ErrorCode(err); got != newsgraph.Invalid || !strings.Contains(newsgraph.ErrorMessage(err), tt.wantErr) {
				t.Fatalf("Ingest = %v (%s), want Invalid %q", err, got, tt.wantErr)
			}
			wantUnchanged(t, s, before)
		})
	}
}

func TestAStoredSelfLoopCanBeCorroborated(t *testing.T) {
	s := openStore(t)
	svc := ingest.New(s)
	mustIngest(t, svc, curationInput([]ingest.EntityInput{refTrump, refTrump2}))
	// A self-loop as merging entities makes one, written to the store directly.
	loop := &newsgraph.Relation{Type: "MET_WITH", From: "person:donald-trump", To: "person:donald-trump",
		Evidence: []newsgraph.Evidence{{Quote: "Trump met", DocumentID: ingest.DocumentID(curationText)}}}
	if _, err := s.Upsert(t.Context(), newsgraph.Batch{Relations: []*newsgraph.Relation{loop}}); err != nil {
		t.Fatal(err)
	}
	res := mustIngest(t, svc, curationInput([]ingest.EntityInput{refTrump},
		ingest.RelationInput{Type: "MET_WITH", From: "dt", To: "dt", Quotes: []string{"Trump met Trump's envoy"}}))
	if res.RelationsCorroborated != 1 {
		t.Errorf("corroborated = %d, want 1", res.RelationsCorroborated)
	}
}

func TestPossibleDuplicatesAreWarnedAbout(t *testing.T) {
	s := openStore(t)
	svc := ingest.New(s)
	mustIngest(t, svc, curationInput([]ingest.EntityInput{refSheinbaum, {Ref: "m", Kind: newsgraph.KindPerson, Name: "Morris Tidball-Binz"},
		{Ref: "h", Kind: newsgraph.KindPerson, Name: "Harfuch"}}))
	in := curationInput([]ingest.EntityInput{
		{Ref: "tb", Kind: newsgraph.KindPerson, Name: "Tidball-Binz"},
		{Ref: "typo", Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaun"},
		{Ref: "cs", Kind: newsgraph.KindPerson, Name: "Ms Sheinbaum"}, // "Sheinbaum", a word of her name
		{Ref: "org", Kind: newsgraph.KindOrganization, Name: "Tidball-Binz"},
		{Ref: "given", ID: "person:binz", Kind: newsgraph.KindPerson, Name: "Binz"},
		{Ref: "full", Kind: newsgraph.KindPerson, Name: "Omar García Harfuch"}, // a fuller form of Harfuch
	})
	dry, err := svc.DryRun(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	res := mustIngest(t, svc, in)
	for _, r := range []ingest.Result{dry, res} {
		var got []string
		for _, w := range r.Warnings {
			if w.Code == ingest.WarnPossibleDuplicate {
				got = append(got, w.Item+" "+strings.Join(w.IDs, " "))
			}
		}
		want := []string{
			`entities[0] (ref "tb") person:tidball-binz person:morris-tidball-binz`,
			`entities[1] (ref "typo") person:claudia-sheinbaun person:claudia-sheinbaum`,
			`entities[2] (ref "cs") person:sheinbaum person:claudia-sheinbaum`,
			`entities[5] (ref "full") person:omar-garcia-harfuch person:harfuch`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("dry run %v: duplicate warnings = %q, want %q", r.DryRun, got, want)
		}
	}
	quiet := ingest.New(s, ingest.WithoutDuplicateWarnings())
	if res, err := quiet.DryRun(t.Context(), curationInput([]ingest.EntityInput{{Ref: "x", Kind: newsgraph.KindPerson, Name: "Sheinbaun Claudia"}})); err != nil || len(res.Warnings) != 0 {
		t.Errorf("WithoutDuplicateWarnings: DryRun = %v, %v; want no warnings", res.Warnings, err)
	}
}

func TestQuotesMatchAfterFoldingAndRecordTheTextsSpan(t *testing.T) {
	const text = "“Cooperation, yes; subordination, never,” Sheinbaum’s aide said — twice.\n\nLópez  agreed."
	doc := ingest.DocumentInput{Title: "Quotes", PublishedAt: newsgraph.MustParseDate("2025-11-20"), Text: text}
	entities := []ingest.EntityInput{refSheinbaum, refTrump}
	tests := []struct {
		name, quote string
		wantSpan    string
		wantFolded  bool
		wantErr     string
	}{
		{name: "Verbatim", quote: "Sheinbaum’s aide", wantSpan: "Sheinbaum’s aide"},
		{name: "StraightQuotesAndApostrophe", quote: `"Cooperation, yes; subordination, never," Sheinbaum's aide`,
			wantSpan: "“Cooperation, yes; subordination, never,” Sheinbaum’s aide", wantFolded: true},
		{name: "DashAndSpaces", quote: "said - twice. López agreed", wantSpan: "said — twice.\n\nLópez  agreed", wantFolded: true},
		{name: "Closest", quote: `"Cooperation, yes; submission, never"`,
			wantErr: `relations[0] (CRITICIZED cs -> dt): quote "\"Cooperation, yes; submission, never\"" is not in the document text; the closest span, at character 0, differs at "ordination`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			svc := ingest.New(s)
			in := ingest.Input{Document: doc, Entities: entities,
				Relations: []ingest.RelationInput{{Type: "CRITICIZED", From: "cs", To: "dt", Quotes: []string{tt.quote}}}}
			before := snapshot(t, s)
			res, err := svc.Ingest(t.Context(), in)
			if tt.wantErr != "" {
				if newsgraph.ErrorCode(err) != newsgraph.Invalid || !strings.Contains(newsgraph.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("Ingest = %v, want Invalid %q", err, tt.wantErr)
				}
				wantUnchanged(t, s, before)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			rel := mustRelation(t, s, res.CreatedRelations[0].ID)
			ev := rel.Evidence[0]
			if ev.Quote != tt.wantSpan || string(utf16.Decode(utf16.Encode([]rune(text))[ev.Start:ev.End])) != tt.wantSpan {
				t.Errorf("evidence = %+v, want the span %q at its offsets", ev, tt.wantSpan)
			}
			folded := slices.Contains(warningCodes(res.Warnings), ingest.WarnQuoteFolded)
			if folded != tt.wantFolded {
				t.Errorf("warnings = %v, want QUOTE_FOLDED %v", res.Warnings, tt.wantFolded)
			}
			// The same quote again, as given, corroborates nothing.
			if again := mustIngest(t, svc, in); again.RelationsCorroborated+again.RelationsCreated != 0 {
				t.Errorf("ingesting again: %d created, %d corroborated; want none", again.RelationsCreated, again.RelationsCorroborated)
			}
		})
	}
}
