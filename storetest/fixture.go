package storetest

import "github.com/newsgraph/newsgraph"

// Ids of the fixture's documents.
const (
	DocDesignation = "doc:designation"
	DocResponse    = "doc:response"
	DocChainNotes  = "doc:chain-notes"
)

// Ids of the fixture's entities. The chain places form a component of
// their own, used for path tests.
const (
	PersonLopezObrador = "person:andres-manuel-lopez-obrador"
	PersonSheinbaum    = "person:claudia-sheinbaum"
	PersonTrump        = "person:donald-trump"
	OrgSinaloaCartel   = "organization:sinaloa-cartel"
	OrgStateDepartment = "organization:us-department-of-state"
	OrgWHO             = "organization:world-health-organization"
	PlaceMexico        = "place:mexico"
	PlaceSinaloa       = "place:sinaloa"
	PlaceWashington    = "place:washington"
	LegalFTO           = "legal-concept:foreign-terrorist-organization"
	EventDesignation   = "event:fto-designation"
	ClaimCartels       = "claim:cartels-control-mexico"

	ChainA = "place:chain-a"
	ChainB = "place:chain-b"
	ChainC = "place:chain-c"
	ChainD = "place:chain-d"
	ChainE = "place:chain-e"
	ChainF = "place:chain-f"
)

const (
	designationText = "The US Department of State designated the Sinaloa Cartel as a Foreign Terrorist Organization on 20 February 2025. " +
		"The designation was announced in Washington. Donald Trump said the cartels control Mexico. " +
		"Claudia Sheinbaum rejected any foreign intervention in Mexico. The Sinaloa Cartel operates in Sinaloa and across Mexico."
	responseText = "Claudia Sheinbaum succeeded Andrés Manuel López Obrador as president. López Obrador had criticised the designation plan. " +
		"Sheinbaum said Mexico would cooperate with Washington without subordination. The World Health Organisation was not involved."
	chainText = "Chain notes. A links to B. A links to D. A links to E. A skips to F. B links to C. B links to D. " +
		"C links to F. D links to F. E links to C. F returns to A."
)

