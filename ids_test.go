package newsgraph_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestKindIDPrefix(t *testing.T) {
	tests := []struct {
		kind newsgraph.Kind
		want string
	}{
		{newsgraph.KindPerson, "person"},
		{newsgraph.KindOrganization, "organization"},
		{newsgraph.KindPlace, "place"},
		{newsgraph.KindLegalConcept, "legal-concept"},
		{newsgraph.KindEvent, "event"},
		{newsgraph.KindClaim, "claim"},
	}
	if got, want := len(tests), len(newsgraph.AllKinds); got != want {
		t.Fatalf("test covers %d kinds, AllKinds has %d", got, want)
	}
	for _, tt := range tests {
		if got, want := tt.kind.IDPrefix(), tt.want; got != want {
			t.Errorf("%s.IDPrefix() = %q, want %q", tt.kind, got, want)
		}
		if got, want := tt.kind.Valid(), true; got != want {
			t.Errorf("%s.Valid() = %v, want %v", tt.kind, got, want)
		}
		if got, want := newsgraph.KindOfID(tt.want+":x"), tt.kind; got != want {
			t.Errorf("KindOfID(%q) = %q, want %q", tt.want+":x", got, want)
		}
	}
}

func TestKindValid(t *testing.T) {
	for _, k := range []newsgraph.Kind{"", "person", "Person", "LEGAL-CONCEPT", "THING"} {
		if got, want := k.Valid(), false; got != want {
			t.Errorf("Kind(%q).Valid() = %v, want %v", k, got, want)
		}
	}
}

func TestEntityID(t *testing.T) {
	tests := []struct {
		kind newsgraph.Kind
		name string
		want string
	}{
		{newsgraph.KindPerson, "Claudia Sheinbaum", "person:claudia-sheinbaum"},
		{newsgraph.KindPerson, "Andrés Manuel López Obrador", "person:andres-manuel-lopez-obrador"},
		{newsgraph.KindOrganization, "Cártel de Jalisco Nueva Generación", "organization:cartel-de-jalisco-nueva-generacion"},
		{newsgraph.KindOrganization, "World Health Organisation", "organization:world-health-organization"},
		{newsgraph.KindPlace, "Mexico City", "place:mexico-city"},
		{newsgraph.KindLegalConcept, "Foreign Terrorist Organization", "legal-concept:foreign-terrorist-organization"},
		{newsgraph.KindEvent, "2025 FTO designation", "event:2025-fto-designation"},
		{newsgraph.KindClaim, "Mexico is run by cartels", "claim:mexico-is-run-by-cartels"},
	}
	for _, tt := range tests {
		got := newsgraph.EntityID(tt.kind, tt.name)
		if got != tt.want {
			t.Errorf("EntityID(%s, %q) = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
		if !newsgraph.ValidEntityID(got) {
			t.Errorf("ValidEntityID(%q) = false, want true", got)
		}
		if got, want := newsgraph.KindOfID(got), tt.kind; got != want {
			t.Errorf("KindOfID(%q) = %q, want %q", tt.want, got, want)
		}
	}
}

func TestKindOfID(t *testing.T) {
	tests := []struct {
		id   string
		want newsgraph.Kind
	}{
		{"person:claudia-sheinbaum", newsgraph.KindPerson},
		{"legal-concept:fto", newsgraph.KindLegalConcept},
		{"legal_concept:fto", ""},
		{"doc:abc", ""},
		{"person", ""},
		{"PERSON:x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got, want := newsgraph.KindOfID(tt.id), tt.want; got != want {
			t.Errorf("KindOfID(%q) = %q, want %q", tt.id, got, want)
		}
	}
}

func TestValidEntityID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"person:claudia-sheinbaum", true},
		{"event:2025-fto-designation", true},
		{"legal-concept:x", true},
		{"person:", false},
		{"person:Claudia", false},
		{"person:claudia--sheinbaum", false},
		{"person:-claudia", false},
		{"person:claudia-", false},
		{"person:andrés", false},
		{"person:claudia sheinbaum", false},
		{"human:claudia", false},
		{"doc:abc", false},
		{"claudia", false},
		{"", false},
	}
	for _, tt := range tests {
		if got, want := newsgraph.ValidEntityID(tt.id), tt.want; got != want {
			t.Errorf("ValidEntityID(%q) = %v, want %v", tt.id, got, want)
		}
	}
}

func TestValidRelationType(t *testing.T) {
	tests := []struct {
		typ  string
		want bool
	}{
		{"REJECTS", true},
		{"DESIGNATED_AS", true},
		{"A", true},
		{"MEMBER_OF_G20", true},
		{"A_1", true},
		{strings.Repeat("A", 64), true},
		{strings.Repeat("A", 65), false},
		{strings.Repeat("AB_", 21) + "A", true},   // 64 characters
		{strings.Repeat("AB_", 21) + "AB", false}, // 65 characters
		{"rejects", false},
		{"Rejects", false},
		{"1ST_ORDER", false},
		{"_REJECTS", false},
		{"REJECTS_", false},
		{"DESIGNATED__AS", false},
		{"DESIGNATED-AS", false},
		{"DESIGNATED AS", false},
		{"REJECTS]->(x) DETACH DELETE x //", false},
		{"", false},
	}
	for _, tt := range tests {
		if got, want := newsgraph.ValidRelationType(tt.typ), tt.want; got != want {
			t.Errorf("ValidRelationType(%q) = %v, want %v", tt.typ, got, want)
		}
	}
}

func TestCheckRelationTypes(t *testing.T) {
	wantNoError(t, newsgraph.CheckRelationTypes(nil))
	wantNoError(t, newsgraph.CheckRelationTypes([]string{"REJECTS", "NEVER_SEEN_BEFORE"}))
	tests := []struct {
		name  string
		types []string
		bad   string
	}{
		{"lower case", []string{"REJECTS", "rejects"}, `"rejects"`},
		{"leading digit", []string{"9LIVES"}, `"9LIVES"`},
		{"double underscore", []string{"A__B", "c"}, `"A__B"`},
		{"too long", []string{strings.Repeat("X", 65)}, strings.Repeat("X", 65)},
		{"empty", []string{""}, `""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsgraph.CheckRelationTypes(tt.types)
			wantErrorCode(t, err, newsgraph.Invalid, tt.bad, "UPPER_SNAKE_CASE", "64")
		})
	}
}

func TestRelationID(t *testing.T) {
	got := newsgraph.RelationID("person:claudia-sheinbaum", "REJECTS", "event:fto-designation")
	if want := "person:claudia-sheinbaum|REJECTS|event:fto-designation"; got != want {
		t.Errorf("RelationID = %q, want %q", got, want)
	}
	if a, b := newsgraph.RelationID("person:a", "X", "person:b"), newsgraph.RelationID("person:b", "X", "person:a"); a == b {
		t.Errorf("RelationID is the same (%q) in both directions, want distinct ids", a)
	}
}
