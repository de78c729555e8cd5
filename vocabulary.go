package newsgraph

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// RelationType is one entry of the published relation vocabulary: a type,
// what it asserts, the kinds of entity its ends may have, the other names
// it is written under and whether a relation of the type may go from an
// entity to itself. Every relation reads as a sentence "From TYPE To".
type RelationType struct {
	// Type is the UPPER_SNAKE_CASE relation type, such as REJECTS.
	Type string
	// Description says what the relation asserts, naming both ends.
	Description string
	// Inverse is the type that reads the relation from the other end, when
	// there is a name for it: the same type for a symmetric relation
	// (MET_WITH), a type outside the vocabulary that is not used
	// (PRECEDED's SUCCEEDED: write PRECEDED from the other end), or "".
	Inverse string
	// Synonyms are other types meaning the same, which ingestion maps to
	// Type with a warning (see CanonicalRelationType).
	Synonyms []string
	// From and To list the kinds the relation's ends may have.
	From, To []Kind
	// AllowsSelfLoop reports whether From and To may be one entity.
	AllowsSelfLoop bool
}

// kindList is shorthand for a list of kinds.
func kindList(k ...Kind) []Kind { return k }

// actorKinds are the kinds that can act: people, organisations and
// countries (a country PLACE also stands for its state).
func actorKinds() []Kind { return kindList(KindPerson, KindOrganization, KindPlace) }

