// Package seed holds the curated seed graph of newsgraph: the entities,
// relations and evidence an analyst extracted by hand from the first
// article, embedded in the binary with go:embed, and the code that loads it
// into a store.
//
// # The article
//
// The seed document is doc:9e9124713ed057f1 (DocumentID), an article
// published on Tuesday 18 November 2025 on Mexican President Claudia
// Sheinbaum's rejection of US military intervention after Donald Trump said
// strikes on cartels in Mexico were "OK with me". Its text is kept byte for
// byte in data/000_9e9124713ed057f1.txt, exactly as received (including a
// leading space, curly quotes and the odd space after an opening quote), so
// that every evidence quote is a verbatim substring of it. The text has no
// headline: the document title was written by the curators and is marked
// "[editorial title]". Source and URL are unknown and left empty.
//
// # Data layout
//
// data/seed.json has the shape of newsgraph.Batch in JSON, except that a
// document names its text file in "textFile" instead of carrying "text"; the
// loader reads the file next to seed.json. Relation ids are left out (Batch
// fills them with newsgraph.RelationID), as is a confidence of 1. Unknown
// JSON fields are rejected, so a misspelt field cannot drop data silently.
// To add an article, put its text next to seed.json, add a document naming
// it, and add entities and relations quoting it.
//
// # Entity ids and names
//
// Every id is newsgraph.EntityID(kind, name): the kind prefix and the slug
// of the canonical name, folded by newsgraph.Fold, so accents are dropped,
// apostrophes removed and British -isation spellings become -ization
// ("Foreign terrorist organisation designation" has the id
// legal-concept:foreign-terrorist-organization-designation). Names avoid
// possessives ("Trump memo to Congress, 2025-10-02", not "Trump's memo") and
// events that recur carry their ISO date in the name. Other spellings
// ("Andres Manuel Lopez Obrador", "AMLO") and abbreviations ("FTO", "CDC")
// are aliases, so that search finds them.
//
// Groups the article names only collectively are single entities whose
// description says so: "Latin American drug cartels", "Criminal groups",
// "Legal experts", "Families of the boat strike victims" (ORGANIZATION),
// "Victims of the boat strikes" (PERSON). People the article tells apart
// are entities of their own, named or not: the two survivors are "Boat
// strike survivor repatriated to Colombia" and "Boat strike survivor
// repatriated to Ecuador", and only Ecuador is reported to have released
// its man. A country PLACE also stands for its state as an actor, as in
// "Ecuador RELEASED the survivor". Courses of action that are argued over
// are LEGAL_CONCEPT entities with a jurisdiction: "Foreign military
// intervention" is what Trump threatens and Sheinbaum rejects.
//
// # Claims
//
// A disputed statement of fact is a CLAIM entity with claimText (the claim
// as reported, quoting where possible), claimantId, a verdict (one of
// newsgraph.AllVerdicts), a verdictNote saying in words why, and
// counterEvidence summarising what the article reports against it.
// UNSUPPORTED: the article says there is no basis for it, or no evidence
// was provided (the note says which); UNVERIFIED: neither confirmed nor
// refuted in the article, which is where a statement about the future
// stands ("no US military intervention will happen"); DISPUTED: contested
// by other actors or by the law as reported; SUPPORTED: backed by data the
// article cites (the note: "official provisional data"). The claimant is
// also linked by a CLAIMS relation, and claims that refute each other by
// CONTRADICTS. A threat to do what a claim says will not happen is a
// THREATENS relation, not a contradiction of the claim.
//
// # Dates
//
// The article is dated Tuesday 18 November 2025, and relative dates are
// worked out from that day: "on Tuesday" is 2025-11-18, "on Monday" is
// 2025-11-17, "over the weekend" (said on Monday) is 2025-11-15 to
// 2025-11-16. A month without a day ("in August", "in October") becomes the
// whole month as start and end date, and a bare year ("in 2023") the whole
// year. "September 2" and "October 2" are in 2025. A count "so far" (the 21
// missile strikes) ends on the publication date. Terms of office come from
// the public record where the article only gives years: Trump's first term
// 2017-01-20 to 2021-01-20, his second from 2025-01-20; López Obrador's
// presidency 2018-12-01 to 2024-09-30 and Sheinbaum's from 2024-10-01. An
// open end (an ongoing campaign, a current office) is left zero.
//
// A date the article does not state says so where it is used, since
// relations have no note of their own: the description of the entity it
// dates, or of the concept a relation is about, names the dates that come
// from the public record. The designation of the cartels as foreign
// terrorist organisations is undated in the article ("throughout his
// second term"): its DESIGNATED_AS relation starts on 2025-01-20, the start
// of that term, and the designation's description says that this day, like
// the days of the first term, is not from the article.
//
// On relations, validFrom and validTo are set only where the article dates
// the fact; a one-off act (a meeting, a repatriation) has both ends set to
// its day or month.
//
// # Confidence
//
// Confidence reflects how directly the article states a relation: 1 when it
// states it; 0.9 for a near-certain reading (the State Department is part of
// the administration; the news conference took place in Mexico); 0.8 for a
// fact reported second hand or implied (Sheinbaum quoting Trump's offer; the
// administration calling the boats drug-smuggling boats); 0.7 or less for an
// inference from framing; 0.6 for what the article says happened
// "reportedly" (the August 2025 secret order).
//
// # Evidence
//
// Every relation has at least one quote, a verbatim substring of the
// article: short, but long enough to support the relation on its own.
// Quotes keep the article's curly apostrophes and quotation marks, its em
// dashes and its stray spaces.
//
// # Relation vocabulary
//
// Relation types are UPPER_SNAKE_CASE verbs and read as a sentence from the
// From entity to the To entity ("person:claudia-sheinbaum REJECTS
// legal-concept:foreign-military-intervention"). Inverse types are not
// used: PRECEDED exists, SUCCEEDED does not. The vocabulary is published at
// the root (newsgraph.Vocabulary, with the kinds each type allows); Batch
// rejects anything else. In short:
//
//   - Office and structure: HOLDS_OFFICE (person to organisation or
//     country), LEADS (person to organisation or campaign), MEMBER_OF
//     (person to organisation), PART_OF (organisation or event to a larger
//     one), PRECEDED (predecessor to successor in an office), LOCATED_IN
//     (to a place).
//   - Speech: TOLD (speaker to addressee), RESPONDED_TO, ECHOED (who
//     repeated whose position), CLAIMS (claimant or issued text to a CLAIM),
//     CONTRADICTS (claim or actor to the claim it refutes), CRITICIZED,
//     DENOUNCED, ADDRESSED_TO (issued text to its recipient).
//   - Positions: THREATENS, PROPOSED (offers and pledges), CONSIDERED,
//     REJECTS, DEFENDS, COOPERATES_WITH.
//   - Events: PARTICIPATED_IN (actor to event or term of office), MET_WITH,
//     ISSUED (actor to an order, memo or pledge), AUTHORIZES (order to
//     actor), TARGETED, TOOK_PLACE_IN, CONCERNS (event or claim to what it
//     is about), KILLED, SURVIVED, REPATRIATED_TO, RELEASED, FAMILY_OF.
//   - Law: DESIGNATED_AS (formal designation), FRAMED_AS (informal legal
//     characterisation by someone named in the evidence), INVOKES,
//     USED_TO_JUSTIFY (claim or argument to the action it justifies),
//     DOES_NOT_JUSTIFY, GOVERNED_BY (concept to body of law), VESTED_IN
//     (power to the body that holds it).
package seed
