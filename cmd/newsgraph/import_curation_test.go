package main_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// stats returns the counts of the home's store, which it closes.
func (h graphHome) stats(t *testing.T) newsgraph.Stats {
	t.Helper()
	s := h.open(t)
	defer s.Close()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestImportReportsCurationErrorsClearly(t *testing.T) {
	good := line(t, smallDoc("doc:one", "Trump threatened Mexico again.", "Trump threatened Mexico"))
	pretty, err := json.MarshalIndent(smallDoc("doc:two", "Once more Trump threatened Mexico.", "Trump threatened Mexico"), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	prettyLines := strings.Count(string(pretty), "\n") + 1
	badDate := strings.Replace(line(t, smallDoc("doc:three", "Trump threatened Mexico twice.", "Trump threatened Mexico")), `"2025-11-20"`, `"20 November 2025"`, 1)
	selfLoop := smallDoc("doc:four", "Trump met Trump.", "Trump met Trump")
	selfLoop.Relations[0] = ingest.RelationInput{Type: "MET_WITH", From: "a", To: "a", Quotes: []string{"Trump met Trump"}}
	unknown := smallDoc("doc:five", "Trump scolded Mexico.", "Trump scolded Mexico")
	unknown.Relations[0].Type = "SCOLDED"
	tests := []struct {
		name       string
		input      string
		args       []string
		wantStdout []string
		wantStderr []string
		wantDocs   int
	}{
		{
			name:  "PrettyPrinted",
			input: good + "\n" + string(pretty) + "\n",
			wantStdout: []string{"imported 1 of 2 lines", "rejected: 1 lines",
				"line 2: lines 2-" + strconv.Itoa(1+prettyLines) + " hold one JSON object pretty-printed over " + strconv.Itoa(prettyLines) + " lines: the import format is one JSON object per line"},
			wantDocs: 1,
		},
		{
			name:       "PrettyPrintedAtTheEndWithoutNewline",
			input:      string(pretty),
			wantStdout: []string{"imported 0 of 1 lines", "one JSON object per line"},
		},
		{
			name:       "BadDate",
			input:      badDate + "\n" + good + "\n",
			wantStdout: []string{`line 1: ingest: document.publishedAt: invalid date "20 November 2025": want YYYY-MM-DD`, "imported 1 of 2 lines"},
			wantDocs:   1,
		},
		{
			name:       "SelfLoop",
			input:      line(t, selfLoop) + "\n",
			wantStdout: []string{"imported 0 of 1 lines", "both ends are person:trump: MET_WITH does not allow a relation from an entity to itself"},
		},
		{
			name:       "UnknownTypeWarns",
			input:      line(t, unknown) + "\n",
			wantStdout: []string{"imported 1 of 1 lines", "warnings: 1 (", "RELATION_TYPE_UNKNOWN 1"},
			wantStderr: []string{"line 1 warning RELATION_TYPE_UNKNOWN: relations[0] (SCOLDED a -> b): type SCOLDED is not in the relation vocabulary"},
			wantDocs:   1,
		},
		{
			name:       "UnknownTypeStrict",
			input:      line(t, unknown) + "\n",
			args:       []string{"--strict-vocabulary"},
			wantStdout: []string{"imported 0 of 1 lines", "type SCOLDED is not in the relation vocabulary"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := newGraphHome(t)
			stdout, stderr, _ := home.run(t, []byte(tt.input), append([]string{"import", "-"}, tt.args...)...)
			for _, want := range tt.wantStdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, want := range tt.wantStderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if got := strings.Count(stdout, "\n  line "); got > 1 {
				t.Errorf("%d rejections listed, want at most one:\n%s", got, stdout)
			}
			if st := home.stats(t); st.Documents != tt.wantDocs {
				t.Errorf("documents = %d, want %d: a rejected line wrote something", st.Documents, tt.wantDocs)
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	home := newGraphHome(t)
	if _, stderr, code := home.run(t, nil, "seed"); code != 0 {
		t.Fatalf("seed: %s", stderr)
	}
	before := home.stats(t)
	// The second line names the Security Cabinet the first would create.
	again := `{"document":{"title":"t","publishedAt":"2025-11-21","text":"The Mexican Security Cabinet met."},` +
		`"entities":[{"ref":"c","kind":"ORGANIZATION","name":"Mexican Security Cabinet"},{"ref":"cs","kind":"PERSON","name":"Sheinbaum"}],` +
		`"relations":[{"type":"LEADS","from":"cs","to":"c","quotes":["The Mexican Security Cabinet met."]}]}`
	input := append(secondArticleLine(t), []byte(again+"\n")...)
	stdout, stderr, code := home.run(t, input, "import", "--dry-run", "-")
	if code != 0 {
		t.Fatalf("import --dry-run exited %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"dry run: nothing was written", "would import 2 of 2 lines",
		"entity sheinbaum -> person:claudia-sheinbaum (matched)",
		"entity harfuch -> person:omar-garcia-harfuch (new)",
		"line 2: document doc:",
		"entity c -> organization:mexican-security-cabinet (matched)", // planned by line 1
		"relation person:claudia-sheinbaum|LEADS|organization:mexican-security-cabinet: created",
		": corroborated (2 documents)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if after := home.stats(t); after.Documents != before.Documents || after.Entities != before.Entities || after.Relations != before.Relations {
		t.Errorf("stats after a dry run = %+v, want %+v", after, before)
	}
}