// Vocabulary returns the published relation vocabulary, sorted by type. It
// is a fresh slice on every call. It is the vocabulary the seed graph is
// curated in and the one ingestion maps relation types to (see
// CanonicalRelationType); the stores accept any well-formed type.
func Vocabulary() []RelationType {
	const (
		person, org, place = KindPerson, KindOrganization, KindPlace
		legal, event, cl   = KindLegalConcept, KindEvent, KindClaim
	)
	k, actors := kindList, actorKinds
	return []RelationType{
		{"ACCUSES", "The actor accused the target of wrongdoing.", "", []string{"ACCUSED"}, actors(), actors(), false},
		{"ACQUIRED", "The organisation bought, or took control of, the other.", "", []string{"ACQUIRES", "BOUGHT"}, k(org), k(org), false},
		{"ADDRESSED_TO", "An issued text (memo, order) was addressed to the recipient.", "", nil, k(event), k(person, org), false},
		{"ADVISES", "The person advises the other person or organisation.", "", []string{"ADVISED"}, k(person), k(person, org), false},
		{"ALLIED_WITH", "The actors are allies.", "ALLIED_WITH", []string{"ALLY_OF"}, actors(), actors(), false},
		{"AMENDS", "A law or legal text changes another.", "", []string{"AMENDED"}, k(legal), k(legal), false},
		{"APPLIES_IN", "A law or legal principle is in force in the place.", "", nil, k(legal), k(place), false},
		{"ATTENDED", "The actor was present at the event, whether or not it took part.", "", []string{"ATTENDS"}, actors(), k(event), false},
		{"AUTHORIZES", "An order or decision allows the recipient to act.", "", []string{"AUTHORISED", "AUTHORIZED"}, k(event), actors(), false},
		{"BORDERS", "The places share a border.", "BORDERS", nil, k(place), k(place), false},
		{"BORN_IN", "The person was born in the place.", "", nil, k(person), k(place), false},
		{"CHARGED_UNDER", "The person or organisation was charged with an offence under the law.", "", []string{"INDICTED_UNDER"}, k(person, org), k(legal), false},
		{"CLAIMS", "The claimant, or a text it issued, states the claim.", "", []string{"CLAIMED", "ASSERTS"}, k(person, org, event), k(cl), false},
		{"CONCERNS", "An event or claim is about the target.", "", []string{"ABOUT"}, k(event, cl), AllKinds, false},
		{"CONSIDERED", "The actor weighed using a measure or taking an action.", "", []string{"CONSIDERS", "WEIGHED"}, actors(), k(legal, event), false},
		{"CONTRADICTS", "A claim, or an actor's reported words or deeds, contradicts the target claim.", "", []string{"CONTRADICTED", "REFUTES", "DISPUTES"}, k(cl, person, org), k(cl), false},
		{"COOPERATES_WITH", "The actor collaborates or coordinates with the other.", "COOPERATES_WITH", []string{"COLLABORATES_WITH", "COOPERATED_WITH"}, actors(), actors(), false},
		{"CRITICIZED", "The actor expressed displeasure with or criticised the target; an actor may criticise itself.", "", []string{"CRITICISED"}, actors(), actors(), true},
		{"DEFENDS", "The actor upholds a legal principle.", "", []string{"DEFENDED", "UPHOLDS"}, actors(), k(legal), false},
		{"DENIES", "The actor denies the claim.", "", []string{"DENIED"}, actors(), k(cl), false},
		{"DENOUNCED", "The actor publicly condemned an action or actor.", "", []string{"CONDEMNED", "CONDEMNS", "DENOUNCES"}, actors(), k(event, cl, person, org), false},
		{"DESIGNATED_AS", "The entity was formally given a legal status (a formal designation).", "", nil, k(person, org), k(legal), false},
		{"DOES_NOT_JUSTIFY", "A legal status or argument is, as reported, not enough legal ground for the target action.", "", nil, k(legal, cl), k(legal, event), false},
		{"ECHOED", "The actor repeated the position of the other.", "", []string{"ECHOES"}, actors(), actors(), false},
		{"FAMILY_OF", "The people are relatives of the target people.", "FAMILY_OF", []string{"RELATIVE_OF"}, k(person, org), k(person), false},
		{"FOUNDED", "The person or organisation founded the organisation.", "", []string{"FOUNDS", "ESTABLISHED"}, k(person, org), k(org), false},
		{"FRAMED_AS", "The entity is characterised as the legal category by someone named in the evidence, without formal designation.", "", []string{"CHARACTERIZED_AS", "CHARACTERISED_AS", "LABELLED_AS", "LABELED_AS"}, k(person, org, place, event), k(legal), false},
		{"FUNDS", "The actor pays for or finances the target.", "", []string{"FUNDED", "FINANCES"}, actors(), k(person, org, event), false},
		{"GOVERNED_BY", "A legal concept is assessed under the target body of law.", "", nil, k(legal), k(legal), false},
		{"HEADQUARTERED_IN", "The organisation's headquarters are in the place.", "", nil, k(org), k(place), false},
		{"HOLDS_OFFICE", "The person holds an office (named in their roles) in the organisation or country.", "", []string{"HELD_OFFICE"}, k(person), k(org, place), false},
		{"INVOKES", "The actor, text or claim relies on the legal concept.", "", []string{"INVOKED"}, k(person, org, event, cl), k(legal), false},
		{"INVOLVED_IN", "The actor had a part in the event, as reported, without a more precise relation.", "", nil, actors(), k(event), false},
		{"ISSUED", "The actor issued, signed or made an order, memo or pledge.", "", []string{"ISSUES", "SIGNED"}, actors(), k(event), false},
		{"KILLED", "An attack or attacker killed the people.", "", []string{"KILLS"}, k(event, person, org), k(person), false},
		{"LEADS", "The person heads an organisation or directs a campaign.", "", []string{"LED", "HEADS"}, k(person), k(org, event), false},
		{"LOCATED_IN", "The entity is in, or based in, the place.", "", []string{"BASED_IN"}, k(place, org, person), k(place), false},
		{"MEMBER_OF", "The person belongs to the organisation.", "", []string{"BELONGS_TO"}, k(person), k(org), false},
		{"MET_WITH", "The person met the other in person.", "MET_WITH", []string{"MET", "MEETS_WITH"}, k(person), k(person), false},
		{"NEGOTIATES_WITH", "The actor negotiates with the other.", "NEGOTIATES_WITH", []string{"NEGOTIATED_WITH"}, actors(), actors(), false},
		{"OPERATES_IN", "The organisation is active in the place.", "", nil, k(org), k(place), false},
		{"ORGANIZED", "The actor organised the event.", "", []string{"ORGANIZES"}, actors(), k(event), false},
		{"PARTICIPATED_IN", "The actor took part in an event or served a term of office.", "", []string{"TOOK_PART_IN"}, actors(), k(event), false},
		{"PARTNERS_WITH", "The organisations work together under an agreement.", "PARTNERS_WITH", []string{"PARTNERED_WITH"}, k(org), k(org), false},
		{"PART_OF", "An organisation belongs to a larger one, or an event happened within a larger one.", "", nil, k(org, event, place), k(org, event, place), false},
		{"PRECEDED", "The person held the office before the other, or the event came before the other.", "SUCCEEDED", nil, k(person, event), k(person, event), false},
		{"PROPOSED", "The actor offered, pledged or advocated a course of action.", "", []string{"PROPOSES", "OFFERED"}, actors(), k(legal, event), false},
		{"REGULATED_BY", "The organisation is subject to the law or rule.", "", nil, k(org), k(legal), false},
		{"REJECTS", "The actor refuses or opposes a course of action or claim.", "", []string{"REJECTED"}, actors(), k(legal, event, cl), false},
		{"RELEASED", "The actor freed the people from custody.", "", []string{"FREED"}, actors(), k(person), false},
		{"REPATRIATED_TO", "The people were sent back to the country.", "", nil, k(person), k(place), false},
		{"RESPONDED_TO", "The actor answered the other's statements or actions.", "", []string{"REPLIED_TO"}, actors(), k(person, org, event, cl), false},
		{"SANCTIONS", "The actor imposed sanctions on the target.", "", []string{"SANCTIONED"}, actors(), actors(), false},
		{"SUBSIDIARY_OF", "The organisation is owned or controlled by the other.", "", nil, k(org), k(org), false},
		{"SUES", "The actor brought a lawsuit against the other.", "", []string{"SUED"}, actors(), actors(), false},
		{"SURVIVED", "The people survived the attack.", "", nil, k(person), k(event), false},
		{"TARGETED", "An attack, order or plan was aimed at the target.", "", []string{"TARGETS"}, k(event, person, org), k(person, org, place), false},
		{"THREATENS", "The actor threatens the target with harm or force.", "", []string{"THREATENED"}, actors(), actors(), false},
		{"TOLD", "The actor said something directly to the other.", "", []string{"SAID_TO"}, actors(), actors(), false},
		{"TOOK_PLACE_IN", "The event happened in the place.", "", []string{"HAPPENED_IN", "OCCURRED_IN"}, k(event), k(place), false},
		{"USED_TO_JUSTIFY", "A claim or legal argument is put forward to justify an action.", "", nil, k(cl, legal), k(event), false},
		{"VESTED_IN", "A power belongs to the body or person.", "", nil, k(legal), k(org, person), false},
		{"VIOLATES", "The actor or event breaches the law.", "", []string{"VIOLATED", "BREACHES"}, k(person, org, place, event), k(legal), false},
		{"VISITED", "The person travelled to the place.", "", []string{"VISITS"}, k(person), k(place), false},
		{"WORKS_FOR", "The person is employed by the organisation.", "", []string{"EMPLOYED_BY"}, k(person), k(org), false},
	}
}

