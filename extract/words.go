package extract

import "strings"

// The word lists the offline extractor's rules read, folded. They are the
// cues documented in the package comment.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

// connectors may join capitalised words into one name ("Organization of
// American States", "Tren de Aragua", "Trinidad and Tobago").
var connectors = set("of de del la le du da di von van der den and for y on the al bin el")

// leadingStop are words a capitalised run may start with that are not part
// of a name: function words, pronouns, sentence openers.
var leadingStop = set(`the a an in on at by for from to of with and but or nor if when while after before since
	then as so yet his her their its our my your this that these those there here it he she they we i you me him them us
	what whatever who whom whose which where how why only some many most all every each no not also even just still
	more less much according meanwhile however despite although though because under over during about among
	let look would could should will can may might must do does did is are was were be been has have had
	one two three four five six seven eight nine ten several last next other another such both either neither
	now today yesterday tomorrow earlier later ok yes asked like unlike once twice instead rather whether
	first second third new old few any none nothing something everything anyone everyone someone
	thanks please dear hello well oh so indeed certainly perhaps maybe
	ive im id ill weve were theyre youre hes shes its thats theres lets dont wont cant didnt doesnt isnt`)

// dateWords are never entities themselves.
var dateWords = set(`monday tuesday wednesday thursday friday saturday sunday weekend
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`)

// adjectives are capitalised words that qualify rather than name.
var adjectives = set(`republican republicans democratic democrat democrats conservative liberal socialist communist
	catholic muslim christian jewish hindu buddhist western eastern northern southern central federal national
	global royal islamic arab western prime deputy spanish english`)

// titles precede a person's name or stand for the person ("President",
// "Ms", "secretary of state"). Multi-word titles use "_".
var titles = set(`president vice_president president_elect prime_minister deputy_prime_minister premier
	secretary secretary_of_state secretary_of_defense secretary_general foreign_secretary home_secretary
	press_secretary senator sen representative rep congressman congresswoman speaker governor gov mayor minister
	foreign_minister defense_minister interior_minister finance_minister trade_minister chancellor attorney_general
	judge justice chief_justice ambassador envoy general gen admiral colonel commander lieutenant
	mr mrs ms miss dr prof professor sir dame lord lady king queen prince princess pope rev reverend sheikh
	rapporteur special_rapporteur commissioner trade_commissioner director director_general spokesperson spokesman
	spokeswoman chairman chairwoman chair ceo chief leader candidate presidential_candidate official officer
	captain inspector sergeant detective chief_executive head coordinator administrator`)

// honorifics are titles that are not offices.
var honorifics = set("mr mrs ms miss dr sir dame lord lady prof professor rev reverend")

// titleModifiers may stand before a title in a role ("then-presidential
// candidate", "former president").
var titleModifiers = set("former then late acting incoming outgoing interim presidential prominent deputy vice senior top chief special")

// orgWords make a capitalised name an organisation ("Ministry of Defence",
// "Republican Party", "Sinaloa Cartel").
var orgWords = set(`ministry party council department congress parliament senate assembly commission committee union
	organization organisation agency bank court army navy force forces police guard cartel centers centres center centre
	institute university college news times post press association group company corporation corp inc ltd llc fund
	federation league administration government service services authority board bureau front movement alliance
	coalition network tribunal secretariat nations office foundation society cross crescent program programme command
	brigade reuters bloc club cabinet directorate inspectorate observatory panel parliamentary commissioner's
	airlines airways railways motors industries holdings bank's telegraph guardian herald journal tribune gazette`)

// trailingOrgWords make an organisation only after another word ("Amnesty
// International"); alone they qualify ("International help").
var trailingOrgWords = set("international")

// orgHeads are nouns after a place, demonym or person that name an
// organisation with it ("US military", "Mexican government", "Trump
// administration", "Latin American cartels"). Multi-word heads use "_".
var orgHeads = set(`administration government military army navy air_force special_forces armed_forces police coast_guard
	cartel cartels parliament ministry foreign_ministry defense_ministry embassy congress senate navy
	security_forces intelligence_services fire_service emergency_services red_cross civil_protection`)

// placeWords make a capitalised name a place ("Colca Valley", "Lake
// Titicaca"), as do placeNouns before "of" ("the town of Chivay").
var placeWords = set("valley river lake mount mountains island islands bay province region strait desert peninsula gulf coast county district canyon")

var compass = set("north south east west northern southern eastern western central northeast northwest southeast southwest")

var placeNouns = set("town city village province region district state island port capital")

// orgCues after a name make it an organisation without being part of it
// ("the Tren de Aragua gang").
var orgCues = set("gang gangs militia militias cartel group party movement network company firm agency newspaper union coalition")

// speechVerbs follow or precede a speaker.
var speechVerbs = set(`said says told tells replied replies added adds continued continues explained explains asked asks
	stated states noted notes warned warns argued argues insisted insists declared declares announced announces
	wrote writes claimed claims acknowledged acknowledges admitted admits responded responds urged urges
	countered counters conceded concedes confirmed confirms denied denies recalled recalls`)

// notNames are capitalised words that are never names on their own.
var notNames = set("ok okay tv am pm i ii iii id ceo ngo ngos gdp covid")
