// Package ingest is the write path of newsgraph: it turns a document and
// the entities and relations an analyst (or an extraction pipeline) found
// in it into one all-or-nothing write, resolving the entities against the
// graph so that the graph grows without duplicates.
//
// # Input
//
// An Input is one document, the entities it names and the relations it
// supports (the GraphQL IngestInput, and one line of the JSON Lines format
// of "newsgraph import" and "newsgraph export"):
//
//	{"document": {"title": "...", "publishedAt": "2025-11-19", "text": "..."},
//	 "entities": [{"ref": "trump", "kind": "PERSON", "name": "President Trump"},
//	              {"ref": "mexico", "kind": "PLACE", "name": "Mexico"}],
//	 "relations": [{"type": "THREATENS", "from": "trump", "to": "mexico",
//	                "quotes": ["a verbatim quote from the text"]}]}
//
// A ref is a handle local to the input. Relation ends (from, to), an
// event's place and a claim's claimant name a ref of the input or the id of
// an existing entity; a ref wins when a string is both. The document id is
// given or derived from the text (DocumentID), so ingesting the same text
// again names the same document; a stored document with the same id must
// have the same text. An input without a document carries entities only.
//
// # Validation
//
// Ingest validates the whole input before it writes anything (see
// Input.Validate, then the checks that need the store: referenced entity
// ids exist, a stored document has the same text). The first problem is a
// newsgraph Invalid error (BAD_USER_INPUT; LimitExceeded for size limits)
// whose message names the item, such as
//
//	ingest: relations[2] (THREATENS trump -> mexico): quote "..." is not in the document text
//
// # Entity resolution
//
// An entity input with an id means that entity: it is matched when the id
// exists (an id merged away matches its survivor) and created with that id
// otherwise. An input without an id is resolved among entities of its kind
// by folded text (newsgraph.Fold: case, diacritics, punctuation and British
// spellings do not matter). The lookup keys are, in order: its name, its
// aliases, and then, for a PERSON, the same with the honorifics and offices
// before the name removed ("President Trump", "Mr Trump", "the Mexican
// president Claudia Sheinbaum", "Secretary of State Marco Rubio"; see
// titles in keys.go) and, for other kinds, without a leading "the". The
// first key that equals the folded name or an alias of an entity wins;
// among several entities a name match beats an alias match, then the
// smaller id wins. Matching is exact on folded keys: a bare surname
// ("Mr Maduro" gives "maduro") matches only an entity that has it as its name
// or an alias, never "Nicolás Maduro" by a partial match. Initialisms are not identities: "DT" never resolves to
// Donald Trump. Entities already resolved or created earlier in the same
// input are candidates too. An input that resolves to nothing is created
// with the id newsgraph.EntityID(kind, name) (matched instead if that id
// exists), with its fields as given; a new PERSON's name loses the titles
// it starts with, which become its first alias ("Mr. Ana Acosta" creates
// person:ana-acosta named "Ana Acosta" with the alias "Mr. Ana Acosta"). An
// input with an id keeps its name exactly.
//
// A matched entity keeps its fields; the input's name and aliases that it
// does not have yet (by folded text) are added to its aliases, which is how
// "President Trump" accumulates on person:donald-trump. Result says which
// entities were created and which matched.
//
// # Relations and evidence
//
// A relation's identity is its (from, type, to) after resolution. Its
// evidence is its quotes paired with this document. A relation that does
// not exist is created with the input's fields (a zero confidence is 1). An
// existing one keeps its fields and gains this document's evidence
// (corroborated); one that already has all of it changes nothing and counts
// as neither created nor corroborated, so ingesting again reports 0 and 0.
// Relations of one input that resolve to the same identity are one
// relation with the union of their quotes and the fields of the first.
//
// # Curation rules and warnings
//
// Quotes are found in the text verbatim or after folding typographic
// variants (newsgraph.QuoteFinder); the evidence is the text's own span with
// its character offsets, and a quote found only after folding gives a
// WarnQuoteFolded warning. Relation types are mapped to the relation
// vocabulary (newsgraph.CanonicalRelationType): a synonym or another spelling
// is written as the vocabulary's type (WarnRelationTypeMapped); an unknown
// type (WarnRelationTypeUnknown) and ends of kinds the type does not allow
// (WarnRelationKinds) are accepted, or rejected under StrictVocabulary. A new
// relation whose ends resolve to one entity is Invalid unless its type
// allows self-loops, the relation is stored already, or both ends give the
// entity's id itself (as Export writes a self-loop that a merge made). A new
// entity created by name that may be an existing one
// (newsgraph.PossibleDuplicate) gives a WarnPossibleDuplicate warning, found
// with at most three store searches per entity (WithoutDuplicateWarnings
// turns them off). Result.Entities says what each entity input resolved to.
//
// # Dry runs
//
// DryRun plans an input as Ingest does, through the same code, and returns
// the Result that Ingest would give, writing nothing; Rehearsal does the
// same for a sequence of inputs, each planned after the ones before it, as
// "newsgraph import --dry-run" reads a file.
//
// # Writes and concurrency
//
// Everything an Ingest writes goes into one newsgraph.Store Upsert, which
// the store makes atomic and durable: after Ingest returns, the document is
// there with all its entities and relations, and after an error or a crash
// nothing of it is. Nothing is written when nothing would change.
//
// A Service serialises its writes with a mutex, so two concurrent ingests
// in one process cannot both decide to create the same new entity, nor
// lose each other's aliases. Several processes writing to one Neo4j
// database (replicas of the server, or an import next to a server) are not
// serialised against each other: between one's resolution and its Upsert,
// another may create the same entity under a different id (two ingests of
// "Nicolás Maduro" and "President Maduro" both creating), or update an
// entity whose aliases the first then overwrites with its older copy plus
// its own. Same-id creations are harmless (Upsert is idempotent); the
// others need a merge (Writer.MergeEntities) afterwards, or a single writer,
// or a database lock around resolution and write.
//
// # Mutations one at a time
//
// UpsertEntity creates an entity or patches the one it resolves to (set
// fields replace stored ones; aliases are only added). UpsertRelation
// creates or updates one relation between existing entity ids, with quotes
// from an already stored document named by its id: the GraphQL mutations
// upsertEntity and upsertRelation call them.
//
// # Export
//
// Export writes the whole graph as Inputs that reproduce it when ingested
// in order into an empty store.
package ingest
