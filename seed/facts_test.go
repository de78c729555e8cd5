package seed_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestAnalystFacts spot-checks facts an analyst reading the article expects
// to find in the graph, each with a quote that supports it.
func TestAnalystFacts(t *testing.T) {
	tests := []struct {
		name          string
		from, typ, to string
		quote         string // a substring of one of the relation's quotes
		validFrom     string
	}{
		{"Sheinbaum rejects US military intervention", "person:claudia-sheinbaum", "REJECTS", "legal-concept:foreign-military-intervention", "We do not accept an intervention", ""},
		{"Trump threatens Mexico", "person:donald-trump", "THREATENS", "place:mexico", "land-based targets in Mexico", ""},
		{"López Obrador preceded Sheinbaum", "person:andres-manuel-lopez-obrador", "PRECEDED", "person:claudia-sheinbaum", "predecessor", ""},
		{"CDC data contradict the 25,000 claim", "claim:fatal-drug-overdoses-declined-to-73-960-deaths-in-12-months", "CONTRADICTS", "claim:every-boat-knocked-out-saves-25-000-american-lives", "73,960", ""},
		{"Trump makes the 25,000 claim", "person:donald-trump", "CLAIMS", "claim:every-boat-knocked-out-saves-25-000-american-lives", "25,000 American lives", ""},
		// The two survivors are two people, each repatriated to one country.
		{"a survivor repatriated to Colombia", survivorColombia, "REPATRIATED_TO", "place:colombia", "one to Colombia", "2025-10-01"},
		{"the other repatriated to Ecuador", survivorEcuador, "REPATRIATED_TO", "place:ecuador", "another to Ecuador", "2025-10-01"},
		{"Ecuador released its man", "place:ecuador", "RELEASED", survivorEcuador, "without charging him", "2025-10-01"},
		{"the Colombian survivor survived the strikes", survivorColombia, "SURVIVED", "event:missile-strikes-on-alleged-drug-smuggling-boats", "one to Colombia", ""},
		{"the Ecuadorian survivor survived the strikes", survivorEcuador, "SURVIVED", "event:missile-strikes-on-alleged-drug-smuggling-boats", "another to Ecuador", ""},
		// Trump's threats are threats, not a contradiction of Sheinbaum's claim.
		{"Trump threatens Mexico on land", "person:donald-trump", "THREATENS", "place:mexico", "I would absolutely", ""},
		{"Sheinbaum responded to Trump", "person:claudia-sheinbaum", "RESPONDED_TO", "person:donald-trump", "It’s not going to happen", "2025-11-18"},
		{"UN officials denounced the campaign", "organization:united-nations", "DENOUNCED", "event:us-boat-bombing-campaign", "extrajudicial killing", ""},
		{"Trump met Infantino on Monday", "person:donald-trump", "MET_WITH", "person:gianni-infantino", "Oval Office meeting", "2025-11-17"},
		{"Rubio is secretary of state", "person:marco-rubio", "HOLDS_OFFICE", "organization:us-state-department", "secretary of state", ""},
		{"cartels designated FTOs", "organization:latin-american-drug-cartels", "DESIGNATED_AS", "legal-concept:foreign-terrorist-organization-designation", "foreign terrorist organisations", "2025-01-20"},
		{"cartels framed as enemy combatants", "organization:latin-american-drug-cartels", "FRAMED_AS", "legal-concept:enemy-combatants", "enemy combatants", ""},
		{"memo addressed to Congress", "event:trump-memo-to-congress-2025-10-02", "ADDRESSED_TO", "organization:us-congress", "memo to Congress", ""},
		{"only Congress can declare war", "legal-concept:power-to-declare-war", "VESTED_IN", "organization:us-congress", "Only Congress", ""},
		{"strikes killed the victims", "event:missile-strikes-on-alleged-drug-smuggling-boats", "KILLED", "person:victims-of-the-boat-strikes", "killing 83 people", ""},
		{"strikes in the Caribbean", "event:missile-strikes-on-alleged-drug-smuggling-boats", "TOOK_PLACE_IN", "place:caribbean-sea", "Caribbean Sea", ""},
		{"families say victims were fishermen", "organization:families-of-the-boat-strike-victims", "CLAIMS", "claim:the-strike-victims-were-only-fishermen", "only fishermen", ""},
		{"DeSantis told Fox News", "person:ron-desantis", "TOLD", "organization:fox-news", "day one", "2023-01-01"},
		{"Sheinbaum echoed López Obrador", "person:claudia-sheinbaum", "ECHOED", "person:andres-manuel-lopez-obrador", "echoed Lopez Obrador", "2025-11-18"},
		{"FTO designation does not justify military action", "legal-concept:foreign-terrorist-organization-designation", "DOES_NOT_JUSTIFY", "legal-concept:foreign-military-intervention", "does not justify military action", ""},
	}
	relations := map[string]*newsgraph.Relation{}
	for _, r := range mustBatch(t).Relations {
		relations[r.ID] = r
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := newsgraph.RelationID(tt.from, tt.typ, tt.to)
			r := relations[id]
			if r == nil {
				t.Fatalf("no relation %s", id)
			}
			if !hasQuote(r, tt.quote) {
				t.Errorf("%s: no evidence quote contains %q", id, tt.quote)
			}
			if got := r.ValidFrom.String(); got != tt.validFrom {
				t.Errorf("%s: validFrom %q, want %q", id, got, tt.validFrom)
			}
		})
	}
}