// Fixture returns a fresh copy of the conformance suite's graph: three
// documents, eighteen entities of all six kinds and twenty-five relations
// of sixteen types. Twelve entities describe a news story (with accented
// names, aliases such as "FTO" and "AMLO", a British "Organisation", a
// cycle Sheinbaum -> claim -> Mexico -> Sheinbaum and a self-loop on
// Washington); six places chain-a to chain-f form a separate component
// whose simple paths are known exactly. One entity, the World Health
// Organization, has no relations.
//
// Relation ids are set and confidences are left zero on most relations, so
// the batch is already normalised except for those defaults.
func Fixture() newsgraph.Batch {
	date := newsgraph.MustParseDate
	docs := []*newsgraph.Document{
		{ID: DocDesignation, Title: "US designates cartels as foreign terrorist organisations", PublishedAt: date("2025-02-20"),
			Source: "Example Wire", URL: "https://example.org/designation", Text: designationText},
		{ID: DocResponse, Title: "Sheinbaum responds to the designation", PublishedAt: date("2025-02-21"), Source: "Example Daily", Text: responseText},
		{ID: DocChainNotes, Title: "Chain notes", Text: chainText},
	}
	entities := []*newsgraph.Entity{
		{ID: PersonLopezObrador, Kind: newsgraph.KindPerson, Name: "Andrés Manuel López Obrador", Aliases: []string{"AMLO"},
			Description: "Former president of Mexico.", Roles: []string{"President of Mexico (2018–2024)"}},
		{ID: PersonSheinbaum, Kind: newsgraph.KindPerson, Name: "Claudia Sheinbaum", Description: "President of Mexico since 2024.",
			Roles: []string{"President of Mexico", "Head of Government of Mexico City (2018–2023)"}},
		{ID: PersonTrump, Kind: newsgraph.KindPerson, Name: "Donald Trump", Aliases: []string{"Trump"}, Roles: []string{"President of the United States"}},
		{ID: OrgSinaloaCartel, Kind: newsgraph.KindOrganization, Name: "Sinaloa Cartel", Aliases: []string{"Cártel de Sinaloa"},
			Description: "A drug trafficking organisation based in Sinaloa."},
		{ID: OrgStateDepartment, Kind: newsgraph.KindOrganization, Name: "US Department of State", Aliases: []string{"State Department"}},
		{ID: OrgWHO, Kind: newsgraph.KindOrganization, Name: "World Health Organisation", Aliases: []string{"WHO"}},
		{ID: PlaceMexico, Kind: newsgraph.KindPlace, Name: "Mexico", Aliases: []string{"México"}},
		{ID: PlaceSinaloa, Kind: newsgraph.KindPlace, Name: "Sinaloa", Description: "A state in north-western Mexico."},
		{ID: PlaceWashington, Kind: newsgraph.KindPlace, Name: "Washington"},
		{ID: LegalFTO, Kind: newsgraph.KindLegalConcept, Name: "Foreign Terrorist Organization", Aliases: []string{"FTO"},
			Jurisdiction: "US domestic law", Description: "A designation under US law."},
		{ID: EventDesignation, Kind: newsgraph.KindEvent, Name: "FTO designation of cartels", StartDate: date("2025-02-20"),
			EndDate: date("2025-02-21"), PlaceID: PlaceWashington},
		{ID: ClaimCartels, Kind: newsgraph.KindClaim, Name: "Cartels control Mexico", ClaimText: "The cartels control Mexico.",
			ClaimantID: PersonTrump, Verdict: newsgraph.VerdictDisputed, CounterEvidence: "The Mexican government rejects the claim."},
	}
	for _, c := range "abcdef" {
		entities = append(entities, &newsgraph.Entity{ID: "place:chain-" + string(c), Kind: newsgraph.KindPlace, Name: "Chain " + string(c-'a'+'A')})
	}
	rel := func(from, typ, to string, evidence ...newsgraph.Evidence) *newsgraph.Relation {
		return &newsgraph.Relation{ID: newsgraph.RelationID(from, typ, to), From: from, Type: typ, To: to, Evidence: evidence}
	}
	d := func(quote string) newsgraph.Evidence {
		return newsgraph.Evidence{Quote: quote, DocumentID: DocDesignation}
	}
	r := func(quote string) newsgraph.Evidence {
		return newsgraph.Evidence{Quote: quote, DocumentID: DocResponse}
	}
	c := func(quote string) newsgraph.Evidence {
		return newsgraph.Evidence{Quote: quote, DocumentID: DocChainNotes}
	}
	succeeded := rel(PersonSheinbaum, "SUCCEEDED", PersonLopezObrador, r("Claudia Sheinbaum succeeded Andrés Manuel López Obrador as president"))
	succeeded.ValidFrom = date("2024-10-01")
	succeeded.Confidence = 0.9
	operates := rel(OrgSinaloaCartel, "OPERATES_IN", PlaceMexico, d("across Mexico"))
	operates.ValidFrom, operates.ValidTo, operates.Confidence = date("2000-01-01"), date("2025-12-31"), 0.75
	relations := []*newsgraph.Relation{
		rel(ClaimCartels, "ABOUT", PlaceMexico, d("the cartels control Mexico")),
		rel(EventDesignation, "HELD_IN", PlaceWashington, d("The designation was announced in Washington")),
		rel(EventDesignation, "INVOLVES", OrgSinaloaCartel, d("designated the Sinaloa Cartel"), r("the designation plan")),
		rel(OrgSinaloaCartel, "DESIGNATED_AS", LegalFTO, d("the Sinaloa Cartel as a Foreign Terrorist Organization")),
		operates,
		rel(OrgSinaloaCartel, "OPERATES_IN", PlaceSinaloa, d("The Sinaloa Cartel operates in Sinaloa")),
		rel(OrgStateDepartment, "DESIGNATES", OrgSinaloaCartel, d("The US Department of State designated the Sinaloa Cartel")),
		rel(PersonLopezObrador, "CRITICISES", EventDesignation, r("López Obrador had criticised the designation plan")),
		rel(PersonSheinbaum, "COOPERATES_WITH", PlaceWashington, r("Mexico would cooperate with Washington without subordination")),
		rel(PersonSheinbaum, "REJECTS", ClaimCartels, d("Claudia Sheinbaum rejected any foreign intervention in Mexico")),
		succeeded,
		rel(PersonTrump, "MAKES_CLAIM", ClaimCartels, d("Donald Trump said the cartels control Mexico")),
		rel(PlaceMexico, "GOVERNED_BY", PersonSheinbaum, r("Claudia Sheinbaum succeeded Andrés Manuel López Obrador as president")),
		rel(PlaceSinaloa, "LOCATED_IN", PlaceMexico, d("operates in Sinaloa and across Mexico")),
		rel(PlaceWashington, "MENTIONS", PlaceWashington, d("announced in Washington")), // a self-loop

		rel(ChainA, "LINKS_TO", ChainB, c("A links to B.")),
		rel(ChainA, "LINKS_TO", ChainD, c("A links to D.")),
		rel(ChainA, "LINKS_TO", ChainE, c("A links to E.")),
		rel(ChainA, "SHORTCUT_TO", ChainF, c("A skips to F.")),
		rel(ChainB, "LINKS_TO", ChainC, c("B links to C.")),
		rel(ChainB, "LINKS_TO", ChainD, c("B links to D.")),
		rel(ChainC, "LINKS_TO", ChainF, c("C links to F.")),
		rel(ChainD, "LINKS_TO", ChainF, c("D links to F.")),
		rel(ChainE, "LINKS_TO", ChainC, c("E links to C.")),
		rel(ChainF, "RETURNS_TO", ChainA, c("F returns to A.")),
	}
	return newsgraph.Batch{Documents: docs, Entities: entities, Relations: relations}
}

// rid returns the id of the fixture relation from -typ-> to.
func rid(from, typ, to string) string { return newsgraph.RelationID(from, typ, to) }
