package gen

import "github.com/newsgraph/newsgraph"

// relationType is one row of the relation type table: a type between two
// kinds, how often it is drawn, and the verb phrase of its sentences.
type relationType struct {
	name     string
	from, to newsgraph.Kind
	weight   float64
	verb     string
	// lasting relations hold for a time and get validity dates.
	lasting bool
}

const (
	person = newsgraph.KindPerson
	org    = newsgraph.KindOrganization
	place  = newsgraph.KindPlace
	legal  = newsgraph.KindLegalConcept
	event  = newsgraph.KindEvent
	claim  = newsgraph.KindClaim
)

// relationTypes is the table the generator draws from: types of the
// relation vocabulary (newsgraph.Vocabulary) between kinds it allows, so
// that a generated graph imports without warnings. A type name may
// appear in several rows with different kinds (CLAIMS by a person or an
// organisation).
var relationTypes = []relationType{
	{"HOLDS_OFFICE", person, org, 6, "holds office at", true},
	{"MEMBER_OF", person, org, 8, "is a member of", true},
	{"LEADS", person, org, 4, "leads", true},
	{"WORKS_FOR", person, org, 6, "works for", true},
	{"FOUNDED", person, org, 1.5, "founded", false},
	{"NEGOTIATES_WITH", person, org, 1, "negotiated with", false},
	{"MET_WITH", person, person, 8, "met with", false},
	{"ALLIED_WITH", person, person, 3, "is allied with", true},
	{"CRITICIZED", person, person, 5, "criticized", false},
	{"ACCUSES", person, person, 3, "accused", false},
	{"ADVISES", person, person, 2, "advises", true},
	{"PRECEDED", person, person, 1, "preceded in office", false},
	{"VISITED", person, place, 5, "visited", false},
	{"BORN_IN", person, place, 1, "was born in", false},
	{"THREATENS", person, place, 2, "threatened", false},
	{"CLAIMS", person, claim, 3, "made", false},
	{"DENIES", person, claim, 1.5, "denied", false},
	{"ATTENDED", person, event, 3, "attended", false},
	{"RESPONDED_TO", person, event, 1, "responded to", false},
	{"INVOKES", person, legal, 1.5, "invoked", false},
	{"CHARGED_UNDER", person, legal, 1, "was charged under", false},
	{"SANCTIONS", org, org, 2, "imposed sanctions on", true},
	{"PARTNERS_WITH", org, org, 3, "partnered with", true},
	{"ACQUIRED", org, org, 1, "acquired", false},
	{"SUBSIDIARY_OF", org, org, 1, "is a subsidiary of", true},
	{"SUES", org, org, 1, "sued", false},
	{"FUNDS", org, org, 1.5, "funds", true},
	{"HEADQUARTERED_IN", org, place, 2, "is headquartered in", true},
	{"OPERATES_IN", org, place, 3, "operates in", true},
	{"DESIGNATED_AS", org, legal, 1, "was designated as", true},
	{"REGULATED_BY", org, legal, 1, "is regulated by", true},
	{"VIOLATES", org, legal, 1, "violated", false},
	{"CLAIMS", org, claim, 1.5, "made", false},
	{"INVOLVED_IN", org, event, 1.5, "was involved in", false},
	{"ORGANIZED", org, event, 1, "organized", false},
	{"LOCATED_IN", place, place, 2, "is located in", false},
	{"BORDERS", place, place, 1, "borders", false},
	{"TOOK_PLACE_IN", event, place, 2, "took place in", false},
	{"PRECEDED", event, event, 0.5, "preceded", false},
	{"CONTRADICTS", claim, claim, 1, "contradicts", false},
	{"CONCERNS", claim, claim, 0.5, "concerns", false},
	{"CONCERNS", claim, person, 1, "concerns", false},
	{"APPLIES_IN", legal, place, 0.5, "applies in", false},
	{"AMENDS", legal, legal, 0.3, "amends", false},
}

// typeNames lists the distinct relation type names in table order.
func typeNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, t := range relationTypes {
		if !seen[t.name] {
			seen[t.name] = true
			names = append(names, t.name)
		}
	}
	return names
}