// vocabularyIndex is the vocabulary by type and by the folded form of
// every type and synonym, built once.
type vocabularyIndex struct {
	byType   map[string]RelationType
	byFolded map[string]string
}

var vocabulary = sync.OnceValue(func() vocabularyIndex {
	ix := vocabularyIndex{byType: map[string]RelationType{}, byFolded: map[string]string{}}
	for _, t := range Vocabulary() {
		ix.byType[t.Type] = t
		for _, name := range append([]string{t.Type}, t.Synonyms...) {
			ix.byFolded[foldType(name)] = t.Type
		}
	}
	return ix
})

// foldType folds a relation type as Fold folds words, so that British and
// American spellings (CRITICISED, CRITICIZED) fold alike.
func foldType(t string) string { return Fold(strings.ReplaceAll(t, "_", " ")) }

// LookupRelationType returns the vocabulary entry of exactly the type t.
func LookupRelationType(t string) (RelationType, bool) {
	rt, ok := vocabulary().byType[t]
	return rt, ok
}

// CanonicalRelationType maps a relation type to the vocabulary: a type of
// the vocabulary is itself; a listed synonym, or a type that folds like a
// type or a synonym of the vocabulary (CRITICISED and CRITICIZED fold
// alike: see Fold), is that vocabulary type. It reports whether t maps to
// the vocabulary at all; an unknown type is returned as it is.
func CanonicalRelationType(t string) (string, bool) {
	ix := vocabulary()
	if _, ok := ix.byType[t]; ok {
		return t, true
	}
	if c, ok := ix.byFolded[foldType(t)]; ok {
		return c, true
	}
	return t, false
}

// CheckRelationKinds returns an error when the relation type t is in the
// vocabulary and does not allow an end of kind from or to, or a self-loop
// when selfLoop is set. A type outside the vocabulary is not checked.
func CheckRelationKinds(t string, from, to Kind, selfLoop bool) error {
	rt, ok := LookupRelationType(t)
	switch {
	case !ok:
		return nil
	case !slices.Contains(rt.From, from):
		return fmt.Errorf("%s cannot go from a %s (it goes from %s)", t, from, joinKinds(rt.From))
	case !slices.Contains(rt.To, to):
		return fmt.Errorf("%s cannot go to a %s (it goes to %s)", t, to, joinKinds(rt.To))
	case selfLoop && !rt.AllowsSelfLoop:
		return fmt.Errorf("%s cannot go from an entity to itself", t)
	}
	return nil
}

// AllowsSelfLoop reports whether a relation of type t may go from an
// entity to itself: only a vocabulary type that says so.
func AllowsSelfLoop(t string) bool {
	rt, ok := LookupRelationType(t)
	return ok && rt.AllowsSelfLoop
}

// CheckVocabulary returns an Invalid error naming the first relation of
// the batch whose type is not in the vocabulary, or whose ends have kinds
// its type does not allow, or that goes from an entity to itself when its
// type does not allow that. The seed graph is held to it.
func CheckVocabulary(b *Batch) error {
	for i, r := range b.Relations {
		if _, ok := LookupRelationType(r.Type); !ok {
			return batchErr("relations[%d]: relation %s: type %s is not in the relation vocabulary", i, r.ID, r.Type)
		}
		if err := CheckRelationKinds(r.Type, KindOfID(r.From), KindOfID(r.To), r.From == r.To); err != nil {
			return batchErr("relations[%d]: relation %s: %s", i, r.ID, err)
		}
	}
	return nil
}

// joinKinds lists kinds for messages: "PERSON, ORGANIZATION or PLACE".
func joinKinds(kinds []Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