// The two survivors of the boat strikes.
const (
	survivorColombia = "person:boat-strike-survivor-repatriated-to-colombia"
	survivorEcuador  = "person:boat-strike-survivor-repatriated-to-ecuador"
)

// TestAnalystCorrections pins what an analyst found wrong in the first
// curation and is fixed: the two survivors were one entity, only one of
// whom Ecuador released; a threat was typed as a contradiction of
// Sheinbaum's "no intervention" claim; dates from outside the article said
// nothing of it; a sub-heading served as evidence.
func TestAnalystCorrections(t *testing.T) {
	b := mustBatch(t)
	entities := entitiesByID(b)
	relations := map[string]*newsgraph.Relation{}
	for _, r := range b.Relations {
		relations[r.ID] = r
	}
	if e := entities["person:two-survivors-of-the-boat-strikes"]; e != nil {
		t.Errorf("the two survivors are still one entity: %+v", e)
	}
	for _, id := range []string{survivorColombia, survivorEcuador} {
		if e := entities[id]; e == nil || e.Kind != newsgraph.KindPerson {
			t.Errorf("no person %s", id)
		}
	}
	for _, id := range []string{
		newsgraph.RelationID("place:colombia", "RELEASED", survivorColombia),
		newsgraph.RelationID("place:ecuador", "RELEASED", survivorColombia),
		newsgraph.RelationID(survivorColombia, "REPATRIATED_TO", "place:ecuador"),
		newsgraph.RelationID(survivorEcuador, "REPATRIATED_TO", "place:colombia"),
	} {
		if relations[id] != nil {
			t.Errorf("relation %s should not exist: only Ecuador released its man", id)
		}
	}
	const claim = "claim:no-us-military-intervention-will-happen-in-mexico"
	for _, r := range b.Relations {
		if r.Type == "CONTRADICTS" && r.To == claim {
			t.Errorf("%s: a threat is not a contradiction of the claim", r.ID)
		}
	}
	if e := entities[claim]; e.Verdict != newsgraph.VerdictUnverified || e.CounterEvidence != "" || !strings.Contains(e.VerdictNote, "do not contradict") {
		t.Errorf("%s: verdict %q, note %q, counterEvidence %q; want UNVERIFIED, a note that the threats do not contradict it, and no counter-evidence", claim, e.Verdict, e.VerdictNote, e.CounterEvidence)
	}
	// Dates not stated in the article say so where they are used.
	for _, id := range []string{"legal-concept:foreign-terrorist-organization-designation", "event:first-trump-presidency", "event:second-trump-presidency"} {
		if d := entities[id].Description; !strings.Contains(d, "public record") {
			t.Errorf("%s: the description does not say which dates come from the public record: %q", id, d)
		}
	}
	// No quote is a sub-heading: a line of the text without a full stop,
	// question mark or closing quotation mark.
	text := b.Documents[0].Text
	headings := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || slices.ContainsFunc([]string{".", "?", "!", "”", "\""}, func(end string) bool { return strings.HasSuffix(line, end) }) {
			continue
		}
		headings++
		for _, r := range b.Relations {
			for _, ev := range r.Evidence {
				if ev.Quote == line {
					t.Errorf("%s: the sub-heading %q is evidence", r.ID, line)
				}
			}
		}
	}
	if headings != 2 {
		t.Errorf("found %d sub-headings, want the article's 2", headings)
	}
}

