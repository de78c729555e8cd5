package seed

import (
	"slices"

	"github.com/newsgraph/newsgraph"
)

// RelationType is one entry of the seed's relation vocabulary: a type, the
// kinds of entity it may go from and to, and what it means. Every relation
// reads as a sentence "From TYPE To".
type RelationType struct {
	// Type is the UPPER_SNAKE_CASE relation type, such as REJECTS.
	Type string
	// From and To list the kinds the relation's ends may have.
	From, To []newsgraph.Kind
	// Meaning says what the relation asserts, naming both ends.
	Meaning string
}

// Short names of the kinds, for the vocabulary table.
const (
	person       = newsgraph.KindPerson
	organization = newsgraph.KindOrganization
	place        = newsgraph.KindPlace
	legalConcept = newsgraph.KindLegalConcept
	event        = newsgraph.KindEvent
	claim        = newsgraph.KindClaim
)

// kinds is shorthand for a list of kinds.
func kinds(k ...newsgraph.Kind) []newsgraph.Kind { return k }

// actors are the kinds that can act: people, organisations and countries
// (a country PLACE also stands for its state).
func actors() []newsgraph.Kind { return kinds(person, organization, place) }

// Vocabulary returns the relation types the seed uses, sorted by type. It
// is a fresh slice on every call. Batch rejects a relation whose type is not
// in the vocabulary or whose ends have kinds the type does not allow.
func Vocabulary() []RelationType {
	return []RelationType{
		{"ADDRESSED_TO", kinds(event), kinds(person, organization), "An issued text (memo, order) was addressed to the recipient."},
		{"AUTHORIZES", kinds(event), actors(), "An order or decision allows the recipient to act."},
		{"CLAIMS", kinds(person, organization, event), kinds(claim), "The claimant, or a text it issued, states the claim."},
		{"CONCERNS", kinds(event, claim), newsgraph.AllKinds, "An event or claim is about the target."},
		{"CONSIDERED", actors(), kinds(legalConcept, event), "The actor weighed using a measure or taking an action."},
		{"CONTRADICTS", kinds(claim, person, organization), kinds(claim), "A claim, or an actor's reported words or deeds, contradicts the target claim."},
		{"COOPERATES_WITH", actors(), actors(), "The actor collaborates or coordinates with the other."},
		{"CRITICIZED", actors(), actors(), "The actor expressed displeasure with or criticised the target."},
		{"DEFENDS", actors(), kinds(legalConcept), "The actor upholds a legal principle."},
		{"DENOUNCED", actors(), kinds(event, claim, person, organization), "The actor publicly condemned an action or actor."},
		{"DESIGNATED_AS", kinds(person, organization), kinds(legalConcept), "The entity was formally given a legal status (a formal designation)."},
		{"DOES_NOT_JUSTIFY", kinds(legalConcept, claim), kinds(legalConcept, event), "A legal status or argument is, as reported, not enough legal ground for the target action."},
		{"ECHOED", actors(), actors(), "The actor repeated the position of the other."},
		{"FAMILY_OF", kinds(person, organization), kinds(person), "The people are relatives of the target people."},
		{"FRAMED_AS", kinds(person, organization, place, event), kinds(legalConcept), "The entity is characterised as the legal category by someone named in the evidence, without formal designation."},
		{"GOVERNED_BY", kinds(legalConcept), kinds(legalConcept), "A legal concept is assessed under the target body of law."},
		{"HOLDS_OFFICE", kinds(person), kinds(organization, place), "The person holds an office (named in their roles) in the organisation or country."},
		{"INVOKES", kinds(person, organization, event, claim), kinds(legalConcept), "The actor, text or claim relies on the legal concept."},
		{"ISSUED", actors(), kinds(event), "The actor issued, signed or made an order, memo or pledge."},
		{"KILLED", kinds(event, person, organization), kinds(person), "An attack or attacker killed the people."},
		{"LEADS", kinds(person), kinds(organization, event), "The person heads an organisation or directs a campaign."},
		{"LOCATED_IN", kinds(place, organization, person), kinds(place), "The entity is in, or based in, the place."},
		{"MEMBER_OF", kinds(person), kinds(organization), "The person belongs to the organisation."},
		{"MET_WITH", kinds(person), kinds(person), "The person met the other in person."},
		{"PARTICIPATED_IN", actors(), kinds(event), "The actor took part in an event or served a term of office."},
		{"PART_OF", kinds(organization, event, place), kinds(organization, event, place), "An organisation belongs to a larger one, or an event happened within a larger one."},
		{"PRECEDED", kinds(person), kinds(person), "The person held the office before the other."},
		{"PROPOSED", actors(), kinds(legalConcept, event), "The actor offered, pledged or advocated a course of action."},
		{"REJECTS", actors(), kinds(legalConcept, event, claim), "The actor refuses or opposes a course of action or claim."},
		{"RELEASED", actors(), kinds(person), "The actor freed the people from custody."},
		{"REPATRIATED_TO", kinds(person), kinds(place), "The people were sent back to the country."},
		{"RESPONDED_TO", actors(), kinds(person, organization, event, claim), "The actor answered the other's statements or actions."},
		{"SURVIVED", kinds(person), kinds(event), "The people survived the attack."},
		{"TARGETED", kinds(event, person, organization), kinds(person, organization, place), "An attack, order or plan was aimed at the target."},
		{"THREATENS", actors(), actors(), "The actor threatens the target with harm or force."},
		{"TOLD", actors(), actors(), "The actor said something directly to the other."},
		{"TOOK_PLACE_IN", kinds(event), kinds(place), "The event happened in the place."},
		{"USED_TO_JUSTIFY", kinds(claim, legalConcept), kinds(event), "A claim or legal argument is put forward to justify an action."},
		{"VESTED_IN", kinds(legalConcept), kinds(organization, person), "A power belongs to the body or person."},
	}
}

// checkVocabulary returns an Invalid error naming the first relation whose
// type is not in the vocabulary or whose ends have kinds the type does not
// allow.
func checkVocabulary(b *newsgraph.Batch) error {
	vocab := make(map[string]RelationType)
	for _, t := range Vocabulary() {
		vocab[t.Type] = t
	}
	for i, r := range b.Relations {
		t, ok := vocab[r.Type]
		switch {
		case !ok:
			return newsgraph.Errorf(newsgraph.Invalid, "relations[%d]: relation %s: type %s is not in the seed vocabulary", i, r.ID, r.Type)
		case !slices.Contains(t.From, newsgraph.KindOfID(r.From)):
			return newsgraph.Errorf(newsgraph.Invalid, "relations[%d]: relation %s: %s cannot go from a %s", i, r.ID, r.Type, newsgraph.KindOfID(r.From))
		case !slices.Contains(t.To, newsgraph.KindOfID(r.To)):
			return newsgraph.Errorf(newsgraph.Invalid, "relations[%d]: relation %s: %s cannot go to a %s", i, r.ID, r.Type, newsgraph.KindOfID(r.To))
		}
	}
	return nil
}
