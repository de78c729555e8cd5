package seed_test

import (
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
		{"survivor repatriated to Colombia", "person:two-survivors-of-the-boat-strikes", "REPATRIATED_TO", "place:colombia", "one to Colombia", "2025-10-01"},
		{"survivor repatriated to Ecuador", "person:two-survivors-of-the-boat-strikes", "REPATRIATED_TO", "place:ecuador", "another to Ecuador", "2025-10-01"},
		{"Ecuador released its survivor", "place:ecuador", "RELEASED", "person:two-survivors-of-the-boat-strikes", "without charging him", "2025-10-01"},
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

// TestClaimVerdicts checks the verdicts of the disputed figures and that
// each claim names its claimant.
func TestClaimVerdicts(t *testing.T) {
	tests := []struct {
		id, claimant, verdict, counter string
	}{
		{"claim:every-boat-knocked-out-saves-25-000-american-lives", "person:donald-trump", "unsupported", "73,960"},
		{"claim:bombed-vessels-were-linked-to-drug-trafficking", "organization:trump-administration", "unsubstantiated", "no definitive evidence"},
		{"claim:the-strike-victims-were-only-fishermen", "organization:families-of-the-boat-strike-victims", "unverified", "largely unknown"},
		{"claim:the-us-is-in-a-state-of-war-with-drug-traffickers", "person:donald-trump", "disputed", "Only Congress"},
		{"claim:no-us-military-intervention-will-happen-in-mexico", "person:claudia-sheinbaum", "disputed", "absolutely"},
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