// TestClaimVerdicts checks the verdicts of the disputed figures and that
// each claim names its claimant.
func TestClaimVerdicts(t *testing.T) {
	tests := []struct {
		id, claimant string
		verdict      newsgraph.Verdict
		note         string // a substring of the verdict note
		counter      string
	}{
		{"claim:every-boat-knocked-out-saves-25-000-american-lives", "person:donald-trump", newsgraph.VerdictUnsupported, "no factual basis", "73,960"},
		{"claim:bombed-vessels-were-linked-to-drug-trafficking", "organization:trump-administration", newsgraph.VerdictUnsupported, "no evidence was provided", "no definitive evidence"},
		{"claim:fatal-drug-overdoses-declined-to-73-960-deaths-in-12-months", "organization:centers-for-disease-control-and-prevention", newsgraph.VerdictSupported, "provisional data", ""},
		{"claim:the-strike-victims-were-only-fishermen", "organization:families-of-the-boat-strike-victims", newsgraph.VerdictUnverified, "", "largely unknown"},
		{"claim:the-us-is-in-a-state-of-war-with-drug-traffickers", "person:donald-trump", newsgraph.VerdictDisputed, "", "Only Congress"},
		{"claim:no-us-military-intervention-will-happen-in-mexico", "person:claudia-sheinbaum", newsgraph.VerdictUnverified, "absolutely", ""},
	}
	entities := entitiesByID(mustBatch(t))
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := entities[tt.id]
			if e == nil {
				t.Fatalf("no entity %s", tt.id)
			}
			if got := e.ClaimantID; got != tt.claimant {
				t.Errorf("claimantId: got %q, want %q", got, tt.claimant)
			}
			if got := e.Verdict; got != tt.verdict {
				t.Errorf("verdict: got %q, want %q", got, tt.verdict)
			}
			if !strings.Contains(e.VerdictNote, tt.note) {
				t.Errorf("verdictNote %q does not mention %q", e.VerdictNote, tt.note)
			}
			if !strings.Contains(e.CounterEvidence, tt.counter) {
				t.Errorf("counterEvidence %q does not mention %q", e.CounterEvidence, tt.counter)
			}
		})
	}
}

// TestAliases checks that the spellings analysts search for are aliases.
func TestAliases(t *testing.T) {
	tests := []struct {
		id, alias string
	}{
		{"person:andres-manuel-lopez-obrador", "AMLO"},
		{"person:andres-manuel-lopez-obrador", "Andres Manuel Lopez Obrador"},
		{"person:andres-manuel-lopez-obrador", "Lopez Obrador"},
		{"legal-concept:foreign-terrorist-organization-designation", "FTO"},
		{"legal-concept:foreign-terrorist-organization-designation", "FTO designation"},
		{"legal-concept:foreign-terrorist-organization-designation", "foreign terrorist organization"},
		{"organization:centers-for-disease-control-and-prevention", "CDC"},
		{"organization:us-state-department", "State Department"},
	}
	entities := entitiesByID(mustBatch(t))
	for _, tt := range tests {
		e := entities[tt.id]
		if e == nil {
			t.Errorf("no entity %s", tt.id)
			continue
		}
		found := false
		for _, a := range e.Aliases {
			found = found || a == tt.alias
		}
		if !found {
			t.Errorf("%s: alias %q missing from %q", tt.id, tt.alias, e.Aliases)
		}
	}
}

func hasQuote(r *newsgraph.Relation, part string) bool {
	for _, ev := range r.Evidence {
		if strings.Contains(ev.Quote, part) {
			return true
		}
	}
	return false
}
